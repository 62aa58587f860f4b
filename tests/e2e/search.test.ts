// Search regression suite through the real search UI of the built site: reports hit@1 and hit@3.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl } from './browser.ts';
import { SearchDialog } from './search-page.ts';
import { realAtlas, repoRoot } from '../unit/helpers.ts';
import { hasEntryPages, entryPath, rowPath } from '../../src/lib/urls.ts';

interface SearchCase {
	q: string;
	lang?: 'en';
	expect: string[];
}
const cases = parse(readFileSync(join(repoRoot, 'tests/e2e/search-queries.yaml'), 'utf8')) as SearchCase[];

/** Site-relative landings (entry page and table row) that count as a hit for `collection:id`. */
function acceptedLandings(key: string): string[] {
	const [collection, id] = key.split(':');
	const row = realAtlas().rows.find((candidate) => candidate.collection === collection && candidate.entry.id === id);
	if (!row) throw new Error(`search-queries.yaml: unknown expectation ${key}`);
	const landings = [rowPath(row.entry.section, row.entry.id)];
	if (hasEntryPages(row.collection)) landings.push(entryPath(row.collection, row.entry.id));
	return landings;
}

/** A result URL as a site-relative landing: base, locale prefix and query string dropped. */
function landingOf(href: string, lang: 'zh' | 'en'): string {
	const url = new URL(href);
	const base = new URL(siteUrl('/')).pathname.replace(/\/$/, '');
	let path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname;
	if (lang === 'en') path = path.replace(/^\/en(?=\/)/, '');
	const hash = url.hash === '#_top' ? '' : url.hash;
	return `${path}${hash}`;
}

describe('search lands on the right row or entry', () => {
	let browser: Browser;
	const pages: Partial<Record<'zh' | 'en', { page: Page; dialog: SearchDialog }>> = {};
	const outcomes: Array<{ q: string; rank: number; top: string }> = [];

	beforeAll(async () => {
		browser = await launchBrowser();
		for (const lang of ['zh', 'en'] as const) {
			const page = await browser.newPage();
			await page.goto(siteUrl(lang === 'en' ? '/en/' : '/'));
			const dialog = new SearchDialog(page);
			await dialog.open();
			pages[lang] = { page, dialog };
		}
	});
	afterAll(async () => {
		await browser?.close();
	});

	it(`runs ${cases.length} queries with hit@1 ≥ 0.90 and hit@3 ≥ 0.98`, async () => {
		expect(cases.length).toBeGreaterThanOrEqual(60);
		for (const testCase of cases) {
			const lang = testCase.lang ?? 'zh';
			const { dialog } = pages[lang]!;
			const accepted = new Set(testCase.expect.flatMap(acceptedLandings));
			const links = (await dialog.search(testCase.q)).map((href) => landingOf(href, lang));
			const rank = links.findIndex((landing) => accepted.has(landing)) + 1;
			outcomes.push({ q: `${lang}: ${testCase.q}`, rank, top: links[0] ?? '(none)' });
		}
		const hit1 = outcomes.filter((o) => o.rank === 1).length / outcomes.length;
		const hit3 = outcomes.filter((o) => o.rank >= 1 && o.rank <= 3).length / outcomes.length;
		const misses = outcomes.filter((o) => o.rank !== 1).map((o) => `  ${o.q} → rank ${o.rank || 'miss'} (top: ${o.top})`);
		console.log(`search suite: ${outcomes.length} queries, hit@1 ${hit1.toFixed(3)}, hit@3 ${hit3.toFixed(3)}\n${misses.join('\n')}`);
		expect(hit1).toBeGreaterThanOrEqual(0.9);
		expect(hit3).toBeGreaterThanOrEqual(0.98);
	});

	it('following a result scrolls to the row, marks it and highlights the terms', async () => {
		const { page, dialog } = pages.zh!;
		await dialog.search('PLEG is not healthy');
		const first = page.locator('.atlas-exact a.atlas-exact__link').first();
		await Promise.all([page.waitForURL(/#pleg-timeout/), first.click()]);
		await page.waitForSelector('mark', { timeout: 10_000 });
		const state = await page.evaluate(() => {
			const row = document.getElementById('pleg-timeout');
			const box = row?.getBoundingClientRect();
			return {
				inView: !!box && box.top >= 0 && box.bottom <= window.innerHeight + box.height,
				targeted: row?.matches(':target') ?? false,
				marks: [...document.querySelectorAll('mark')].map((mark) => mark.textContent?.toLowerCase()),
			};
		});
		expect(state.targeted).toBe(true);
		expect(state.inView).toBe(true);
		expect(state.marks.some((text) => text?.includes('pleg'))).toBe(true);
	});
});
