// The site served under a sub-path (BASE_PATH): pages, links, search and the exact lookup follow it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { astroEnv, freePort, waitForUrl } from '../../scripts/lib/local-server.ts';
import { SearchDialog } from './search-page.ts';
import { repoRoot } from '../unit/helpers.ts';

const BASE = '/atlas/';

describe('served under a sub-path', () => {
	let server: ChildProcess | undefined;
	let browser: Browser;
	let origin = '';

	beforeAll(async () => {
		const outDir = mkdtempSync(join(tmpdir(), 'atlas-subpath-'));
		const env = astroEnv({ BASE_PATH: BASE, SITE_URL: 'https://example.org' });
		const port = await freePort();
		origin = `http://127.0.0.1:${port}`;
		const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], { cwd: repoRoot, env, stdio: 'ignore' });
		if (result.status !== 0) throw new Error('sub-path build failed');
		server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--outDir', outDir, '--port', String(port), '--host', '127.0.0.1'], {
			cwd: repoRoot,
			env,
			stdio: 'ignore',
			detached: true,
		});
		await waitForUrl(`${origin}${BASE}`, 60_000);
		browser = await launchBrowser();
	}, 300_000);
	afterAll(async () => {
		await browser?.close();
		if (server?.pid) process.kill(-server.pid, 'SIGTERM');
	});

	it('internal links on a page stay under the base path and resolve', async () => {
		const page = await browser.newPage();
		await page.goto(`${origin}${BASE}sections/kubelet-modules/`);
		const hrefs = await page.locator('main a[href^="/"], nav a[href^="/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
		expect(hrefs.length).toBeGreaterThan(10);
		expect(hrefs.filter((href) => !href.startsWith(BASE))).toEqual([]);
		for (const href of [...new Set(hrefs.map((href) => href.split('#')[0]!))].slice(0, 25)) {
			expect((await fetch(`${origin}${href}`)).status, href).toBe(200);
		}
		await page.close();
	});

	it('search and the exact lookup work and land under the base path', async () => {
		const page = await browser.newPage();
		await page.goto(`${origin}${BASE}en/`);
		const dialog = new SearchDialog(page);
		await dialog.open();
		const links = await dialog.search('PLEG is not healthy');
		expect(links[0]).toMatch(new RegExp(`^${origin}${BASE}en/sections/troubleshooting-paths/\\?highlight=.*#pleg-timeout$`));
		const pagefindLinks = links.slice(1);
		expect(pagefindLinks.length).toBeGreaterThan(0);
		for (const link of pagefindLinks) expect(link.startsWith(`${origin}${BASE}`)).toBe(true);
		await Promise.all([page.waitForURL(/#pleg-timeout/), page.locator('.atlas-exact a').first().click()]);
		expect(await page.locator('#pleg-timeout').count()).toBe(1);
		await page.close();
	});
});
