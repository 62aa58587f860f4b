// The search UI inside Starlight's dialog (src/scripts/pagefind-ui.ts, standing in for Pagefind's default UI):
// same look from Pagefind's and Starlight's stylesheets, strings in the page's language, paging, clearing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl } from './browser.ts';
import { SearchDialog } from './search-page.ts';

describe("the search dialog's result list", () => {
	let browser: Browser;
	let page: Page;
	let dialog: SearchDialog;

	beforeAll(async () => {
		browser = await launchBrowser();
		page = await browser.newPage();
		await page.goto(siteUrl('/'));
		dialog = new SearchDialog(page);
		await dialog.open();
	});
	afterAll(async () => {
		await browser?.close();
	});

	const results = () => page.locator('#starlight__search li.pagefind-ui__result');
	const message = () => page.locator('#starlight__search .pagefind-ui__message');

	it("is styled by Pagefind's stylesheet and Starlight's search styles", async () => {
		await dialog.search('kubelet');
		const style = await page.evaluate(() => {
			const input = document.querySelector<HTMLElement>('#starlight__search .pagefind-ui__search-input')!;
			const result = document.querySelector<HTMLElement>('#starlight__search .pagefind-ui__result')!;
			const title = result.querySelector<HTMLElement>('.pagefind-ui__result-title')!;
			return {
				inputHeight: input.getBoundingClientRect().height,
				resultList: getComputedStyle(result).listStyleType,
				resultDisplay: getComputedStyle(result).display,
				titleWeight: getComputedStyle(title).fontWeight,
			};
		});
		// ui.css: 64px × --pagefind-ui-scale; a list item without it would be a bulleted block.
		expect(style.inputHeight).toBeGreaterThan(40);
		expect(style.resultList).toBe('none');
		expect(style.resultDisplay).toBe('flex');
		expect(Number(style.titleWeight)).toBeGreaterThanOrEqual(600);
	});

	it("counts results in the page's language and lists them with sub-results and key tags", async () => {
		await dialog.search('kubelet');
		await expect.poll(() => message().textContent()).toMatch(/^找到 \d+ 个与 kubelet 相关的结果$/);
		await expect.poll(() => results().locator('a.pagefind-ui__result-link').count()).toBeGreaterThan(0);
		expect(await page.locator('#starlight__search .pagefind-ui__result-tag[data-pagefind-ui-meta="keys"]').count()).toBeGreaterThan(0);
		await dialog.search('驱逐');
		expect(await page.locator('#starlight__search .pagefind-ui__result-nested a').count()).toBeGreaterThan(0);
	});

	it('says so when nothing matches', async () => {
		await dialog.search('zzqqxxnomatch');
		await expect.poll(() => message().textContent()).toBe('没有找到与 zzqqxxnomatch 相关的结果');
		expect(await results().count()).toBe(0);
	});

	it('loads five results at a time', async () => {
		await dialog.search('pkg');
		const total = Number((await message().textContent())?.match(/\d+/)?.[0]);
		expect(total).toBeGreaterThan(10);
		expect(await results().count()).toBe(5);
		const more = page.locator('#starlight__search button.pagefind-ui__button');
		await more.click();
		expect(await results().count()).toBe(10);
		await expect.poll(() => results().nth(9).locator('a.pagefind-ui__result-link').count()).toBeGreaterThan(0);
	});

	it('finds the errata page by its name, and the corrections on the pages they correct', async () => {
		expect((await dialog.search('勘误表')).some((href) => new URL(href).pathname.endsWith('/errata/'))).toBe(true);
		const links = await dialog.search('ScheduleOne');
		expect(links.length).toBeGreaterThan(0);
		expect(links.some((href) => new URL(href).pathname.endsWith('/errata/'))).toBe(false);
	});

	it('clears with the clear button and with Escape', async () => {
		const input = page.locator('#starlight__search input');
		const drawer = page.locator('#starlight__search .pagefind-ui__drawer');
		await dialog.search('kubelet');
		await page.locator('#starlight__search .pagefind-ui__search-clear').click();
		expect(await input.inputValue()).toBe('');
		expect(await drawer.isHidden()).toBe(true);
		await dialog.search('kubelet');
		await input.focus();
		await input.press('Escape');
		expect(await input.inputValue()).toBe('');
		expect(await message().textContent()).toBe('');
	});
});
