// Permalinks: the public URLs and row anchors of a build (permalinks.txt at the repo root lists them), and the
// check that each listed one still resolves. Pure: pages come in as a map of site path → HTML.
import { extractIds, findPage, parseAttributes, redirectTarget } from './link-check.ts';

/** Anchors that are part of the public interface besides table rows: code snippets and errata. */
const anchorPrefixes = ['snippet-', 'erratum-'];

/** `/atlas/` → `/atlas`, `/` → ``. */
function cleanBase(base: string): string {
	return base.replace(/^\/*/, '/').replace(/\/*$/, '');
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** Site path (`/atlas/en/x/`) without the base path (`/en/x/`). */
function withoutBase(path: string, base: string): string {
	const prefix = cleanBase(base);
	return prefix && path.startsWith(prefix) ? path.slice(prefix.length) || '/' : path;
}

function markup(html: string): string {
	return html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
}

const tagPattern = /<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * The row anchors of a page: ids of `<tr>` inside `table.atlas-table`, `snippet-…` and `erratum-…` ids, and the
 * targets of row permalinks (`a.atlas-permalink href="#id"`, e.g. timeline items).
 */
export function rowAnchors(html: string): string[] {
	const anchors = new Set<string>();
	const permalinkTargets = new Set<string>();
	const ids = new Set<string>();
	let atlasTables = 0;
	for (const match of markup(html).matchAll(tagPattern)) {
		const closing = match[1] === '/';
		const name = match[2]!.toLowerCase();
		if (name === 'table') {
			if (closing) atlasTables = Math.max(0, atlasTables - 1);
			else if (/(^|\s)atlas-table(\s|$)/.test(parseAttributes(match[3] ?? '').get('class') ?? '')) atlasTables++;
			continue;
		}
		if (closing) continue;
		const attributes = parseAttributes(match[3] ?? '');
		const id = attributes.get('id');
		if (id) {
			ids.add(id);
			if ((name === 'tr' && atlasTables > 0) || anchorPrefixes.some((prefix) => id.startsWith(prefix))) anchors.add(id);
		}
		const href = attributes.get('href');
		if (name === 'a' && href?.startsWith('#') && /(^|\s)atlas-permalink(\s|$)/.test(attributes.get('class') ?? '')) {
			permalinkTargets.add(safeDecode(href.slice(1)));
		}
	}
	for (const target of permalinkTargets) if (ids.has(target)) anchors.add(target);
	return [...anchors];
}

/** Whether a page is the not-found page (never a permalink). */
function isNotFound(path: string): boolean {
	return /^\/(en\/)?404(\.html|\/)$/.test(path);
}

/**
 * Every public URL of a build (site-relative, base path removed, 404 excluded) and every row anchor, as the
 * lines of permalinks.txt: `/<path>/` and `/<path>/#<id>`, sorted.
 */
export function listPermalinks(pages: ReadonlyMap<string, string>, base = '/'): string[] {
	const lines = new Set<string>();
	for (const [sitePath, html] of pages) {
		const path = withoutBase(sitePath, base);
		if (isNotFound(path)) continue;
		lines.add(path);
		if (redirectTarget(html) !== undefined) continue;
		for (const id of rowAnchors(html)) lines.add(`${path}#${id}`);
	}
	return [...lines].sort();
}

/** The lines of permalinks.txt (blank lines and `#` comments ignored). */
export function parsePermalinks(text: string): string[] {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
}

export interface LostPermalink {
	permalink: string;
	reason: string;
}

/**
 * The listed permalinks that no longer resolve in a build: the page is gone (and no redirect page stands in for
 * it), or the anchor id is on neither the page nor, for a redirect page, the page it redirects to.
 */
export function lostPermalinks(permalinks: readonly string[], pages: ReadonlyMap<string, string>, base = '/'): LostPermalink[] {
	const prefix = cleanBase(base);
	const idCache = new Map<string, Set<string>>();
	const idsOf = (page: string) => {
		let ids = idCache.get(page);
		if (!ids) idCache.set(page, (ids = extractIds(pages.get(page) ?? '')));
		return ids;
	};
	/** Follows redirect pages (up to 5 hops) to the page that is shown. */
	const landing = (page: string): { page: string } | { reason: string } => {
		let current = page;
		for (let hop = 0; hop < 5; hop++) {
			const target = redirectTarget(pages.get(current) ?? '');
			if (target === undefined) return { page: current };
			const url = new URL(target, `http://atlas.invalid${current}`);
			const next = findPage(pages, url.pathname);
			if (next === undefined) return { reason: `redirects to ${withoutBase(url.pathname, base)}, which does not exist` };
			current = next;
		}
		return { reason: 'redirect loop' };
	};

	const lost: LostPermalink[] = [];
	for (const permalink of permalinks) {
		const hash = permalink.indexOf('#');
		const path = hash === -1 ? permalink : permalink.slice(0, hash);
		const id = hash === -1 ? undefined : permalink.slice(hash + 1);
		const page = findPage(pages, `${prefix}${path}`);
		if (page === undefined) {
			lost.push({ permalink, reason: 'page missing' });
			continue;
		}
		const shown = landing(page);
		if ('reason' in shown) {
			lost.push({ permalink, reason: shown.reason });
			continue;
		}
		if (id !== undefined && !idsOf(shown.page).has(id)) {
			lost.push({
				permalink,
				reason: shown.page === page ? `no id "${id}" on the page` : `no id "${id}" on ${withoutBase(shown.page, base)} (redirect target)`,
			});
		}
	}
	return lost;
}
