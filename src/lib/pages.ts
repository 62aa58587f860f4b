import type { Erratum } from '../schemas/common.ts';
import type { Section } from '../schemas/section.ts';
import type { AnyRow, Atlas } from './atlas.ts';
import { sourceRefsOf } from './atlas.ts';
import { relatedRows } from './related.ts';
import { entryPath, githubUrl, hasEntryPages, rowPath, textKey, type Lang } from './urls.ts';
import { fieldLines, rowTitle, rowView, type CellView, type RowView, type Translate } from './views.ts';

/** Rows of a section, in data order, ready to render. */
export function sectionRows(atlas: Atlas, section: Section, lang: Lang, t: Translate): RowView[] {
	return atlas.rows
		.filter((row) => row.entry.section === section.id)
		.map((row) => rowView(row, section, sourceRefsOf(row), lang, t));
}

export interface RelatedLink {
	title: string;
	href: string;
	collection: AnyRow['collection'];
}

/** Where a row is shown: its entry page, or its row in the section table. */
export function rowHref(row: AnyRow): string {
	return hasEntryPages(row.collection) ? entryPath(row.collection, row.entry.id) : rowPath(row.entry.section, row.entry.id);
}

export interface EntryView {
	title: string;
	description: string;
	section: Section;
	/** Row anchor of this entry in its section table. */
	rowHref: string;
	/** GitHub link of the entry's own path, unless it does not exist at v1.32.0. */
	githubHref: string | undefined;
	fields: CellView[];
	errata: Erratum[];
	related: Array<{ collection: AnyRow['collection']; links: RelatedLink[] }>;
	searchKeys: string[];
}

/** Extra fields an entry page shows beyond its table columns (`implementedBy` shows as related entries). */
const extraFields = ['name', 'stage'] as const;

/** Everything an entry page shows: every field, errata and related entries. */
export function entryView(atlas: Atlas, row: AnyRow, lang: Lang, t: Translate): EntryView {
	const section = atlas.sectionById.get(row.entry.section);
	if (!section) throw new Error(`entry ${row.entry.id}: unknown section ${row.entry.section}`);
	const view = rowView(row, section, sourceRefsOf(row), lang, t);
	const key = textKey(lang);
	const related = relatedRows(atlas, row);
	const shown = new Set(section.columns.map((column) => column.field));
	const fields = [...view.cells];
	for (const field of extraFields) {
		if (shown.has(field) || !(field in row.entry)) continue;
		const lines = fieldLines(row, field, lang, t);
		if (lines.length > 0) fields.push({ field, label: t(`atlas.field.${field}`), lines, sortText: '' });
	}
	const main = row.collection === 'versionChanges' ? row.entry.module : 'path' in row.entry ? row.entry.path : undefined;
	const groups = new Map<AnyRow['collection'], RelatedLink[]>();
	for (const other of related) {
		const list = groups.get(other.collection) ?? [];
		list.push({ title: rowTitle(other, lang), href: rowHref(other), collection: other.collection });
		groups.set(other.collection, list);
	}
	return {
		title: view.title,
		description: `${section.title[key]} · ${view.title}`,
		section,
		rowHref: rowPath(section.id, row.entry.id),
		githubHref: main && typeof main === 'object' && main.status !== 'absent' ? githubUrl(main.path) : undefined,
		fields,
		errata: row.entry.errata,
		related: [...groups.entries()].map(([collection, links]) => ({ collection, links })),
		searchKeys: view.searchKeys,
	};
}
