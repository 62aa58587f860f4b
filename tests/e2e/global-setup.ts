// Builds the site (unless SKIP_BUILD=1) and serves dist/ with `astro preview` for the browser tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
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
	throw new Error(`preview server did not answer at ${url}`);
}

let server: ChildProcess | undefined;

/**
 * The environment without what Vitest adds (NODE_ENV=test, DEV, PROD, MODE, SSR, BASE_URL, VITEST*):
 * Astro would otherwise build its development variant, which has no search.
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...extra };
	for (const key of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'TEST']) delete env[key];
	for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
	return env;
}

export default async function setup(project: TestProject) {
	const basePath = process.env['BASE_PATH'] ?? '/';
	// E2E_OUT_DIR lets several builds (e.g. a sub-path build) coexist with dist/.
	const outDir = process.env['E2E_OUT_DIR'] ?? 'dist';
	if (process.env['SKIP_BUILD'] !== '1') {
		const build = spawnSync('npx', ['astro', 'build', '--outDir', outDir], { stdio: 'inherit', env: buildEnv() });
		if (build.status !== 0) throw new Error('astro build failed');
	}
	const port = await freePort();
	server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--outDir', outDir, '--port', String(port), '--host', '127.0.0.1'], {
		stdio: 'ignore',
		env: buildEnv(),
		detached: true,
	});
	const origin = `http://127.0.0.1:${port}`;
	const base = `${origin}${basePath.replace(/\/$/, '')}`;
	await waitFor(`${base}/`, 60_000);
	project.provide('baseUrl', base);
	project.provide('outDir', resolve(outDir));
	return () => {
		if (server?.pid) process.kill(-server.pid, 'SIGTERM');
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		outDir: string;
	}
}
