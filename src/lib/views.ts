import type { Erratum, Item, LocalizedText, PullRequest, SourceRef, VersionNote } from '../schemas/common.ts';
import type { Section } from '../schemas/section.ts';
import type { AnyRow } from './atlas.ts';
import { entryPath, githubUrl, hasEntryPages, textKey, type Lang } from './urls.ts';

/** Looks up a UI string (Starlight's `Astro.locals.t`, or a stub in tests). */
export type Translate = (key: string) => string;

/** A piece of inline content in a cell. Components map it to markup; no logic in templates. */
export interface Inline {
	text: string;
	/** Monospace (paths, identifiers, log lines). */
	code?: boolean;
	/** Link target: absolute (GitHub) or site-relative (`/code/x/`). */
	href?: string;
	/** Tooltip, e.g. the full path behind a short label. */
	title?: string;
	/** Rendered as a small badge. */
	badge?: 'stage' | 'absent' | 'unchecked' | 'risk' | 'version';
	/** Rendered as secondary text (what the seed had). */
	note?: boolean;
}
export type Line = Inline[];

/** One cell (or one field on an entry page). */
export interface CellView {
	field: string;
	label: string;
	lines: Line[];
	/** Plain text for sorting and filtering. */
	sortText: string;
}

/** A table row ready to render. */
export interface RowView {
	id: string;
	collection: AnyRow['collection'];
	sectionId: string;
	/** Names the path or thing; used as the row's search-result title. */
	title: string;
	/** Site-relative URL of the entry page, when the collection has entry pages. */
	entryHref: string | undefined;
	cells: CellView[];
	errata: Erratum[];
	/** Facet values for table filters. */
	facets: { version?: string; stage?: string; risk?: string };
	/** Exact search keys: paths, identifiers, modules, log keywords. */
	searchKeys: string[];
}

const local = (text: LocalizedText, lang: Lang) => text[textKey(lang)];

/** A text whose `backtick` spans (commands, flags, fields, as the seed writes them) become code pieces. */
export function textLine(text: string): Line {
	return text
		.split(/(`[^`]+`)/)
		.filter((part) => part !== '')
		.map((part) => (/^`[^`]+`$/.test(part) ? { text: part.slice(1, -1), code: true } : { text: part }));
}

const isRef = (item: Item): item is SourceRef => 'path' in item;

/** Inline pieces for a place in the source tree: a GitHub link at v1.32.0 (none when absent) plus notes. */
export function sourceRefLine(ref: SourceRef, t: Translate): Line {
	const shown = ref.label ?? ref.symbol ?? ref.path;
	const line: Line = [
		{
			text: shown,
			code: true,
			...(ref.status === 'absent' ? {} : { href: githubUrl(ref.path, ref.line) }),
			title: ref.symbol ? `${ref.path}${ref.line ? `:${ref.line}` : ''}` : ref.path,
		},
	];
	if (ref.status === 'absent') line.push({ text: t('atlas.absent'), badge: 'absent' });
	if (ref.status === 'unchecked') line.push({ text: t('atlas.unchecked'), badge: 'unchecked' });
	if (ref.seedPath) line.push({ text: `${t('atlas.movedFrom')}: ${ref.seedPath}`, note: true });
	if (ref.seedSymbol) line.push({ text: `${t('atlas.seedHad')}: ${ref.seedSymbol}`, note: true });
	return line;
}

export function itemLine(item: Item, lang: Lang, t: Translate): Line {
	return isRef(item) ? sourceRefLine(item, t) : textLine(local(item.text, lang));
}

export function versionNoteLine(note: VersionNote, lang: Lang, t: Translate): Line {
	const line: Line = [];
	if (note.version) line.push({ text: note.version, badge: 'version' });
	if (note.stage) line.push({ text: t(`atlas.stage.${note.stage}`), badge: 'stage' });
	line.push(...textLine(local(note.text, lang)));
	return line;
}

export function prLine(pr: PullRequest): Line {
	return [
		{ text: `#${pr.number}`, href: `https://github.com/kubernetes/kubernetes/pull/${pr.number}` },
		{ text: pr.title },
	];
}

const plain = (lines: Line[]) =>
	lines
		.map((line) => line.filter((piece) => !piece.badge || piece.badge === 'version' || piece.badge === 'stage' || piece.badge === 'risk').map((piece) => piece.text).join(' '))
		.join(' ');

/** Lines of one field of an entry, whatever its type. */
export function fieldLines(row: AnyRow, field: string, lang: Lang, t: Translate): Line[] {
	const value: unknown = (row.entry as Record<string, unknown>)[field];
	if (value === undefined) return [];
	switch (field) {
		case 'path':
		case 'module':
			if (row.collection === 'stagingModules' && field === 'module') {
				return [[{ text: row.entry.module, code: true }]];
			}
			return [sourceRefLine(value as SourceRef, t)];
		case 'keyFiles':
		case 'keyItems':
		case 'keyTypes':
		case 'keyLogic':
		case 'parameters':
			return (value as Item[]).map((item) => itemLine(item, lang, t));
		case 'paths':
		case 'functions':
			return (value as Item[]).map((item) => itemLine(item, lang, t));
		case 'changes':
		case 'evolution':
			return (value as VersionNote[]).map((note) => versionNoteLine(note, lang, t));
		case 'prs':
			return (value as PullRequest[]).map(prLine);
		case 'logKeywords':
			return (value as string[]).map((keyword) => [{ text: keyword, code: true }]);
		case 'version':
			return [[{ text: String(value), badge: 'version' }]];
		case 'stage':
			return [[{ text: t(`atlas.stage.${String(value)}`), badge: 'stage' }]];
		case 'risk': {
			const line: Line = [{ text: t(`atlas.risk.${String(value)}`), badge: 'risk' }];
			if (row.collection === 'customizations' && row.entry.riskNote) line.push(...textLine(local(row.entry.riskNote, lang)));
			return [line];
		}
		case 'repo':
			return [[{ text: String(value).replace(/^https:\/\//, ''), href: String(value) }]];
		case 'name':
			return [[{ text: String(value), code: true }]];
		case 'change': {
			const line: Line = [];
			if (row.collection === 'versionChanges' && row.entry.stage) {
				line.push({ text: t(`atlas.stage.${row.entry.stage}`), badge: 'stage' });
			}
			line.push(...textLine(local(value as LocalizedText, lang)));
			return [line];
		}
		default:
			if (typeof value === 'object' && value !== null && 'zh' in value) {
				return [textLine(local(value as LocalizedText, lang))];
			}
			return [[{ text: String(value) }]];
	}
}

/** Title naming the row's path or thing (its search-result title). */
export function rowTitle(row: AnyRow, lang: Lang): string {
	switch (row.collection) {
		case 'components':
			return `${row.entry.name} (${row.entry.path.path})`;
		case 'stagingModules':
			return row.entry.module;
		case 'versionChanges':
			return `${row.entry.version} ${row.entry.module.path}: ${local(row.entry.change, lang)}`;
		case 'troubleshooting':
			return local(row.entry.symptom, lang);
		case 'tuning':
		case 'customizations':
			return local(row.entry.scenario, lang);
		default:
			return row.entry.path.path;
	}
}

/** Exact search keys of a row: its paths (and the seed's old paths), symbols, modules and log keywords. */
export function rowSearchKeys(row: AnyRow, refs: ReadonlyArray<SourceRef>): string[] {
	const keys = new Set<string>();
	for (const ref of refs) {
		keys.add(ref.path);
		if (ref.seedPath) keys.add(ref.seedPath);
		if (ref.symbol) keys.add(ref.symbol);
		if (ref.seedSymbol) keys.add(ref.seedSymbol.replace(/\(\)$/, ''));
	}
	if (row.collection === 'stagingModules') keys.add(row.entry.module);
	if (row.collection === 'components') keys.add(row.entry.name);
	if (row.collection === 'troubleshooting') row.entry.logKeywords.forEach((keyword) => keys.add(keyword));
	return [...keys];
}

/** Builds the view of one row for a section's table. */
export function rowView(
	row: AnyRow,
	section: Section,
	refs: ReadonlyArray<SourceRef>,
	lang: Lang,
	t: Translate,
): RowView {
	const cells = section.columns.map((column) => {
		const lines = fieldLines(row, column.field, lang, t);
		return { field: column.field, label: local(column.label, lang), lines, sortText: plain(lines) };
	});
	const facets: RowView['facets'] = {};
	if (row.collection === 'versionChanges') {
		facets.version = row.entry.version;
		if (row.entry.stage) facets.stage = row.entry.stage;
	}
	if (row.collection === 'customizations') facets.risk = row.entry.risk;
	return {
		id: row.entry.id,
		collection: row.collection,
		sectionId: section.id,
		title: rowTitle(row, lang),
		entryHref: hasEntryPages(row.collection) ? entryPath(row.collection, row.entry.id) : undefined,
		cells,
		errata: row.entry.errata,
		facets,
		searchKeys: rowSearchKeys(row, refs),
	};
}

/** Whether an erratum rests only on B/K evidence (shown as "unverified against the v1.32.0 tree"). */
export function isUnverified(erratum: Erratum): boolean {
	return erratum.evidence.length === 0 || erratum.evidence.every((level) => level === 'B' || level === 'K');
}
