// Where the build's time goes, measured outside Astro on the same data: loading the YAML, and the
// per-page work of the site's own code (related entries, entry views, section rows, the exact lookup).
import { buildAtlas } from '../../src/lib/atlas.ts';
import { loadContentDir } from '../../src/lib/load-content.ts';
import { entryView, sectionRows } from '../../src/lib/pages.ts';
import { relatedRows } from '../../src/lib/related.ts';
import { buildLookup, lookupLayoutOf } from '../../src/lib/search-lookup.ts';
import { buildLookupFiles } from '../../src/lib/search-shards.ts';
import { hasEntryPages } from '../../src/lib/urls.ts';

export interface ProbeResult {
	rows: number;
	entryPages: number;
	/** Reading, parsing and validating every YAML file, and building the atlas. */
	loadMs: number;
	/** Per entry page (sampled). */
	relatedMsPerPage: number;
	entryViewMsPerPage: number;
	/** Every section table, one language. */
	sectionRowsMs: number;
	/** One language's exact lookup (lookup/*.json). */
	lookupMs: number;
	/** entryView × entry pages × 2 languages: the site code's share of rendering entry pages. */
	entryPagesEstimateMs: number;
}

export function probe(contentDir: string, samples = 120): ProbeResult {
	const t = (key: string) => key;
	let start = performance.now();
	const atlas = buildAtlas(loadContentDir(contentDir));
	const loadMs = performance.now() - start;
	const rows = atlas.rows.filter((row) => hasEntryPages(row.collection));
	const step = Math.max(1, Math.floor(rows.length / samples));
	const sample = rows.filter((_, index) => index % step === 0);

	// Warm up the JIT, then take the faster of two passes: other work on the machine only makes a pass slower.
	for (const row of sample.slice(0, 10)) entryView(atlas, row, 'en', t);
	const perPage = (work: (row: (typeof sample)[number]) => unknown) => {
		let best = Number.POSITIVE_INFINITY;
		for (let pass = 0; pass < 2; pass++) {
			const begin = performance.now();
			for (const row of sample) work(row);
			best = Math.min(best, (performance.now() - begin) / sample.length);
		}
		return best;
	};
	const relatedMsPerPage = perPage((row) => relatedRows(atlas, row));
	const entryViewMsPerPage = perPage((row) => entryView(atlas, row, 'zh-CN', t));

	start = performance.now();
	for (const section of atlas.sections) sectionRows(atlas, section, 'zh-CN', t);
	const sectionRowsMs = performance.now() - start;

	start = performance.now();
	buildLookupFiles(buildLookup(atlas, 'zh-CN', t), lookupLayoutOf(atlas));
	const lookupMs = performance.now() - start;

	return {
		rows: atlas.rows.length,
		entryPages: rows.length * 2,
		loadMs,
		relatedMsPerPage,
		entryViewMsPerPage,
		sectionRowsMs,
		lookupMs,
		entryPagesEstimateMs: entryViewMsPerPage * rows.length * 2,
	};
}
