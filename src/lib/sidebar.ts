import type { Section, SitePart } from '../schemas/index.ts';
import { siteParts } from '../schemas/index.ts';
import { sectionPath } from './urls.ts';

/** Sidebar group labels, Chinese first. */
export const partLabels: Record<SitePart | 'guide' | 'about', { zh: string; en: string }> = {
	'source-tree': { zh: '源码树', en: 'Source tree' },
	components: { zh: '组件', en: 'Components' },
	subsystems: { zh: '子系统', en: 'Subsystems' },
	'version-changes': { zh: '版本变更', en: 'Version changes' },
	operations: { zh: '排障与调优', en: 'Troubleshooting and tuning' },
	guide: { zh: '开发者指南', en: 'Developer guide' },
	about: { zh: '关于', en: 'About' },
};

interface SidebarLink {
	label: string;
	translations: Record<string, string>;
	link: string;
}
interface SidebarGroup {
	label: string;
	translations: Record<string, string>;
	items: Array<SidebarLink | { autogenerate: { directory: string } } | string>;
}

const link = (label: { zh: string; en: string }, href: string): SidebarLink => ({
	label: label.zh,
	translations: { en: label.en },
	link: href,
});
const group = (part: keyof typeof partLabels, items: SidebarGroup['items']): SidebarGroup => ({
	label: partLabels[part].zh,
	translations: { en: partLabels[part].en },
	items,
});

/** Extra pages that belong to a part, placed before its sections. */
const partExtras: Partial<Record<SitePart, SidebarLink[]>> = {
	'version-changes': [link({ zh: '版本时间线', en: 'Version timeline' }, '/timeline/')],
};

/** Starlight sidebar grouped the way a reader thinks: parts in reading order, sections by `order`. */
export function buildSidebar(sections: ReadonlyArray<Section>): SidebarGroup[] {
	const parts = siteParts.map((part) =>
		group(part, [
			...(partExtras[part] ?? []),
			...sections
				.filter((section) => section.part === part)
				.sort((a, b) => a.order - b.order)
				.map((section) => link(section.title, sectionPath(section.id))),
		]),
	);
	return [
		...parts,
		group('guide', [{ autogenerate: { directory: 'guide' } }]),
		group('about', [link({ zh: '关于本站', en: 'About' }, '/about/'), link({ zh: '勘误表', en: 'Errata' }, '/errata/')]),
	];
}
