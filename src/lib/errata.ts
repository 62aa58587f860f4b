import type { Erratum } from '../schemas/common.ts';
import type { Section } from '../schemas/section.ts';
import type { Atlas } from './atlas.ts';
import { rowHref } from './pages.ts';
import { rowTitle } from './views.ts';
import type { Lang } from './urls.ts';

export interface ErrataItem {
	title: string;
	/** Site-relative link to the corrected entry, row, code block or paragraph. */
	href: string;
	errata: Erratum[];
}
export interface ErrataGroup {
	section: Section | undefined;
	/** Prose page slug, for the prose group. */
	items: ErrataItem[];
}

/** Every correction against the seed, grouped by section (then prose pages), in reading order. */
export function errataGroups(atlas: Atlas, lang: Lang): ErrataGroup[] {
	const groups: ErrataGroup[] = atlas.sections.map((section) => ({
		section,
		items: atlas.rows
			.filter((row) => row.entry.section === section.id && row.entry.errata.length > 0)
			.map((row) => ({ title: rowTitle(row, lang), href: rowHref(row), errata: row.entry.errata })),
	}));
	const key = lang === 'en' ? 'en' : 'zh';
	const prose: ErrataItem[] = [
		...atlas.data.snippets
			.filter((snippet) => snippet.errata.length > 0)
			.map((snippet) => ({ title: snippet.title[key], href: `/${snippet.page}/#snippet-${snippet.id}`, errata: snippet.errata })),
		...atlas.data.proseErrata.map((erratum) => ({
			title: erratum.page,
			href: `/${erratum.page}/#erratum-${erratum.id}`,
			errata: [erratum],
		})),
	];
	return [...groups, { section: undefined, items: prose }].filter((group) => group.items.length > 0);
}

/** Number of corrections. */
export function errataCount(groups: ReadonlyArray<ErrataGroup>): number {
	return groups.reduce((sum, group) => sum + group.items.reduce((n, item) => n + item.errata.length, 0), 0);
}
