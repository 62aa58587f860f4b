// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every page of the sitemap, both languages, plus
// keyboard-only use (skip link, Ctrl+K search, visible focus, table controls).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, siteUrl } from './browser.ts';
import { SearchDialog } from './search-page.ts';
import { outDir } from './dist.ts';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const parallelPages = 4;

interface Finding {
	page: string;
	rule: string;
	impact: string;
	help: string;
	targets: string[];
}

function locs(xml: string): string[] {
	return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
}

/** Every page URL of the sitemap (sitemap-index.xml → sitemap-N.xml), as path + query on the preview server. */
function sitemapPaths(): string[] {
	const root = outDir();
	const indexFile = join(root, 'sitemap-index.xml');
	if (!existsSync(indexFile)) throw new Error(`no sitemap-index.xml in ${root}`);
	const paths: string[] = [];
	for (const sitemap of locs(readFileSync(indexFile, 'utf8'))) {
		// The index names its sitemaps by the configured site URL; the files sit beside it.
		const file = join(root, new URL(sitemap).pathname.split('/').pop()!);
		for (const loc of locs(readFileSync(file, 'utf8'))) {
			const url = new URL(loc);
			paths.push(`${url.pathname}${url.search}`);
		}
	}
	return paths;
}

/** Sitemap paths include the base path; the preview server's origin replaces the configured one. */
function serverUrl(path: string): string {
	return `${new URL(inject('baseUrl')).origin}${path}`;
}

/**
 * DOMContentLoaded has run the module scripts (table tools, search); two things settle later: stylesheets, and
 * Expressive Code's script that makes horizontally scrollable code blocks focusable (ResizeObserver + idle callback).
 */
async function settle(page: Page): Promise<void> {
	await page.waitForFunction(() =>
		[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')]
			.filter((link) => link.media !== 'print')
			.every((link) => link.sheet !== null),
	);
	await page
		.waitForFunction(
			() =>
				[...document.querySelectorAll('.expressive-code pre')].every(
					(pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex'),
				),
			undefined,
			{ timeout: 10_000 },
		)
		.catch(() => undefined); // axe reports what is still missing
}

/** Runs axe (injected into every document by the context's init script) on one page. */
async function audit(page: Page, path: string, status = 200): Promise<Finding[]> {
	const response = await page.goto(serverUrl(path), { waitUntil: 'domcontentloaded' });
	if (response?.status() !== status) {
		return [{ page: path, rule: 'http', impact: 'critical', help: `HTTP ${response?.status()}, expected ${status}`, targets: [] }];
	}
	await settle(page);
	return axeFindings(page, path);
}

/** Runs axe on the document as it is now; `label` names the page (and state) in the report. */
async function axeFindings(page: Page, label: string): Promise<Finding[]> {
	const violations = await page.evaluate(
		async (tags) =>
			(
				await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
			).violations.map((violation) => ({
				rule: violation.id,
				impact: violation.impact ?? '',
				help: violation.help,
				targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
			})),
		wcagTags,
	);
	return violations.map((violation) => ({ page: label, ...violation }));
}

/** One block per rule and element; a finding shared by many pages (a layout part) is listed once with its pages. */
function report(findings: Finding[]): string {
	const groups = new Map<string, { finding: Finding; target: string; pages: string[] }>();
	for (const finding of findings) {
		for (const target of finding.targets.length > 0 ? finding.targets : ['']) {
			const key = `${finding.rule}\u0000${target}`;
			const group = groups.get(key) ?? { finding, target, pages: [] };
			group.pages.push(finding.page);
			groups.set(key, group);
		}
	}
	const lines = [...groups.values()]
		.sort((a, b) => b.pages.length - a.pages.length || a.finding.rule.localeCompare(b.finding.rule))
		.map(({ finding, target, pages }) => {
			const where = pages.length > 4 ? `${pages.length} pages, e.g. ${pages.slice(0, 3).join(' ')}` : pages.join(' ');
			return `- ${finding.rule} (${finding.impact}): ${finding.help}\n    element: ${target}\n    on: ${where}`;
		});
	return `${findings.length} violation(s) on ${new Set(findings.map((f) => f.page)).size} page(s):\n${lines.slice(0, 60).join('\n')}${
		lines.length > 60 ? `\n… ${lines.length - 60} more` : ''
	}`;
}

declare global {
	interface Window {
		axe: typeof axe;
	}
}

describe('accessibility', () => {
	let browser: Browser;
	let context: BrowserContext;
	beforeAll(async () => {
		browser = await launchBrowser();
		// The site's CSP (meta tag) allows only hashed scripts; bypassing it lets the injected axe run.
		context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
		// Evaluated in every new document before the page's scripts: cheaper than a script tag per page.
		await context.addInitScript({ content: axe.source });
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('axe finds no WCAG 2.2 AA violations on any sitemap page, in both languages', { timeout: 600_000 }, async () => {
		const paths = sitemapPaths();
		const base = new URL(inject('baseUrl')).pathname.replace(/\/$/, '');
		expect(paths.length).toBeGreaterThan(100);
		expect(paths.some((path) => path.startsWith(`${base}/en/`))).toBe(true);
		expect(paths.some((path) => !path.startsWith(`${base}/en/`))).toBe(true);
		// The not-found page is not in the sitemap but readers meet it.
		const queue = [...paths.map((path) => ({ path, status: 200 })), { path: `${base}/no/such/page/`, status: 404 }];
		const findings: Finding[] = [];
		const started = Date.now();
		await Promise.all(
			Array.from({ length: parallelPages }, async () => {
				const page = await context.newPage();
				for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
					findings.push(...(await audit(page, next.path, next.status)));
				}
				await page.close();
			}),
		);
		console.log(`axe: ${paths.length + 1} pages in ${((Date.now() - started) / 1000).toFixed(1)}s`);
		findings.sort((a, b) => a.page.localeCompare(b.page) || a.rule.localeCompare(b.rule));
		expect(findings.length, `axe violations:\n${report(findings)}`).toBe(0);
	});

	it('axe finds no violations in the dark theme on one page of each kind', { timeout: 120_000 }, async () => {
		const dark = await browser.newContext({ bypassCSP: true, colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
		await dark.addInitScript({ content: axe.source });
		const page = await dark.newPage();
		const base = new URL(inject('baseUrl')).pathname.replace(/\/$/, '');
		const kinds = new Map<string, string>();
		for (const path of sitemapPaths()) {
			const rel = path.slice(base.length);
			const en = rel.startsWith('/en/');
			const key = `${en ? 'en' : 'zh'}:${(en ? rel.slice(3) : rel).split('/')[1] ?? ''}`;
			if (!kinds.has(key)) kinds.set(key, path);
		}
		const findings: Finding[] = [];
		for (const path of kinds.values()) findings.push(...(await audit(page, path)));
		await dark.close();
		expect(findings.length, `axe violations (dark theme):\n${report(findings)}`).toBe(0);
	});

	it('axe finds no violations in the open search dialog with results, in both languages', { timeout: 120_000 }, async () => {
		const page = await context.newPage();
		const findings: Finding[] = [];
		for (const [path, query] of [['/', '驱逐'], ['/en/', 'kubelet']] as const) {
			await page.goto(siteUrl(path), { waitUntil: 'load' });
			const dialog = new SearchDialog(page);
			await dialog.open();
			await dialog.search(query);
			await page.locator('#starlight__search li.pagefind-ui__result a.pagefind-ui__result-link').first().waitFor();
			findings.push(...(await axeFindings(page, `${path} (search: ${query})`)));
		}
		await page.close();
		expect(findings.length, `axe violations (search dialog):\n${report(findings)}`).toBe(0);
	});
});

describe('keyboard', () => {
	let browser: Browser;
	let context: BrowserContext;
	beforeAll(async () => {
		browser = await launchBrowser();
		context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	});
	afterAll(async () => {
		await browser?.close();
	});

	/** Computed focus indicator of the focused element: a visible outline or a box shadow. */
	function focusIndicator(page: Page) {
		return page.evaluate(() => {
			const element = document.activeElement as HTMLElement;
			const style = getComputedStyle(element);
			return {
				tag: element.tagName.toLowerCase(),
				text: element.textContent?.trim().slice(0, 40) ?? '',
				inMain: element.closest('main') !== null,
				focusVisible: element.matches(':focus-visible'),
				outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : '',
				boxShadow: style.boxShadow === 'none' ? '' : style.boxShadow,
			};
		});
	}

	for (const prefix of ['', '/en']) {
		it(`Tab reaches the skip link first, visibly, and it leads into the content (${prefix || 'zh'})`, async () => {
			const page = await context.newPage();
			await page.goto(siteUrl(`${prefix}/sections/kubelet-modules/`), { waitUntil: 'load' });
			await page.keyboard.press('Tab');
			const skip = page.locator('a.sl-skip-link');
			expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true);
			expect(await skip.isVisible()).toBe(true);
			const box = await skip.boundingBox();
			expect(box).not.toBeNull();
			expect(box!.width).toBeGreaterThan(20);
			expect(box!.height).toBeGreaterThan(10);
			expect(box!.x).toBeGreaterThanOrEqual(0);
			expect(box!.y).toBeGreaterThanOrEqual(0);
			expect(box!.y + box!.height).toBeLessThanOrEqual(900);
			const indicator = await focusIndicator(page);
			expect(indicator.outline || indicator.boxShadow, JSON.stringify(indicator)).not.toBe('');

			// Following the skip link, the next Tab stop is inside <main> and shows its focus.
			await page.keyboard.press('Enter');
			await page.waitForFunction(() => location.hash === '#_top');
			await page.keyboard.press('Tab');
			const next = await focusIndicator(page);
			expect(next.inMain, JSON.stringify(next)).toBe(true);
			expect(next.focusVisible).toBe(true);
			expect(next.outline || next.boxShadow, JSON.stringify(next)).not.toBe('');
			await page.close();
		});
	}

	it('Ctrl+K opens the search dialog with focus in the search input; Escape closes it', async () => {
		for (const path of ['/', '/en/code/pkg-scheduler-schedule_one.go/']) {
			const page = await context.newPage();
			await page.goto(siteUrl(path), { waitUntil: 'load' });
			await page.locator('button[data-open-modal]:not([disabled])').first().waitFor({ state: 'attached' });
			// Starlight creates the search input when the browser is idle after load; wait for it, not for a fixed time.
			await page.locator('#starlight__search input').waitFor({ state: 'attached', timeout: 90_000 });
			await page.keyboard.press('Control+k');
			const input = page.locator('#starlight__search input');
			await input.waitFor({ state: 'visible' });
			await page.waitForFunction(() => document.activeElement?.matches('#starlight__search input') === true);
			expect(await page.locator('dialog[open]').count(), path).toBe(1);
			await page.keyboard.type('kubelet');
			expect(await input.inputValue()).toBe('kubelet');
			await page.keyboard.press('Escape');
			await page.waitForFunction(() => document.querySelector('dialog[open]') === null);
			await page.close();
		}
	});

	it('a link in the main content shows a visible focus outline', async () => {
		const page = await context.newPage();
		await page.goto(siteUrl('/components/cmd-kube-scheduler/'), { waitUntil: 'load' });
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => location.hash === '#_top');
		let indicator = await focusIndicator(page);
		for (let i = 0; i < 20 && !(indicator.inMain && indicator.tag === 'a'); i++) {
			await page.keyboard.press('Tab');
			indicator = await focusIndicator(page);
		}
		expect(indicator.tag, JSON.stringify(indicator)).toBe('a');
		expect(indicator.inMain).toBe(true);
		expect(indicator.focusVisible).toBe(true);
		expect(indicator.outline || indicator.boxShadow, JSON.stringify(indicator)).not.toBe('');
		await page.close();
	});

	it('table controls work from the keyboard: filter, sort and clear', async () => {
		const page = await context.newPage();
		await page.goto(siteUrl('/en/sections/kubelet-modules/'), { waitUntil: 'load' });
		const rows = page.locator('table.atlas-table tbody tr:not([hidden])');
		const total = await rows.count();
		expect(total).toBeGreaterThan(3);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => location.hash === '#_top');
		// The filter field is among the first Tab stops of the content.
		let onFilter = false;
		for (let i = 0; i < 10 && !onFilter; i++) {
			await page.keyboard.press('Tab');
			onFilter = await page.evaluate(() => document.activeElement?.matches('[data-table-tools] input[type="search"]') === true);
		}
		expect(onFilter).toBe(true);
		const filterFocus = await focusIndicator(page);
		expect(filterFocus.outline || filterFocus.boxShadow, JSON.stringify(filterFocus)).not.toBe('');
		await page.keyboard.type('pleg');
		await page.waitForFunction((n) => document.querySelectorAll('table.atlas-table tbody tr:not([hidden])').length < n, total);
		expect(await rows.count()).toBeGreaterThan(0);
		// The clear button, reached by Tab, brings every row back.
		let onClear = false;
		for (let i = 0; i < 10 && !onClear; i++) {
			await page.keyboard.press('Tab');
			onClear = await page.evaluate(() => document.activeElement?.matches('[data-table-tools] [data-clear]') === true);
		}
		expect(onClear).toBe(true);
		await page.keyboard.press('Enter');
		await page.waitForFunction((n) => document.querySelectorAll('table.atlas-table tbody tr:not([hidden])').length === n, total);

		// A sort button in the header: reach it with Tab, press Enter, the column reports its order.
		let onSort = false;
		for (let i = 0; i < 20 && !onSort; i++) {
			await page.keyboard.press('Tab');
			onSort = await page.evaluate(() => document.activeElement?.matches('table.atlas-table th button') === true);
		}
		expect(onSort).toBe(true);
		const sortFocus = await focusIndicator(page);
		expect(sortFocus.outline || sortFocus.boxShadow, JSON.stringify(sortFocus)).not.toBe('');
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.closest('th')?.getAttribute('aria-sort'))).toMatch(/ascending|descending/);
		await page.close();
	});
});
