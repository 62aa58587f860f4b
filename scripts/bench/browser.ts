// Browser measurements on a built site served by `astro preview`: what a first visit loads, and what the
// first search loads and how fast results appear. Headless Chromium (never downloaded) via playwright-core.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchBrowser } from '../lib/local-server.ts';

export { launchBrowser };
import { astroEnv, fileSizes, freePort, median, startDetached, stopDetached, sum, waitForUrl } from './util.ts';

export interface Preview {
	origin: string;
	/** Whether the server still answers. */
	alive: () => Promise<boolean>;
	stop: () => void;
}

/** Serves a built folder with `astro preview` on a free port; its output goes to `logFile`. */
export async function startPreview(root: string, outDir: string, logFile: string): Promise<Preview> {
	const port = await freePort();
	const child = startDetached(
		'npx',
		['astro', 'preview', '--ignore-lock', '--outDir', outDir, '--port', String(port), '--host', '127.0.0.1'],
		root,
		astroEnv(),
		logFile,
	);
	const origin = `http://127.0.0.1:${port}`;
	try {
		await waitForUrl(`${origin}/`, 120_000);
	} catch (error) {
		stopDetached(child);
		throw error;
	}
	const alive = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return false;
		try {
			return (await fetch(`${origin}/`, { signal: AbortSignal.timeout(10_000) })).ok;
		} catch {
			return false;
		}
	};
	return { origin, alive, stop: () => stopDetached(child) };
}

// ---------------------------------------------------------------------------------------------------------
// What a page references, from disk

export interface StaticGraph {
	html: string;
	css: string[];
	js: string[];
	/** JS files reached only through dynamic `import()` with a literal path (loaded later, e.g. the search UI). */
	lazyJs: string[];
}

const attr = (tag: string, name: string): string | undefined =>
	new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);

const STATIC_IMPORT = /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*[`'"]([^`'"$]+\.m?js)[`'"]\s*\)/g;

/** Disk path of a site URL path (`/code/x/` → `<dist>/code/x/index.html`). */
export function diskPath(dist: string, urlPath: string): string | undefined {
	let path = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
	if (path.endsWith('/')) path += 'index.html';
	let file = join(dist, path);
	if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
	return existsSync(file) ? file : undefined;
}

/** The HTML of a page plus the CSS and JS it references: <link rel=stylesheet>, <script src>, static imports. */
export function staticGraph(dist: string, pagePath: string): StaticGraph {
	const html = diskPath(dist, pagePath);
	if (!html) throw new Error(`no page ${pagePath} in ${dist}`);
	const text = readFileSync(html, 'utf8');
	const pageUrl = new URL(pagePath, 'http://site');
	const css = new Set<string>();
	const js = new Set<string>();
	const lazy = new Set<string>();
	const resolve = (ref: string, from: URL) => new URL(ref, from).pathname;
	const scanJs = (source: string, from: URL) => {
		for (const match of source.matchAll(STATIC_IMPORT)) addJs(resolve(match[1] ?? '', from));
		for (const match of source.matchAll(DYNAMIC_IMPORT)) lazy.add(resolve(match[1] ?? '', from));
	};
	const addJs = (path: string) => {
		if (js.has(path)) return;
		js.add(path);
		const file = diskPath(dist, path);
		if (file) scanJs(readFileSync(file, 'utf8'), new URL(path, 'http://site'));
	};
	for (const tag of text.match(/<link\b[^>]*>/gi) ?? []) {
		const rel = (attr(tag, 'rel') ?? '').toLowerCase();
		const href = attr(tag, 'href');
		if (!href) continue;
		if (rel.split(/\s+/).includes('stylesheet')) css.add(resolve(href, pageUrl));
		if (rel === 'modulepreload') addJs(resolve(href, pageUrl));
	}
	for (const match of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const src = attr(`<script ${match[1] ?? ''}>`, 'src');
		if (src) addJs(resolve(src, pageUrl));
		else scanJs(match[2] ?? '', pageUrl);
	}
	for (const path of js) lazy.delete(path);
	return { html: pagePath, css: [...css], js: [...js], lazyJs: [...lazy] };
}

export interface Bytes {
	raw: number;
	gzip: number;
}

const sizeOf = (dist: string, paths: ReadonlyArray<string>): Bytes & { files: number } => {
	const sizes = paths.map((path) => {
		const file = diskPath(dist, path);
		return file ? fileSizes(file) : { raw: 0, gzip: 0 };
	});
	return { raw: sum(sizes.map((s) => s.raw)), gzip: sum(sizes.map((s) => s.gzip)), files: paths.length };
};

// ---------------------------------------------------------------------------------------------------------
// Network log of a browser context

export type ResourceKind = 'html' | 'css' | 'js' | 'json' | 'wasm' | 'pagefind-data' | 'font' | 'image' | 'other';

export interface Loaded {
	path: string;
	kind: ResourceKind;
	/** Body bytes as transferred by `astro preview` (which gzips), from Chromium; disk gzip when unknown. */
	wire: number;
	/** gzip size of the file on disk (level 6; pre-compressed Pagefind files as they are). */
	gzip: number;
	raw: number;
	/** ms since the log started. */
	at: number;
}

function kindOf(request: Request, path: string): ResourceKind {
	const type = request.resourceType();
	if (type === 'document') return 'html';
	if (type === 'font' || /\.(woff2?|ttf|otf)$/.test(path)) return 'font';
	if (type === 'image' || /\.(svg|png|jpe?g|gif|webp|avif|ico)$/.test(path)) return 'image';
	if (type === 'stylesheet' || path.endsWith('.css')) return 'css';
	if (type === 'script' || /\.m?js$/.test(path)) return 'js';
	if (path.endsWith('.json')) return 'json';
	if (/\/wasm\.[^/]+\.pagefind$/.test(path)) return 'wasm';
	if (/\.pf_(index|fragment|meta|filter)$/.test(path)) return 'pagefind-data';
	return 'other';
}

export class NetworkLog {
	readonly entries: Loaded[] = [];
	private readonly pending: Array<Promise<void>> = [];
	private readonly start = Date.now();
	private readonly dist: string;
	private readonly origin: string;

	constructor(context: BrowserContext, dist: string, origin: string) {
		this.dist = dist;
		this.origin = origin;
		context.on('requestfinished', (request) => this.pending.push(this.record(request)));
	}

	private async record(request: Request): Promise<void> {
		const url = new URL(request.url());
		if (url.origin !== this.origin) return;
		const path = url.pathname;
		const at = Date.now() - this.start;
		const file = diskPath(this.dist, path);
		const disk = file ? fileSizes(file) : { raw: 0, gzip: 0 };
		let wire = 0;
		try {
			wire = (await request.sizes()).responseBodySize;
		} catch {
			wire = 0;
		}
		// Chromium reports 0 for some worker-initiated loads: fall back to the disk gzip size.
		if (wire <= 0) wire = disk.gzip;
		this.entries.push({ path, kind: kindOf(request, path), wire, gzip: disk.gzip, raw: disk.raw, at });
	}

	now(): number {
		return Date.now() - this.start;
	}

	async settle(): Promise<void> {
		await Promise.all(this.pending);
	}
}

// ---------------------------------------------------------------------------------------------------------
// Page weight

export interface PageWeight {
	path: string;
	/** From disk: the HTML and what it references. */
	disk: { html: Bytes; css: Bytes & { files: number }; js: Bytes & { files: number }; lazyJs: Bytes & { files: number }; lazyFiles: string[] };
	/** In Chromium, until network idle: HTML, CSS, JS by what loads before and after the load event. */
	browser: {
		byLoad: Record<'html' | 'css' | 'js', { wire: number; gzip: number; files: number }>;
		afterLoad: { wire: number; gzip: number; files: number; paths: string[] };
		fonts: number;
		images: number;
		/** Everything HTML/CSS/JS the visit loaded, gzip from disk: the figure the target is checked against. */
		totalGzip: number;
		totalWire: number;
		loadMs: number;
	};
}

export async function measurePage(browser: Browser, origin: string, dist: string, path: string): Promise<PageWeight> {
	const graph = staticGraph(dist, path);
	const htmlFile = diskPath(dist, path);
	const html = htmlFile ? fileSizes(htmlFile) : { raw: 0, gzip: 0 };
	const context = await browser.newContext();
	try {
		const log = new NetworkLog(context, dist, origin);
		const page = await context.newPage();
		const started = log.now();
		await page.goto(`${origin}${path}`, { waitUntil: 'load' });
		const loadAt = log.now();
		await page.waitForLoadState('networkidle');
		// Starlight loads the search UI when the browser is idle after load.
		await page.waitForTimeout(500);
		await log.settle();
		const pick = (kind: ResourceKind, before: boolean) =>
			log.entries.filter((entry) => entry.kind === kind && (entry.at <= loadAt) === before);
		const total = (list: Loaded[]) => ({ wire: sum(list.map((e) => e.wire)), gzip: sum(list.map((e) => e.gzip)), files: list.length });
		const after = (['html', 'css', 'js'] as const).flatMap((kind) => pick(kind, false));
		const all = log.entries.filter((entry) => entry.kind === 'html' || entry.kind === 'css' || entry.kind === 'js');
		return {
			path,
			disk: {
				html,
				css: sizeOf(dist, graph.css),
				js: sizeOf(dist, graph.js),
				lazyJs: sizeOf(dist, graph.lazyJs),
				lazyFiles: graph.lazyJs,
			},
			browser: {
				byLoad: { html: total(pick('html', true)), css: total(pick('css', true)), js: total(pick('js', true)) },
				afterLoad: { ...total(after), paths: after.map((entry) => entry.path) },
				fonts: sum(log.entries.filter((e) => e.kind === 'font').map((e) => e.wire)),
				images: sum(log.entries.filter((e) => e.kind === 'image').map((e) => e.wire)),
				totalGzip: sum(all.map((e) => e.gzip)),
				totalWire: sum(all.map((e) => e.wire)),
				loadMs: loadAt - started,
			},
		};
	} finally {
		await context.close();
	}
}

// ---------------------------------------------------------------------------------------------------------
// Search

export const searchGroups = ['ui', 'pagefind-js', 'wasm', 'meta', 'index', 'fragments', 'lookup'] as const;
export type SearchGroup = (typeof searchGroups)[number];

export const searchGroupLabels: Record<SearchGroup, string> = {
	ui: "search UI JS/CSS (the site's Pagefind UI)",
	'pagefind-js': 'pagefind.js, worker, entry',
	wasm: 'Pagefind wasm',
	meta: 'index meta (.pf_meta)',
	index: 'index chunks (.pf_index)',
	fragments: 'fragments (.pf_fragment)',
	lookup: 'exact lookup (/lookup/*.json)',
};

/** Which part of the search a request belongs to (undefined: part of the page itself). */
function searchGroupOf(entry: Loaded, pageAssets: ReadonlySet<string>): SearchGroup | undefined {
	const path = entry.path;
	if (/\/lookup\/[^/]+\.json$/.test(path)) return 'lookup';
	if (path.includes('/pagefind/')) {
		if (path.includes('/pagefind/index/')) return 'index';
		if (path.includes('/pagefind/fragment/')) return 'fragments';
		if (path.endsWith('.pf_meta')) return 'meta';
		if (/\/wasm\.[^/]+\.pagefind$/.test(path)) return 'wasm';
		if (/pagefind-(ui|component-ui|modular-ui)\.(js|css)$/.test(path)) return 'ui';
		return 'pagefind-js';
	}
	if ((entry.kind === 'js' || entry.kind === 'css') && !pageAssets.has(path)) return 'ui';
	return undefined;
}

export interface SearchBytes {
	query: string;
	groups: Record<SearchGroup, { wire: number; gzip: number; files: number }>;
	totalWire: number;
	totalGzip: number;
	/** Largest single file of the search. */
	largest: { path: string; gzip: number };
	/** From the last keystroke to the first results, cold (nothing of the search loaded before). */
	coldMs: number;
}

export interface QueryTiming {
	query: string;
	/** ms from the last keystroke until the exact-lookup list shows results for the query (NaN: none). */
	exactMs: number;
	/** ms from the last keystroke until Pagefind's results (with their first title) are shown (NaN: timeout). */
	pagefindMs: number;
	/** The earlier of the two: when the user first sees results. */
	firstMs: number;
	exactCount: number;
	pagefindCount: number;
	/** Bytes this query loaded once the index was loaded (new chunks and fragments). */
	bytes: number;
}

interface BenchState {
	query: string;
	tInput: number;
	tExact: number;
	tPagefind: number;
	exactCount: number;
	pagefindCount: number;
}

/** Watches the search dialog for the results of `query`: exact list and Pagefind's list, stamped with performance.now(). */
async function instrument(page: Page, query: string): Promise<void> {
	await page.evaluate((q) => {
		const w = window as unknown as { __bench?: BenchState; __benchStop?: () => void };
		w.__benchStop?.();
		const host = document.querySelector('#starlight__search');
		const input = host?.querySelector('input');
		if (!host || !input) throw new Error('search dialog not found');
		const state: BenchState = { query: q, tInput: -1, tExact: -1, tPagefind: -1, exactCount: 0, pagefindCount: 0 };
		w.__bench = state;
		const check = () => {
			if (state.tInput < 0) return;
			const now = performance.now();
			if (state.tExact < 0) {
				const links = host.querySelectorAll<HTMLAnchorElement>('.atlas-exact:not([hidden]) a.atlas-exact__link');
				const first = links[0];
				if (first && new URL(first.href).searchParams.get('highlight') === q) {
					state.tExact = now;
					state.exactCount = links.length;
				}
			}
			if (state.tPagefind < 0) {
				const area = host.querySelector('.pagefind-ui__results-area');
				const list = area?.querySelector('ol.pagefind-ui__results');
				const message = area?.querySelector('.pagefind-ui__message')?.textContent ?? '';
				// The site's search UI marks the results area busy while Pagefind searches.
				if (list && message.includes(q) && area?.getAttribute('aria-busy') !== 'true') {
					const items = list.querySelectorAll('.pagefind-ui__result');
					if (items.length === 0 || items[0]?.querySelector('a.pagefind-ui__result-link')) {
						state.tPagefind = now;
						state.pagefindCount = items.length;
					}
				}
			}
		};
		const onInput = (event: Event) => {
			if (input.value === q) {
				state.tInput = event.timeStamp;
				check();
			}
		};
		input.addEventListener('input', onInput);
		const observer = new MutationObserver(check);
		observer.observe(host, { childList: true, subtree: true, characterData: true, attributes: true });
		w.__benchStop = () => {
			observer.disconnect();
			input.removeEventListener('input', onInput);
		};
	}, query);
}

async function readState(page: Page): Promise<BenchState> {
	return page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);
}

/**
 * Opens Starlight's search dialog like tests/e2e/search-page.ts does (that page object is not importable
 * here: Node runs TypeScript by stripping types, which does not cover its parameter property).
 */
/** Opens the home page once the network is idle (Starlight has loaded the search UI), then the search dialog. */
async function openSearchOnHome(context: BrowserContext, origin: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${origin}/`, { waitUntil: 'load' });
	await page.waitForLoadState('networkidle');
	await page.locator('button[data-open-modal]').first().click();
	await page.locator('#starlight__search input').waitFor({ state: 'visible' });
	return page;
}

/** Types a query like a fast typist and waits for its results; returns the timings. */
async function typeAndTime(page: Page, query: string, timeoutMs: number): Promise<Omit<QueryTiming, 'bytes'>> {
	const input = page.locator('#starlight__search input');
	await input.fill('');
	// Let Pagefind's debounce and the exact list settle on the empty query.
	await page.waitForTimeout(400);
	await instrument(page, query);
	await input.pressSequentially(query, { delay: 50 });
	try {
		await page.waitForFunction(() => (window as unknown as { __bench: BenchState }).__bench.tPagefind >= 0, undefined, {
			timeout: timeoutMs,
			polling: 50,
		});
	} catch {
		// reported as NaN
	}
	let state = await readState(page);
	if (state.tExact < 0) {
		await page.waitForTimeout(300);
		state = await readState(page);
	}
	const exactMs = state.tExact >= 0 && state.tInput >= 0 ? state.tExact - state.tInput : Number.NaN;
	const pagefindMs = state.tPagefind >= 0 && state.tInput >= 0 ? state.tPagefind - state.tInput : Number.NaN;
	const firstMs = Math.min(...[exactMs, pagefindMs].filter((v) => Number.isFinite(v)));
	return {
		query,
		exactMs,
		pagefindMs,
		firstMs: Number.isFinite(firstMs) ? firstMs : Number.NaN,
		exactCount: state.exactCount,
		pagefindCount: state.pagefindCount,
	};
}

function emptyGroups(): Record<SearchGroup, { wire: number; gzip: number; files: number }> {
	return Object.fromEntries(searchGroups.map((group) => [group, { wire: 0, gzip: 0, files: 0 }])) as Record<
		SearchGroup,
		{ wire: number; gzip: number; files: number }
	>;
}

/** Opens the home page in a fresh browser profile, opens the search dialog and searches once. */
export async function measureFirstSearch(
	browser: Browser,
	origin: string,
	dist: string,
	query: string,
	timeoutMs: number,
): Promise<SearchBytes> {
	const graph = staticGraph(dist, '/');
	const pageAssets = new Set([...graph.css, ...graph.js]);
	const context = await browser.newContext();
	try {
		const log = new NetworkLog(context, dist, origin);
		const page = await openSearchOnHome(context, origin);
		const timing = await typeAndTime(page, query, timeoutMs);
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(300);
		await log.settle();
		const groups = emptyGroups();
		let largest = { path: '', gzip: 0 };
		for (const entry of log.entries) {
			const group = searchGroupOf(entry, pageAssets);
			if (!group) continue;
			groups[group].wire += entry.wire;
			groups[group].gzip += entry.gzip;
			groups[group].files += 1;
			if (entry.gzip > largest.gzip) largest = { path: entry.path, gzip: entry.gzip };
		}
		return {
			query,
			groups,
			totalWire: sum(Object.values(groups).map((g) => g.wire)),
			totalGzip: sum(Object.values(groups).map((g) => g.gzip)),
			largest,
			coldMs: timing.firstMs,
		};
	} finally {
		await context.close();
	}
}

/** Times every query in one page once the search index is loaded (after a warm-up search). */
export async function measureSearchLatency(
	browser: Browser,
	origin: string,
	dist: string,
	queries: ReadonlyArray<string>,
	timeoutMs: number,
): Promise<QueryTiming[]> {
	const context = await browser.newContext();
	try {
		const log = new NetworkLog(context, dist, origin);
		const page = await openSearchOnHome(context, origin);
		// Warm-up: loads the UI, pagefind.js, the wasm, the index meta and the lookup files of this query.
		await typeAndTime(page, 'kubelet', timeoutMs);
		await page.waitForLoadState('networkidle');
		const results: QueryTiming[] = [];
		for (const query of queries) {
			await log.settle();
			const before = sum(log.entries.map((e) => e.gzip));
			const timing = await typeAndTime(page, query, timeoutMs);
			await page.waitForLoadState('networkidle');
			await log.settle();
			results.push({ ...timing, bytes: sum(log.entries.map((e) => e.gzip)) - before });
		}
		return results;
	} finally {
		await context.close();
	}
}

export function medianOf<T>(items: ReadonlyArray<T>, pick: (item: T) => number): number {
	return median(items.map(pick).filter((v) => Number.isFinite(v)));
}
