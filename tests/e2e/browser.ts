// Shared Chromium for the browser tests: Debian's /usr/bin/chromium (CHROME_PATH overrides), never downloaded.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const chromeArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: chromeArgs });
}

/** Absolute URL of a site path (`/sections/x/`) on the preview server, base path included. */
export function siteUrl(path: string): string {
	return `${inject('baseUrl')}${path.startsWith('/') ? path : `/${path}`}`;
}

export async function openPage(context: BrowserContext, path: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(siteUrl(path), { waitUntil: 'load' });
	return page;
}
