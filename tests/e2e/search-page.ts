// Page object for the site's search dialog (Starlight's search plus the exact lookup).
import type { Page } from 'playwright-core';

export class SearchDialog {
	constructor(private readonly page: Page) {}

	async open(): Promise<void> {
		// Starlight creates the search input when the browser is idle after load (slow on a busy machine).
		await this.page.locator('#starlight__search input').waitFor({ state: 'attached', timeout: 90_000 });
		await this.page.locator('button[data-open-modal]').first().click();
		await this.page.locator('#starlight__search input').waitFor({ state: 'visible' });
	}

	/** Types a query like a user and waits until results settle; returns the result links in display order. */
	async search(query: string): Promise<string[]> {
		const input = this.page.locator('#starlight__search input');
		await input.fill('');
		await input.pressSequentially(query, { delay: 5 });
		await this.page.waitForFunction(
			() => {
				const host = document.querySelector('#starlight__search');
				if (!host) return false;
				const message = host.querySelector('.pagefind-ui__message')?.textContent ?? '';
				const busy = host.querySelector('.pagefind-ui__results-area')?.getAttribute('aria-busy') === 'true';
				return message.length > 0 && !busy;
			},
			undefined,
			{ timeout: 15_000 },
		);
		await this.page.waitForTimeout(150);
		return this.resultLinks();
	}

	/** Where each result lands, best first: exact matches, then Pagefind results (a page's first sub-result when it has one). */
	async resultLinks(): Promise<string[]> {
		return this.page.evaluate(() => {
			const links: string[] = [];
			const exact = document.querySelectorAll<HTMLAnchorElement>('.atlas-exact:not([hidden]) a.atlas-exact__link');
			exact.forEach((link) => links.push(link.href));
			document.querySelectorAll('#starlight__search .pagefind-ui__result').forEach((result) => {
				const sub = result.querySelector<HTMLAnchorElement>('.pagefind-ui__result-nested a');
				const main = result.querySelector<HTMLAnchorElement>('a.pagefind-ui__result-link');
				const link = sub ?? main;
				if (link) links.push(link.href);
			});
			return links;
		});
	}
}
