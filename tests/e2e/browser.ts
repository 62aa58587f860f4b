// Shared Chromium for the browser tests: Debian's /usr/bin/chromium (CHROME_PATH overrides), never downloaded.
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';

export { chromeArgs, launchBrowser } from '../../scripts/lib/local-server.ts';

/** Absolute URL of a site path (`/sections/x/`) on the preview server, base path included. */
export function siteUrl(path: string): string {
	return `${inject('baseUrl')}${path.startsWith('/') ? path : `/${path}`}`;
}

export async function openPage(context: BrowserContext, path: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(siteUrl(path), { waitUntil: 'load' });
	return page;
}
