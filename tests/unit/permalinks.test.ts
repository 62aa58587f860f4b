import { describe, expect, it } from 'vitest';
import { listPermalinks, lostPermalinks, parsePermalinks, rowAnchors } from '../../src/lib/permalinks.ts';

const page = (body: string) => `<!doctype html><html><head></head><body><main>${body}</main></body></html>`;
const redirect = (to: string) =>
	`<!doctype html><title>Redirecting to: ${to}</title><meta http-equiv="refresh" content="0;url=${to}"><meta name="robots" content="noindex"><a href="${to}">${to}</a>`;

const table = (...ids: string[]) =>
	`<table class="atlas-table sortable"><thead><tr><th>x</th></tr></thead><tbody>${ids
		.map((id) => `<tr id="${id}"><td><a class="atlas-permalink" href="#${id}">#</a></td></tr>`)
		.join('')}</tbody></table>`;

const build = new Map<string, string>([
	['/', page('<h1 id="_top">Home</h1>')],
	['/sections/kubelet/', page(`<h2 id="overview">x</h2>${table('pkg-kubelet-pleg', 'pkg-kubelet-cm')}<table><tr id="plain-table-row"></tr></table>`)],
	['/en/sections/kubelet/', page(table('pkg-kubelet-pleg', 'pkg-kubelet-cm'))],
	['/guide/commands/', page('<div id="snippet-build"><pre>make</pre></div><aside id="erratum-old-path">x</aside><h2 id="heading">h</h2>')],
	['/timeline/', page('<ul><li id="v1.29-x"><a class="atlas-permalink" href="#v1.29-x">#</a></li><li id="no-permalink"></li></ul>')],
	['/404.html', page('<h1>not found</h1>')],
]);

describe('permalink list', () => {
	it('finds row anchors: atlas-table rows, snippets, errata and row-permalink targets; not headings or rows of other tables', () => {
		expect(rowAnchors(build.get('/sections/kubelet/')!).sort()).toEqual(['pkg-kubelet-cm', 'pkg-kubelet-pleg']);
		expect(rowAnchors(build.get('/guide/commands/')!).sort()).toEqual(['erratum-old-path', 'snippet-build']);
		expect(rowAnchors(build.get('/timeline/')!)).toEqual(['v1.29-x']);
	});

	it('lists every page (404 excluded) and anchor, sorted, without the base path', () => {
		const lines = listPermalinks(build);
		expect(lines).toEqual([
			'/',
			'/en/sections/kubelet/',
			'/en/sections/kubelet/#pkg-kubelet-cm',
			'/en/sections/kubelet/#pkg-kubelet-pleg',
			'/guide/commands/',
			'/guide/commands/#erratum-old-path',
			'/guide/commands/#snippet-build',
			'/sections/kubelet/',
			'/sections/kubelet/#pkg-kubelet-cm',
			'/sections/kubelet/#pkg-kubelet-pleg',
			'/timeline/',
			'/timeline/#v1.29-x',
		]);
		const based = new Map([...build].map(([path, html]) => [`/atlas${path}`, html]));
		expect(listPermalinks(based, '/atlas/')).toEqual(lines);
	});

	it('parses the committed file, skipping blank lines and comments', () => {
		expect(parsePermalinks('# generated\n/\n\n/x/#a\n')).toEqual(['/', '/x/#a']);
	});
});

describe('lost permalinks', () => {
	const listed = listPermalinks(build);

	it('nothing is lost when the build is unchanged', () => {
		expect(lostPermalinks(listed, build)).toEqual([]);
	});

	it('reports a removed page and a removed row', () => {
		const next = new Map(build);
		next.delete('/en/sections/kubelet/');
		next.set('/guide/commands/', page('<div id="snippet-build"></div>'));
		expect(lostPermalinks(listed, next)).toEqual([
			{ permalink: '/en/sections/kubelet/', reason: 'page missing' },
			{ permalink: '/en/sections/kubelet/#pkg-kubelet-cm', reason: 'page missing' },
			{ permalink: '/en/sections/kubelet/#pkg-kubelet-pleg', reason: 'page missing' },
			{ permalink: '/guide/commands/#erratum-old-path', reason: 'no id "erratum-old-path" on the page' },
		]);
	});

	it('accepts a moved page when a redirect page stands in for it and the target keeps the anchors', () => {
		const next = new Map(build);
		next.set('/sections/kubelet/', redirect('/sections/node/'));
		next.set('/sections/node/', build.get('/sections/kubelet/')!);
		expect(lostPermalinks(listed, next)).toEqual([]);

		next.set('/sections/node/', page(table('pkg-kubelet-pleg')));
		expect(lostPermalinks(listed, next).map((lost) => lost.permalink)).toEqual(['/sections/kubelet/#pkg-kubelet-cm']);
		expect(lostPermalinks(['/sections/kubelet/#pkg-kubelet-cm'], next)[0]!.reason).toBe('no id "pkg-kubelet-cm" on /sections/node/ (redirect target)');
	});

	it('a redirect to a page that does not exist loses the permalink', () => {
		const next = new Map(build);
		next.set('/timeline/', redirect('/history/'));
		expect(lostPermalinks(['/timeline/'], next)).toEqual([{ permalink: '/timeline/', reason: 'redirects to /history/, which does not exist' }]);
	});

	it('works under a base path', () => {
		const based = new Map([...build].map(([path, html]) => [`/atlas${path}`, html]));
		expect(lostPermalinks(listed, based, '/atlas/')).toEqual([]);
		based.delete('/atlas/timeline/');
		expect(lostPermalinks(listed, based, '/atlas/').map((lost) => lost.permalink)).toEqual(['/timeline/', '/timeline/#v1.29-x']);
	});
});
