import type { Atlas } from './atlas.ts';
import { sourceRefsOf } from './atlas.ts';
import { rowHref } from './pages.ts';
import type { LookupLayout } from './search-query.ts';
import { lookupLayout, numberTargets, type LookupTarget } from './search-shards.ts';
import { textKey, type Lang } from './urls.ts';
import { rowView, type Translate } from './views.ts';

/** Tie-break order when two targets score the same: the entries that define things first. */
const kindRank: Record<string, number> = {
	codePaths: 0,
	packages: 1,
	components: 2,
	stagingModules: 3,
	troubleshooting: 4,
	directories: 5,
	tuning: 6,
	versionChanges: 7,
	customizations: 8,
	snippets: 9,
};

/** Commands people search for in a code block: `make <target>`, `hack/…` scripts, `--flags`, `_output/bin/…` binaries. */
export function snippetKeys(code: string): string[] {
	const patterns = [/\bmake [a-z][\w-]*/g, /\bhack\/[\w./-]+/g, /(?<![\w-])--[a-z][\w-]*/g, /_output\/bin\/[\w-]+/g];
	return [...new Set(patterns.flatMap((pattern) => code.match(pattern) ?? []))];
}

/** The rows that are lookup targets, with their section; the layout counts the same rows buildLookup writes. */
function lookupRows(atlas: Atlas) {
	return atlas.rows.flatMap((row) => {
		const section = atlas.sectionById.get(row.entry.section);
		return section ? [{ row, section }] : [];
	});
}

/**
 * The exact lookup's targets for one language, built from the same data as the pages: every row (landing on
 * its entry page, or on its table row when it has none) and every code block of the developer guide; numbered
 * in tie-break order (see numberTargets).
 */
export function buildLookup(atlas: Atlas, lang: Lang, t: Translate): LookupTarget[] {
	const key = textKey(lang);
	const targets: LookupTarget[] = [];
	for (const { row, section } of lookupRows(atlas)) {
		const view = rowView(row, section, sourceRefsOf(row), lang, t);
		const [first, second, ...rest] = view.cells;
		targets.push({
			u: rowHref(row),
			t: view.title,
			s: section.title[key],
			k: view.searchKeys,
			x: [
				`${view.title} ${first?.sortText ?? ''}`,
				second?.sortText ?? '',
				rest.map((cell) => cell.sortText).join(' '),
			],
			p: kindRank[row.collection] ?? 10,
		});
	}
	for (const snippet of atlas.data.snippets) {
		// Code blocks are indexed in full by Pagefind; the lookup keeps what people type: make targets,
		// hack/ scripts, flags and binaries, plus the translated comments.
		targets.push({
			u: `/${snippet.page}/#snippet-${snippet.id}`,
			t: snippet.title[key],
			s: snippet.page,
			k: snippetKeys(snippet.code),
			x: [snippet.title[key], '', Object.values(snippet.comments).map((comment) => comment[key]).join(' ')],
			p: kindRank['snippets'] ?? 10,
		});
	}
	return numberTargets(targets);
}

/** Shard counts of the lookup: from the number of targets only (the same in both languages). */
export function lookupLayoutOf(atlas: Atlas): LookupLayout {
	return lookupLayout(lookupRows(atlas).length + atlas.data.snippets.length);
}
