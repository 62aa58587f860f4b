// Regenerates permalinks.txt (repo root) from a build: every public page URL and row anchor, one a line, sorted.
// Usage: node scripts/permalinks.ts [outDir=dist]   (BASE_PATH as for the build; `npm run permalinks:update` builds first)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pagePathOfFile } from '../src/lib/link-check.ts';
import { listPermalinks } from '../src/lib/permalinks.ts';

const outDir = resolve(process.argv[2] ?? 'dist');
const base = process.env['BASE_PATH'] ?? '/';
const target = resolve(import.meta.dirname, '..', 'permalinks.txt');

const pages = new Map<string, string>();
const walk = (dir: string) => {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name !== '_astro' && entry.name !== 'pagefind') walk(path);
		} else if (entry.name.endsWith('.html')) {
			pages.set(pagePathOfFile(relative(outDir, path), base), readFileSync(path, 'utf8'));
		}
	}
};
try {
	walk(outDir);
} catch (error) {
	console.error(`cannot read the build output ${outDir}: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
if (pages.size === 0) {
	console.error(`no HTML pages in ${outDir}: build the site first`);
	process.exit(1);
}

const lines = listPermalinks(pages, base);
let before: string[] = [];
try {
	before = readFileSync(target, 'utf8').split('\n').filter(Boolean);
} catch {
	// first run
}
writeFileSync(target, `${lines.join('\n')}\n`);
const added = lines.filter((line) => !before.includes(line)).length;
const removed = before.filter((line) => !lines.includes(line)).length;
const anchors = lines.filter((line) => line.includes('#')).length;
console.log(`permalinks.txt: ${lines.length} lines (${lines.length - anchors} pages, ${anchors} anchors); +${added} −${removed} from ${pages.size} pages in ${outDir}`);
