// No broken links: every internal link and #anchor of the build resolves; external links are well-formed and the
// Kubernetes source links pinned to v1.32.0 (src/lib/link-check.ts does the checking).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { assetPathOfFile, checkLinks, extractLinks, formatProblems, pagePathOfFile } from '../../src/lib/link-check.ts';
import { htmlFiles, outDir, readHtml } from './dist.ts';

/** Base path of the build, from the preview server's URL (global-setup appends BASE_PATH). */
function basePath(): string {
	return `${new URL(inject('baseUrl')).pathname.replace(/\/$/, '')}/`;
}

/** Origin of the configured site URL, as the build wrote it into the sitemap index. */
function siteOrigin(): string {
	const index = readFileSync(join(outDir(), 'sitemap-index.xml'), 'utf8');
	const loc = index.match(/<loc>\s*([^<\s]+)\s*<\/loc>/)?.[1];
	if (!loc) throw new Error('sitemap-index.xml has no <loc>');
	return new URL(loc).origin;
}

/** Every non-HTML file of the build (pagefind and _astro included: the checker skips links into them anyway). */
function assetPaths(base: string): Set<string> {
	const root = outDir();
	const assets = new Set<string>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (!entry.name.endsWith('.html')) assets.add(assetPathOfFile(relative(root, path), base));
		}
	};
	walk(root);
	return assets;
}

describe('links', () => {
	const base = basePath();
	// The 404 page is served at whatever URL was missing, so its own <head> self-references (canonical and
	// language alternates naming /404/) point nowhere by design; its body links are checked like any page's.
	const withoutHeadLinks = (html: string) => html.replace(/<link[^>]*rel="(?:canonical|alternate)"[^>]*>/g, '');
	const pages = new Map(
		htmlFiles().map((file) => [pagePathOfFile(file, base), file === '404.html' ? withoutHeadLinks(readHtml(file)) : readHtml(file)]),
	);

	it('every internal link and #anchor resolves; external links are well-formed and pinned', () => {
		expect(pages.size).toBeGreaterThan(100);
		const started = Date.now();
		const problems = checkLinks(pages, { base, siteOrigin: siteOrigin(), assets: assetPaths(base) });
		const links = [...pages.values()].reduce((sum, html) => sum + extractLinks(html).length, 0);
		console.log(`links: ${links} links on ${pages.size} pages checked in ${Date.now() - started} ms`);
		expect(problems.length, `${problems.length} broken link(s):\n${formatProblems(problems)}`).toBe(0);
	});

	it('the checker is not vacuous: the build has row anchors, GitHub source links and canonical links', () => {
		const all = [...pages.values()].flatMap((html) => extractLinks(html));
		expect(all.filter((link) => /^#./.test(link.href) && link.href !== '#_top').length).toBeGreaterThan(100);
		expect(all.filter((link) => link.href.startsWith('https://github.com/kubernetes/kubernetes/blob/v1.32.0/')).length).toBeGreaterThan(100);
		expect(all.filter((link) => link.rel === 'canonical').length).toBeGreaterThanOrEqual(pages.size - 1);
	});
});
