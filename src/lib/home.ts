import type { Atlas } from './atlas.ts';
import { sectionPath, textKey, type Lang } from './urls.ts';
import { siteParts, type SitePart } from '../schemas/section.ts';
import { partLabels } from './sidebar.ts';

export interface HomePart {
	id: SitePart;
	label: string;
	links: Array<{ title: string; description: string; href: string }>;
}

/** The home page's routes into each part: sections in order, with their row counts. */
export function homeParts(atlas: Atlas, lang: Lang): HomePart[] {
	const key = textKey(lang);
	const counts = new Map<string, number>();
	for (const row of atlas.rows) counts.set(row.entry.section, (counts.get(row.entry.section) ?? 0) + 1);
	return siteParts.map((part) => ({
		id: part,
		label: partLabels[part][key],
		links: atlas.sections
			.filter((section) => section.part === part)
			.map((section) => ({
				title: `${section.title[key]} (${counts.get(section.id) ?? 0})`,
				description: section.description[key],
				href: sectionPath(section.id),
			})),
	}));
}

/** Ways back in from the 404 page, in both languages. */
export function notFoundLinks(): Array<{ title: string; href: string; lang: 'zh-CN' | 'en' }> {
	return [
		{ title: '首页', href: '/', lang: 'zh-CN' },
		{ title: 'English home', href: '/', lang: 'en' },
		{ title: '故障排查代码路径', href: sectionPath('troubleshooting-paths'), lang: 'zh-CN' },
		{ title: 'Troubleshooting code paths', href: sectionPath('troubleshooting-paths'), lang: 'en' },
		{ title: '勘误表', href: '/errata/', lang: 'zh-CN' },
		{ title: 'Errata', href: '/errata/', lang: 'en' },
	];
}
