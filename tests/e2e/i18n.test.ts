// The English edition: twins, no Chinese in English main content, language switch keeps the row.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, siteUrl } from './browser.ts';
import { htmlFiles, mainText, outDir, readHtml } from './dist.ts';

const han = /\p{Script=Han}/u;

describe('English edition', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('every zh page has an en twin and every en page a zh twin', () => {
		const files = htmlFiles().filter((file) => file !== '404.html');
		const en = files.filter((file) => file.startsWith('en/'));
		const zh = files.filter((file) => !file.startsWith('en/'));
		expect(zh.length).toBeGreaterThan(100);
		const missingEn = zh.filter((file) => !existsSync(join(outDir(), 'en', file)));
		const missingZh = en.filter((file) => !existsSync(join(outDir(), file.slice(3))));
		expect(missingEn).toEqual([]);
		expect(missingZh.filter((file) => file !== 'en/404/index.html')).toEqual([]);
	});

	it('English pages declare lang="en" and their main content has no Chinese characters', () => {
		const offenders: string[] = [];
		for (const file of htmlFiles().filter((name) => name.startsWith('en/'))) {
			const html = readHtml(file);
			expect(html, file).toMatch(/<html[^>]*\slang="en"/);
			const text = mainText(html);
			const match = text.match(/.{0,30}\p{Script=Han}+.{0,30}/u);
			if (match) offenders.push(`${file}: …${match[0].trim()}…`);
		}
		expect(offenders).toEqual([]);
	});

	it('Chinese pages declare lang="zh-CN"', () => {
		for (const file of htmlFiles().filter((name) => !name.startsWith('en/')).slice(0, 40)) {
			expect(readHtml(file), file).toMatch(/<html[^>]*\slang="zh-CN"/);
		}
		expect(han.test(mainText(readHtml('sections/kubelet-modules/index.html')))).toBe(true);
	});

	it('switching language on a page opened at #row lands on the same row', async () => {
		const page = await browser.newPage();
		await page.goto(`${siteUrl('/sections/kubelet-modules/')}#pkg-kubelet-pleg`);
		const select = page.locator('starlight-lang-select select').first();
		const english = await select.locator('option', { hasText: 'English' }).getAttribute('value');
		await Promise.all([page.waitForURL(/\/en\/sections\/kubelet-modules\/#pkg-kubelet-pleg$/), select.selectOption(english!)]);
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		expect(await page.locator('#pkg-kubelet-pleg').evaluate((row) => row.matches(':target'))).toBe(true);
		await page.close();
	});
});
