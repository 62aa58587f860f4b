// Helpers shared by the browser tests and the benchmark: headless Chromium, free ports, waiting for a server,
// and the environment an `astro` child process needs.
import { createServer } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

/** Launch flags that work as root on these machines (no sandbox, no background network traffic). */
export const chromeArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
];

/** Debian's Chromium (CHROME_PATH overrides); never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', args: chromeArgs });
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/** Resolves once `url` answers 2xx; throws after `timeoutMs`. */
export async function waitForUrl(url: string, timeoutMs: number): Promise<void> {
	const start = Date.now();
	while (Date.now() - start < timeoutMs) {
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not up yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`no answer from ${url} after ${timeoutMs} ms`);
}

/**
 * The environment for an `astro` child process: production mode, without what a test runner adds
 * (NODE_ENV=test, DEV, PROD, MODE, SSR, BASE_URL, VITEST*): Astro would otherwise build its development
 * variant, which has no search. `extra` entries set to undefined are removed.
 */
export function astroEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
	for (const key of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'TEST']) delete env[key];
	for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
	for (const [key, value] of Object.entries(extra)) {
		if (value === undefined) delete env[key];
		else env[key] = value;
	}
	return env;
}
