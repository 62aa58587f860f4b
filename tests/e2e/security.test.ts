// Content-Security-Policy: present on every page, no 'unsafe-inline' scripts, nothing blocked while the site is used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl } from './browser.ts';
import { htmlFiles, readHtml } from './dist.ts';
import { SearchDialog } from './search-page.ts';

async function watchViolations(page: Page): Promise<string[]> {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && /Content Security Policy/.test(message.text())) violations.push(message.text().slice(0, 160));
	});
	return violations;
}

describe('security', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('every page has a CSP without unsafe-inline for scripts', () => {
		for (const file of htmlFiles()) {
			const csp = readHtml(file).match(/<meta http-equiv="content-security-policy" content="([^"]*)"/)?.[1];
			expect(csp, file).toBeDefined();
			const scriptSrc = csp!.match(/script-src ([^;]*)/)?.[1] ?? '';
			expect(scriptSrc, file).not.toContain('unsafe-inline');
			expect(csp, file).toContain("object-src 'none'");
		}
	});

	it('nothing is blocked on typical pages, while searching and using tables', async () => {
		const paths = ['/', '/en/', '/sections/kubelet-modules/#pkg-kubelet-pleg', '/code/pkg-scheduler-schedule_one.go/', '/guide/commands/', '/timeline/', '/en/errata/', '/no/such/page/'];
		for (const path of paths) {
			const page = await browser.newPage();
			const violations = await watchViolations(page);
			await page.goto(siteUrl(path));
			await page.waitForTimeout(300);
			if (path === '/') {
				const dialog = new SearchDialog(page);
				await dialog.open();
				const links = await dialog.search('scheduleOne');
				expect(links.length).toBeGreaterThan(1);
			}
			expect(violations, path).toEqual([]);
			await page.close();
		}
	});
});
