import { describe, expect, it } from 'vitest';
import {
	checkLinks,
	externalProblem,
	extractIds,
	extractLinks,
	findPage,
	pagePathOfFile,
	redirectTarget,
} from '../../src/lib/link-check.ts';

const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('link extraction', () => {
	it('reads <a>, <area> and <link> hrefs with any quoting and decodes entities', () => {
		const links = extractLinks(
			page(
				`<a class="x" href="/a/?q=1&amp;b=2#top">A</a><a href='/b/'>B</a><a href=/c/>C</a><a name="n">no href</a><area href="/d/">`,
				'<link rel="canonical" href="https://site.example/a/">',
			),
		);
		expect(links.map((link) => link.href)).toEqual(['https://site.example/a/', '/a/?q=1&b=2#top', '/b/', '/c/', '/d/']);
		expect(links[0]!.rel).toBe('canonical');
	});

	it('ignores what scripts, styles and comments contain', () => {
		const html = page(`<script>const s = '<a href="/ghost/">'; const t = 'id="ghost"';</script><!-- <a href="/old/"> --><p id="real">x</p>`);
		expect(extractLinks(html)).toEqual([]);
		expect([...extractIds(html)]).toEqual(['real']);
	});

	it('collects id attributes (not data-id) and <a name>', () => {
		const ids = extractIds(page(`<tr id="pkg-kubelet-pleg" data-id="nope"><td><a name="legacy">x</a></td></tr><h2 id='概述'>x</h2>`));
		expect([...ids].sort()).toEqual(['legacy', 'pkg-kubelet-pleg', '概述']);
	});

	it('maps build files to site paths and finds pages by any spelling', () => {
		expect(pagePathOfFile('index.html')).toBe('/');
		expect(pagePathOfFile('en/code/x/index.html')).toBe('/en/code/x/');
		expect(pagePathOfFile('404.html')).toBe('/404.html');
		expect(pagePathOfFile('en/index.html', '/atlas')).toBe('/atlas/en/');
		const pages = new Map([['/en/', ''], ['/404.html', '']]);
		expect(findPage(pages, '/en')).toBe('/en/');
		expect(findPage(pages, '/en/index.html')).toBe('/en/');
		expect(findPage(pages, '/404')).toBe('/404.html');
		expect(findPage(pages, '/fr/')).toBeUndefined();
	});

	it('reads the target of a meta-refresh redirect page', () => {
		expect(redirectTarget('<!doctype html><title>Redirecting to: /new/</title><meta http-equiv="refresh" content="0;url=/new/">')).toBe('/new/');
		expect(redirectTarget(`<meta http-equiv="Refresh" content="2; URL='/x/'">`)).toBe('/x/');
		expect(redirectTarget(page('<p>plain</p>'))).toBeUndefined();
	});
});

describe('external links', () => {
	it('accepts well-formed URLs and Kubernetes links pinned to v1.32.0', () => {
		for (const href of [
			'https://kubernetes.io/docs/',
			'https://github.com/kubernetes/kubernetes/tree/v1.32.0/pkg/kubelet',
			'https://github.com/kubernetes/kubernetes/blob/v1.32.0/pkg/scheduler/schedule_one.go#L65',
			'https://github.com/kubernetes/kubernetes/pull/121046',
			'https://github.com/kubernetes/kubernetes',
			'https://github.com/kubernetes/client-go/blob/master/README.md',
		]) {
			expect(externalProblem(href), href).toBeUndefined();
		}
	});

	it('flags malformed URLs', () => {
		expect(externalProblem('https://exa mple.com/')?.kind).toBe('malformed-external');
		expect(externalProblem('https:///nohost')?.kind).toBe('malformed-external');
		expect(externalProblem('https://localhost/')?.kind).toBe('malformed-external');
		expect(externalProblem('htps//github.com')?.kind).toBe('malformed-external');
		expect(externalProblem('ftp://example.com/file')?.kind).toBe('malformed-external');
		expect(externalProblem('https://example..com/')?.kind).toBe('malformed-external');
	});

	it('flags kubernetes/kubernetes source links not at v1.32.0', () => {
		expect(externalProblem('https://github.com/kubernetes/kubernetes/blob/master/pkg/x.go')).toEqual({
			kind: 'unpinned-github',
			detail: 'blob/ link at "master", not v1.32.0',
		});
		expect(externalProblem('https://github.com/Kubernetes/Kubernetes/tree/v1.31.0/cmd')?.kind).toBe('unpinned-github');
		expect(externalProblem('https://github.com/kubernetes/kubernetes/tree/release-1.32/cmd')?.kind).toBe('unpinned-github');
	});
});

describe('checkLinks', () => {
	const site = new Map<string, string>([
		['/', page(`<a href="/code/x/">x</a><a href="en/">en</a><a href="#_top">top</a><a href="#">self</a><a href="/favicon.svg">i</a>`)],
		[
			'/code/x/',
			page(
				`<h1 id="_top">X</h1><table class="atlas-table"><tr id="row-1"></tr></table>` +
					`<a href="#row-1">ok</a><a href="../y/#row-1">other page</a><a href="/code/x/#row-2">missing anchor</a>` +
					`<a href="/code/gone/">missing page</a><a href="/_astro/app.css">asset</a><a href="/pagefind/pagefind.js">pf</a>` +
					`<a href="https://github.com/kubernetes/kubernetes/tree/master/pkg">unpinned</a><a href="mailto:a@b.c">mail</a>`,
				'<link rel="canonical" href="https://site.example/code/x/"><link rel="alternate" href="https://site.example/en/code/x/">',
			),
		],
		['/code/y/', page(`<p id="row-1">y</p><a href="/old/#row-1">via redirect</a><a href="/old/#nope">bad anchor via redirect</a>`)],
		['/old/', '<!doctype html><title>Redirecting to: /code/y/</title><meta http-equiv="refresh" content="0;url=/code/y/"><a href="/code/y/">/code/y/</a>'],
		['/en/', page(`<a href="/en/code/x/#row-1">en twin</a><a href="/en">self without slash</a>`)],
	]);

	it('reports missing pages, missing anchors, missing twins, unpinned GitHub links; accepts the rest', () => {
		const problems = checkLinks(site, { siteOrigin: 'https://site.example', assets: new Set(['/favicon.svg']) });
		expect(problems.map((problem) => `${problem.page} ${problem.kind} ${problem.href}`).sort()).toEqual(
			[
				'/code/x/ missing-anchor /code/x/#row-2',
				'/code/x/ missing-page /code/gone/',
				'/code/x/ unpinned-github https://github.com/kubernetes/kubernetes/tree/master/pkg',
				'/code/x/ missing-page https://site.example/en/code/x/',
				'/code/y/ missing-anchor /old/#nope',
				'/en/ missing-page /en/code/x/#row-1',
			].sort(),
		);
	});

	it('without the site origin, absolute site links count as external (and are only checked for form)', () => {
		const problems = checkLinks(site, { assets: new Set(['/favicon.svg']) });
		expect(problems.some((problem) => problem.href.startsWith('https://site.example/'))).toBe(false);
	});

	it('checks under a base path and flags links that leave it', () => {
		const based = new Map([
			['/atlas/', page(`<a href="/atlas/code/#a">ok</a><a href="/code/">outside</a><a href="code/">relative</a><a href="/atlas/_astro/x.js">skip</a>`)],
			['/atlas/code/', page(`<p id="a">a</p>`)],
		]);
		const problems = checkLinks(based, { base: '/atlas/' });
		expect(problems.map((problem) => `${problem.kind} ${problem.href}`)).toEqual(['outside-base /code/']);
	});

	it('a missing file that is not a page is reported unless listed as an asset', () => {
		const pages = new Map([['/', page(`<a href="/lookup/c0.json">data</a>`)]]);
		expect(checkLinks(pages).map((problem) => problem.kind)).toEqual(['missing-page']);
		expect(checkLinks(pages, { assets: new Set(['/lookup/c0.json']) })).toEqual([]);
	});
});
