// Tables people work with: sort, filter, shareable views in the URL, #row links, copy link, the version timeline,
// phone width and pages without JavaScript.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage, siteUrl } from './browser.ts';
import { outDir, readHtml } from './dist.ts';
import { realAtlas } from '../unit/helpers.ts';
import { compareVersions } from '../../src/lib/table-state.ts';
import { sectionPath } from '../../src/lib/urls.ts';

const API = '/en/sections/api-changes/';
const block = '[data-table-block]';

/** Ids of the visible rows, in display order. */
const visibleIds = (page: Page) =>
	page.locator(`${block} tbody tr`).evaluateAll((rows) => rows.filter((row) => !(row as HTMLElement).hidden).map((row) => row.id));
const countText = (page: Page) => page.locator('[data-count-output]').innerText();
const header = (page: Page, key: string) => page.locator(`th[data-sort-key="${key}"]`);
const rowsOf = (sectionId: string) => realAtlas().rows.filter((row) => row.entry.section === sectionId);

describe('reference tables', () => {
	let browser: Browser;
	let context: BrowserContext;
	beforeAll(async () => {
		browser = await launchBrowser();
		context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('sorts by a column on click and from the keyboard, announcing the order with aria-sort', async () => {
		const page = await openPage(context, API);
		const dataOrder = await visibleIds(page);
		const versionOf = new Map(rowsOf('api-changes').map((row) => [row.entry.id, 'version' in row.entry ? row.entry.version : '']));
		const versions = async () => (await visibleIds(page)).map((id) => versionOf.get(id) ?? '');
		const byVersion = (a: string, b: string) => compareVersions(a, b) ?? 0;
		const version = header(page, 'version');
		expect(await version.getAttribute('aria-sort')).toBeNull();

		await version.locator('button').click();
		expect(await version.getAttribute('aria-sort')).toBe('ascending');
		expect(await versions()).toEqual([...(await versions())].sort(byVersion));
		expect(page.url()).toContain('sort=version');

		await version.locator('button').focus();
		await page.keyboard.press('Enter');
		expect(await version.getAttribute('aria-sort')).toBe('descending');
		const descending = await visibleIds(page);
		expect(await versions()).toEqual([...(await versions())].sort(byVersion).reverse());
		expect(descending).not.toEqual(dataOrder);
		expect(page.url()).toContain('sort=-version');

		await page.keyboard.press('Space');
		expect(await version.getAttribute('aria-sort')).toBeNull();
		expect(await visibleIds(page)).toEqual(dataOrder);
		expect(page.url()).not.toContain('sort=');

		// Text columns sort too, and only the sorted column carries aria-sort.
		await header(page, 'module').locator('button').click();
		expect(await header(page, 'module').getAttribute('aria-sort')).toBe('ascending');
		expect(await page.locator('th[aria-sort]').count()).toBe(1);
		await page.close();
	});

	it('a text filter narrows the rows (paths and identifiers included) and updates "N of M rows"', async () => {
		const page = await openPage(context, API);
		const total = rowsOf('api-changes').length;
		expect(await countText(page)).toBe(`${total} of ${total} rows`);

		await page.locator('input[name="q"]').fill('pkg/apis/flowcontrol');
		const ids = await visibleIds(page);
		expect(ids.length).toBeGreaterThan(0);
		expect(ids.length).toBeLessThan(total);
		for (const id of ids) expect(await page.locator(`[id="${id}"]`).innerText()).toContain('pkg/apis/flowcontrol');
		expect(await countText(page)).toBe(`${ids.length} of ${total} rows`);

		// A full path shown only by its short label still matches (search keys of the row).
		const kubelet = await openPage(context, '/en/sections/control-plane-components/');
		await kubelet.locator('input[name="q"]').fill('cmd/kube-apiserver/app/server.go');
		expect(await visibleIds(kubelet)).toEqual(['cmd-kube-apiserver']);
		await kubelet.close();

		await page.locator('input[name="q"]').fill('no-such-thing-anywhere');
		expect(await visibleIds(page)).toEqual([]);
		expect(await countText(page)).toBe(`0 of ${total} rows`);
		expect(await page.locator('[data-empty]').isVisible()).toBe(true);
		expect(await page.locator('[data-empty]').innerText()).toContain('No rows match');
		await page.locator('[data-empty] [data-clear]').click();
		expect(await visibleIds(page)).toHaveLength(total);
		expect(await page.locator('[data-empty]').isVisible()).toBe(false);
		await page.close();
	});

	it('facet filters come from the data: stage and version on version changes, risk on customizations', async () => {
		const page = await openPage(context, API);
		const stages = await page.locator('select[name="stage"] option').evaluateAll((options) =>
			options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
		);
		const present = new Set(rowsOf('api-changes').map((row) => ('stage' in row.entry ? row.entry.stage : undefined)));
		expect(stages.length).toBeGreaterThan(1);
		for (const stage of stages) expect(present.has(stage as never)).toBe(true);
		const stage = stages[0] ?? '';
		await page.locator('select[name="stage"]').selectOption(stage);
		const ids = await visibleIds(page);
		const expected = rowsOf('api-changes').filter((row) => 'stage' in row.entry && row.entry.stage === stage);
		expect(ids.sort()).toEqual(expected.map((row) => row.entry.id).sort());
		expect(page.url()).toContain(`stage=${stage}`);
		expect(await page.locator('select[name="version"]').count()).toBe(1);
		await page.close();

		const custom = await openPage(context, '/sections/customization-scenarios/');
		await custom.locator('select[name="risk"]').selectOption('high');
		const risky = await custom.locator(`${block} tbody tr:not([hidden])`).evaluateAll((rows) =>
			rows.map((row) => (row as HTMLElement).dataset['risk']),
		);
		expect(risky.length).toBeGreaterThan(0);
		expect(new Set(risky)).toEqual(new Set(['high']));
		await custom.close();
	});

	it('the URL holds the view: opening it in a new page restores filter, facet and sort', async () => {
		const page = await openPage(context, API);
		await page.locator('input[name="q"]').fill('API');
		await page.locator('select[name="stage"]').selectOption('ga');
		await header(page, 'version').locator('button').click();
		await header(page, 'version').locator('button').click();
		const ids = await visibleIds(page);
		const url = page.url();
		expect(new URL(url).searchParams.get('q')).toBe('API');
		expect(new URL(url).searchParams.get('stage')).toBe('ga');
		expect(new URL(url).searchParams.get('sort')).toBe('-version');
		await page.close();

		const other = await browser.newContext();
		const restored = await other.newPage();
		await restored.goto(url, { waitUntil: 'load' });
		expect(await restored.locator('input[name="q"]').inputValue()).toBe('API');
		expect(await restored.locator('select[name="stage"]').inputValue()).toBe('ga');
		expect(await header(restored, 'version').getAttribute('aria-sort')).toBe('descending');
		expect(await visibleIds(restored)).toEqual(ids);
		expect(await countText(restored)).toBe(`${ids.length} of ${rowsOf('api-changes').length} rows`);
		await other.close();
	});

	it('a #row link into a row the filter hides clears the filter, scrolls to the row and marks it', async () => {
		const rows = rowsOf('api-changes');
		const target = rows.at(-1)?.entry.id ?? '';
		const page = await context.newPage();
		await page.goto(`${siteUrl(API)}?q=no-such-thing-anywhere&sort=version#${target}`, { waitUntil: 'load' });
		const row = page.locator(`[id="${target}"]`);
		expect(await row.isVisible()).toBe(true);
		expect(await row.getAttribute('class')).toContain('atlas-target');
		expect(await page.locator('input[name="q"]').inputValue()).toBe('');
		expect(await countText(page)).toBe(`${rows.length} of ${rows.length} rows`);
		expect(new URL(page.url()).searchParams.get('q')).toBeNull();
		expect(new URL(page.url()).searchParams.get('sort')).toBe('version');
		expect(new URL(page.url()).hash).toBe(`#${target}`);
		await page.waitForTimeout(200);
		const box = await row.boundingBox();
		expect(box!.y).toBeGreaterThanOrEqual(0);
		expect(box!.y).toBeLessThan(800);

		// Following an in-page link to a hidden row works the same way.
		const first = rows[0]?.entry.id ?? '';
		await page.locator('input[name="q"]').fill('no-such-thing-anywhere');
		await page.evaluate((id) => {
			location.hash = id;
		}, first);
		await page.waitForFunction((id) => !document.getElementById(id)?.hidden, first);
		expect(await page.locator(`[id="${first}"]`).getAttribute('class')).toContain('atlas-target');
		expect(await page.locator(`[id="${target}"]`).getAttribute('class') ?? '').not.toContain('atlas-target');
		await page.close();
	});

	it('copy link puts the row’s (and a heading’s) absolute URL on the clipboard, with a visible confirmation', async () => {
		const copying = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		await copying.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl('/')).origin });
		const page = await openPage(copying, `${API}?stage=ga`);
		const id = (await visibleIds(page))[0] ?? '';
		const button = page.locator(`[id="${id}"] button.atlas-copy`);
		expect(await button.getAttribute('aria-label')).toMatch(/^Copy link: /);
		await button.click();
		const url = new URL(page.url());
		await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${url.origin}${url.pathname}#${id}`);
		const toast = page.locator('.atlas-toast');
		expect(await toast.isVisible()).toBe(true);
		expect(await toast.innerText()).toBe('Link copied');
		expect(await button.getAttribute('data-copied')).toBe('true');
		expect(await page.locator(`[id="${id}"]`).getAttribute('class')).toContain('atlas-target');

		const home = await openPage(copying, '/en/');
		const heading = home.locator('h2[id]').first();
		const headingId = (await heading.getAttribute('id')) ?? '';
		await home.locator(`button.atlas-copy[data-copy="${headingId}"]`).click();
		await expect.poll(() => home.evaluate(() => navigator.clipboard.readText())).toBe(siteUrl(`/en/#${headingId}`));
		await copying.close();
	});

	it('at 390 px wide no table page, the timeline or the home page overflows horizontally', async () => {
		const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const paths = [
			...realAtlas().sections.flatMap((section) => [sectionPath(section.id), `/en${sectionPath(section.id)}`]),
			'/timeline/',
			'/en/timeline/',
			'/',
			'/en/',
		];
		const page = await phone.newPage();
		for (const path of paths) {
			await page.goto(siteUrl(path), { waitUntil: 'load' });
			const width = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(width, path).toBe(390);
		}
		await phone.close();
	});

	it('without JavaScript every row renders, whatever the URL says, and the table tools stay hidden', async () => {
		const plain = await browser.newContext({ javaScriptEnabled: false });
		for (const section of realAtlas().sections) {
			const page = await openPage(plain, `/en${sectionPath(section.id)}?q=no-such-thing-anywhere`);
			const rows = page.locator(`${block} tbody tr`);
			expect(await rows.count(), section.id).toBe(rowsOf(section.id).length);
			const hidden = await rows.evaluateAll((list) => list.filter((row) => (row as HTMLElement).offsetHeight === 0).length);
			expect(hidden, section.id).toBe(0);
			expect(await page.locator('[data-table-tools]').isVisible()).toBe(false);
			expect(await page.locator('button.atlas-copy').first().isVisible()).toBe(false);
			await page.close();
		}
		const timeline = await openPage(plain, '/en/timeline/?area=api-changes');
		const items = timeline.locator('[data-timeline-item]');
		expect(await items.count()).toBe(realAtlas().data.versionChanges.length);
		expect(await items.evaluateAll((list) => list.filter((item) => (item as HTMLElement).offsetHeight === 0).length)).toBe(0);
		await plain.close();
	});

	it('the table script is small, loads only on pages with a table, and is a bundled module', () => {
		const scripts = (file: string) => [...readHtml(file).matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1] ?? '');
		const tableScripts = scripts('en/sections/api-changes/index.html').filter((src) => src.includes('TableTools'));
		expect(tableScripts).toHaveLength(1);
		expect(scripts('en/index.html').some((src) => src.includes('TableTools'))).toBe(false);
		expect(scripts('en/timeline/index.html').some((src) => src.includes('TableTools'))).toBe(false);
		expect(readHtml('en/sections/api-changes/index.html')).toMatch(/<script type="module" src="[^"]*TableTools/);
		expect(readHtml('en/sections/api-changes/index.html')).not.toMatch(/\son(click|input|change)=/);
		for (const [entry, limit] of [
			[tableScripts[0] ?? '', 5 * 1024],
			[scripts('en/timeline/index.html').find((src) => src.includes('TimelinePage')) ?? '', 5 * 1024],
		] as const) {
			expect(gzippedModuleSize(entry)).toBeLessThanOrEqual(limit);
		}
	});
});

describe('version timeline', () => {
	let browser: Browser;
	let context: BrowserContext;
	beforeAll(async () => {
		browser = await launchBrowser();
		context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	});
	afterAll(async () => {
		await browser?.close();
	});
	const visibleItems = (page: Page) =>
		page.locator('[data-timeline-item]').evaluateAll((items) =>
			items
				.filter((item) => !(item as HTMLElement).hidden)
				.map((item) => ({ id: item.id, version: (item as HTMLElement).dataset['version'] ?? '', area: (item as HTMLElement).dataset['area'] ?? '' })),
		);

	it('shows every version change on one axis from v1.16 to v1.32, grouped by version', async () => {
		const page = await openPage(context, '/en/timeline/');
		const groups = await page.locator('[data-version-group]').evaluateAll((list) => list.map((group) => (group as HTMLElement).dataset['version']));
		expect(groups[0]).toBe('v1.16');
		expect(groups.at(-1)).toBe('v1.32');
		expect(groups).toHaveLength(17);
		const items = await visibleItems(page);
		expect(items.map((item) => item.id).sort()).toEqual(realAtlas().data.versionChanges.map((change) => change.id).sort());
		for (const item of items) {
			const group = await page.locator(`[id="${item.id}"]`).evaluate((element) => element.closest<HTMLElement>('[data-version-group]')?.dataset['version']);
			expect(group).toBe(item.version);
		}
		await page.close();
	});

	it('filters by area and by "what changed between vX and vY", in the URL both ways', async () => {
		const page = await openPage(context, '/en/timeline/?from=v1.24&to=v1.28');
		expect(await page.locator('select[name="from"]').inputValue()).toBe('v1.24');
		expect(await page.locator('select[name="to"]').inputValue()).toBe('v1.28');
		const inRange = await visibleItems(page);
		const expected = realAtlas().data.versionChanges.filter(
			(change) => (compareVersions(change.version, 'v1.24') ?? 0) > 0 && (compareVersions(change.version, 'v1.28') ?? 0) <= 0,
		);
		expect(inRange.map((item) => item.id).sort()).toEqual(expected.map((change) => change.id).sort());
		expect(await countText(page)).toBe(`${expected.length} of ${realAtlas().data.versionChanges.length} changes`);
		expect(await page.locator('[data-version-group][data-version="v1.24"]').isVisible()).toBe(false);

		await page.locator('select[name="area"]').selectOption('runtime-changes');
		const url = new URL(page.url());
		expect(url.searchParams.get('area')).toBe('runtime-changes');
		expect(url.searchParams.get('from')).toBe('v1.24');
		const both = await visibleItems(page);
		expect(both.every((item) => item.area === 'runtime-changes')).toBe(true);
		expect(both.length).toBeLessThanOrEqual(inRange.length);

		const fresh = await context.newPage();
		await fresh.goto(url.href, { waitUntil: 'load' });
		expect(await visibleItems(fresh)).toEqual(both);
		expect(await fresh.locator('select[name="area"]').inputValue()).toBe('runtime-changes');
		await fresh.close();

		await page.locator('select[name="from"]').selectOption('v1.32');
		await page.locator('select[name="to"]').selectOption('v1.32');
		expect(await visibleItems(page)).toEqual([]);
		expect(await page.locator('[data-empty]').isVisible()).toBe(true);
		await page.locator('[data-empty] [data-clear]').click();
		expect(await visibleItems(page)).toHaveLength(realAtlas().data.versionChanges.length);
		expect(new URL(page.url()).search).toBe('');
		await page.close();
	});

	it('a #change link shows the change even when the area filter hides it', async () => {
		const change = realAtlas().data.versionChanges.find((entry) => entry.section === 'api-changes');
		const page = await context.newPage();
		await page.goto(`${siteUrl('/timeline/')}?area=storage-changes#${change?.id}`, { waitUntil: 'load' });
		const item = page.locator(`[id="${change?.id}"]`);
		expect(await item.isVisible()).toBe(true);
		expect(await item.getAttribute('class')).toContain('atlas-target');
		expect(new URL(page.url()).searchParams.get('area')).toBeNull();
		await page.close();
	});
});

/** Gzipped size of a built module and the chunks it imports, read from the output folder. */
function gzippedModuleSize(src: string, seen = new Set<string>()): number {
	const file = src.replace(/^.*\/_astro\//, '');
	if (!file || seen.has(file)) return 0;
	seen.add(file);
	const code = readFileSync(join(outDir(), '_astro', file));
	const imports = [...code.toString('utf8').matchAll(/(?:from|import)\s*["'](\.\/[^"']+\.js)["']/g)].map((match) => match[1] ?? '');
	return gzipSync(code, { level: 9 }).length + imports.reduce((sum, path) => sum + gzippedModuleSize(path, seen), 0);
}
