// Text from YAML renders inert; links from YAML cannot carry javascript: URLs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addScriptHashes, inlineScripts, sha256, templateScriptHashes } from '../../src/lib/csp.ts';
import { contentError, contentWith, repoRoot } from './helpers.ts';

const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>';

function build(contentDir: string) {
	const outDir = mkdtempSync(join(tmpdir(), 'atlas-xss-'));
	const env = { ...process.env, ATLAS_CONTENT_DIR: contentDir, NODE_ENV: 'production' };
	const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], { cwd: repoRoot, env, encoding: 'utf8' });
	return { ...result, outDir };
}

describe('content is escaped', () => {
	it('a javascript: link in a data field is rejected', () => {
		const dir = contentWith('staging-modules.yaml', (text) =>
			text.replace('repo: https://github.com/kubernetes/api\n', 'repo: "javascript:alert(1)"\n'),
		);
		expect(contentError(dir)).toMatch(/content\/staging-modules\.yaml, entry "k8s\.io-api", field "repo"/);
	});

	it('markup in a text field renders as text on every page that shows it', () => {
		const dir = contentWith('staging-modules.yaml', (text) =>
			text.replace('purpose: { zh: 外部 API 类型定义,', `purpose: { zh: "外部 API 类型定义${PAYLOAD}",`),
		);
		const result = build(dir);
		expect(result.status, result.stderr).toBe(0);
		for (const page of ['staging/k8s.io-api/index.html', 'sections/staging-modules/index.html']) {
			const html = readFileSync(join(result.outDir, page), 'utf8');
			expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
			// Inside a quoted attribute value `<script>` is inert text; outside of one it must never appear.
			const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
			expect(outsideAttributes).not.toContain('<script>alert(1)');
			expect(outsideAttributes).not.toMatch(/<img src=x/);
		}
		// The exact lookup keeps only the words of the text (its result cards are rendered as text).
		const lookupDir = join(result.outDir, 'lookup');
		const lookup = readdirSync(lookupDir).map((file) => readFileSync(join(lookupDir, file), 'utf8'));
		expect(lookup.some((text) => text.includes('"onerror"'))).toBe(true);
		expect(lookup.some((text) => text.includes('<script>') || text.includes('<img'))).toBe(false);
	}, 180_000);
});

describe('CSP template scripts', () => {
	const page = (scripts: string[]) =>
		`<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-x'; style-src 'self'">${scripts
			.map((body) => `<script>${body}</script>`)
			.join('')}<script type="module" src="/a.js"></script>`;

	it('hashes only inline scripts shared by the page template, never page-specific ones', () => {
		const pages = [page(['theme()']), page(['theme()']), page(['theme()', 'alert(1)'])];
		const hashes = templateScriptHashes(pages);
		expect(hashes).toEqual(new Set([sha256('theme()')]));
		const patched = addScriptHashes(pages[2]!, hashes);
		expect(patched).toContain(sha256('theme()'));
		expect(patched).not.toContain(sha256('alert(1)'));
		expect(patched).not.toContain('unsafe-inline');
		expect(inlineScripts(patched)).toEqual(['theme()', 'alert(1)']);
	});
});
