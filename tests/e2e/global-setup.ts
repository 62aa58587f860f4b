// Builds the site (unless SKIP_BUILD=1) and serves dist/ with `astro preview` for the browser tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroEnv, freePort, waitForUrl } from '../../scripts/lib/local-server.ts';

let server: ChildProcess | undefined;


export default async function setup(project: TestProject) {
	const basePath = process.env['BASE_PATH'] ?? '/';
	// E2E_OUT_DIR lets several builds (e.g. a sub-path build) coexist with dist/.
	const outDir = process.env['E2E_OUT_DIR'] ?? 'dist';
	if (process.env['SKIP_BUILD'] !== '1') {
		const build = spawnSync('npx', ['astro', 'build', '--outDir', outDir], { stdio: 'inherit', env: astroEnv() });
		if (build.status !== 0) throw new Error('astro build failed');
	}
	const port = await freePort();
	server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--outDir', outDir, '--port', String(port), '--host', '127.0.0.1'], {
		stdio: 'ignore',
		env: astroEnv(),
		detached: true,
	});
	const origin = `http://127.0.0.1:${port}`;
	const base = `${origin}${basePath.replace(/\/$/, '')}`;
	await waitForUrl(`${base}/`, 60_000);
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
