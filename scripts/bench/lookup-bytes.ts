// Exact-lookup bytes per query, without building the site: builds the lookup files in memory (the same builder
// as the route) and counts, for each query of the search regression suite, the gzip bytes of the files it reads.
//   node scripts/bench/lookup-bytes.ts [factor]   (factor > 1: synthetic content, see synth.ts; default 1)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { buildAtlas } from '../../src/lib/atlas.ts';
import { loadContentDir } from '../../src/lib/load-content.ts';
import { buildLookup, lookupLayoutOf } from '../../src/lib/search-lookup.ts';
import { rankShards, type Shard } from '../../src/lib/search-query.ts';
import { buildLookupFiles } from '../../src/lib/search-shards.ts';
import { generateScaledContent } from './synth.ts';

const root = resolve(import.meta.dirname, '../..');
const factor = Number(process.argv[2] ?? 1);
const work = factor > 1 ? mkdtempSync(join(tmpdir(), 'atlas-lookup-')) : undefined;
const contentDir = work ? generateScaledContent(join(root, 'content'), join(work, 'content'), factor).dir : join(root, 'content');
const atlas = buildAtlas(loadContentDir(contentDir));
const cases = parse(readFileSync(join(root, 'tests/e2e/search-queries.yaml'), 'utf8')) as Array<{ q: string; lang?: 'en' }>;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const all: number[] = [];
for (const lang of ['zh-CN', 'en'] as const) {
	const layout = lookupLayoutOf(atlas);
	const { files, capped } = buildLookupFiles(buildLookup(atlas, lang, (key) => key), layout);
	const gzip = new Map([...files].map(([name, shard]) => [name, gzipSync(JSON.stringify(shard)).length]));
	const sizes = [...gzip.values()];
	console.log(
		`${factor}× ${lang}: ${layout.n} targets, ${files.size} files, ${kb(sizes.reduce((a, b) => a + b, 0))} gzip, largest ${kb(Math.max(...sizes))}; ${capped.length} groups capped`,
	);
	for (const { q, lang: caseLang } of cases.filter((c) => (c.lang === 'en') === (lang === 'en'))) {
		const read = new Set<string>();
		await rankShards(q, layout, async (file) => {
			read.add(file);
			return files.get(file) as Shard;
		});
		const bytes = [...read].reduce((total, file) => total + (gzip.get(file) ?? 0), 0);
		all.push(bytes);
		if (process.env['VERBOSE']) console.log(`  ${caseLang ?? 'zh'} ${q}: ${[...read].join(' ')} ${kb(bytes)}`);
	}
}
all.sort((a, b) => a - b);
console.log(`${factor}×, ${all.length} suite queries: lookup bytes per query median ${kb(all[Math.floor(all.length / 2)] ?? 0)}, max ${kb(all.at(-1) ?? 0)}`);
if (work) rmSync(work, { recursive: true, force: true });
