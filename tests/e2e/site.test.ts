// The built site as a reader meets it: tables from data, permalinks, entry pages, navigation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, openPage } from './browser.ts';
import { realAtlas } from '../unit/helpers.ts';
import { sectionPath } from '../../src/lib/urls.ts';

describe('site', () => {
	let browser: Browser;
	let context: BrowserContext;
	beforeAll(async () => {
		browser = await launchBrowser();
		context = await browser.newContext();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('each overview page shows as many rows as its data has, in both languages', async () => {
		const atlas = realAtlas();
		for (const section of atlas.sections) {
			const expected = atlas.rows.filter((row) => row.entry.section === section.id).map((row) => row.entry.id);
			for (const prefix of ['', '/en']) {
				const page = await openPage(context, `${prefix}${sectionPath(section.id)}`);
				const ids = await page.locator('table.atlas-table tbody tr').evaluateAll((rows) => rows.map((row) => row.id));
				expect(ids, `${prefix}${section.id}`).toEqual(expected);
				await page.close();
			}
		}
	});

	it('a permalink #row-id scrolls that row into view', async () => {
		const page = await context.newPage();
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(`${(await import('./browser.ts')).siteUrl('/sections/kubelet-modules/')}#pkg-kubelet-pleg`);
		await page.waitForTimeout(300);
		const box = await page.locator('#pkg-kubelet-pleg').boundingBox();
		expect(box).not.toBeNull();
		expect(box!.y).toBeGreaterThanOrEqual(0);
		expect(box!.y).toBeLessThan(800);
		expect(await page.locator('#pkg-kubelet-pleg').evaluate((row) => row.matches(':target'))).toBe(true);
		expect(await page.locator('#pkg-kubelet-pleg a.atlas-permalink').getAttribute('href')).toBe('#pkg-kubelet-pleg');
		await page.close();
	});

	it('an entry page shows its GitHub link at v1.32.0 and its related entries', async () => {
		const page = await openPage(context, '/components/cmd-kube-scheduler/');
		expect(await page.locator('a.atlas-github').getAttribute('href')).toBe(
			'https://github.com/kubernetes/kubernetes/tree/v1.32.0/cmd/kube-scheduler',
		);
		const related = await page.locator('.atlas-related a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		expect(related).toContain('/packages/pkg-scheduler/');
		expect(related).toContain('/sections/troubleshooting-paths/#pod-pending');
		expect(related.some((href) => href?.startsWith('/changes/'))).toBe(true);
		await page.close();

		const code = await openPage(context, '/code/pkg-scheduler-schedule_one.go/');
		const links = await code.locator('.atlas-fields a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
		expect(links).toContain('https://github.com/kubernetes/kubernetes/blob/v1.32.0/pkg/scheduler/schedule_one.go#L65');
		await code.close();
	});

	it('every prose page renders its code blocks with titles and copy buttons', async () => {
		const page = await openPage(context, '/guide/commands/');
		expect(await page.locator('.expressive-code').count()).toBeGreaterThan(0);
		expect(await page.locator('.expressive-code figcaption .title').first().textContent()).toBeTruthy();
		expect(await page.locator('.expressive-code button[data-code]').count()).toBeGreaterThan(0);
		await page.close();
	});

	it('the home page routes into every section and the 404 page helps', async () => {
		const page = await openPage(context, '/');
		const hrefs = await page.locator('main a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		for (const section of realAtlas().sections) expect(hrefs).toContain(sectionPath(section.id));
		expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
		const missing = await openPage(context, '/no/such/page/');
		expect(await missing.locator('h1').textContent()).toContain('Page not found');
		expect(await missing.locator('button[data-open-modal]').count()).toBeGreaterThan(0);
		await page.close();
		await missing.close();
	});
});
