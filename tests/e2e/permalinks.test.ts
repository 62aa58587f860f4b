// Permalinks never break silently: every line of permalinks.txt (public URLs and row anchors, committed) must
// still resolve in the build, directly or through a redirect page (src/lib/permalinks.ts does the comparison).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { pagePathOfFile } from '../../src/lib/link-check.ts';
import { listPermalinks, lostPermalinks, parsePermalinks } from '../../src/lib/permalinks.ts';
import { repoRoot } from '../unit/helpers.ts';
import { htmlFiles, readHtml } from './dist.ts';

describe('permalinks', () => {
	const base = `${new URL(inject('baseUrl')).pathname.replace(/\/$/, '')}/`;
	const pages = new Map(htmlFiles().map((file) => [pagePathOfFile(file, base), readHtml(file)]));
	const listed = parsePermalinks(readFileSync(join(repoRoot, 'permalinks.txt'), 'utf8'));

	it('every URL and row anchor in permalinks.txt still resolves (or redirects)', () => {
		expect(listed.length).toBeGreaterThan(500);
		// Additions do not fail the test, but they are only protected once listed.
		const known = new Set(listed);
		const added = listPermalinks(pages, base).filter((line) => !known.has(line));
		if (added.length > 0) {
			console.warn(`${added.length} new permalink(s) not yet in permalinks.txt (run \`npm run permalinks:update\`):\n  ${added.slice(0, 10).join('\n  ')}`);
		}
		const lost = lostPermalinks(listed, pages, base);
		const lines = lost.slice(0, 100).map((entry) => `  ${entry.permalink}  (${entry.reason})`);
		if (lost.length > 100) lines.push(`  … ${lost.length - 100} more`);
		expect(
			lost.length,
			`${lost.length} permalink(s) in permalinks.txt disappeared:\n${lines.join('\n')}\n` +
				'Published URLs must keep working: add a redirect (astro.config.mjs `redirects`, or a redirect page) that ' +
				'leads to a page with the same row ids. If the removal is intended, run `npm run permalinks:update` and commit permalinks.txt.',
		).toBe(0);
	});

	it('permalinks.txt is sorted and has no duplicates', () => {
		expect(listed).toEqual([...new Set(listed)].sort());
	});
});
