// Link checker over a built site. Pure: it receives the pages' HTML (and the other files' paths) and returns the
// problems; tests/e2e/links.test.ts feeds it the build output, tests/unit/link-check.test.ts tiny fixtures.
import { GITHUB_TREE, K8S_TAG } from './urls.ts';

/** What is wrong with one link of one page. */
export interface LinkProblem {
	/** Site path of the page holding the link (`/en/code/x/`). */
	page: string;
	/** The link as written in the HTML (entities decoded). */
	href: string;
	kind: 'missing-page' | 'missing-anchor' | 'outside-base' | 'malformed-external' | 'unpinned-github';
	detail: string;
}

export interface LinkCheckOptions {
	/** Base path the site is served under (`/` or `/atlas/`). */
	base?: string;
	/** Origin of the configured site URL (`https://atlas.example.org`): absolute links to it are internal. */
	siteOrigin?: string;
	/** Site paths of the files that are not HTML pages (`/favicon.svg`, `/lookup/c0.json`). */
	assets?: ReadonlySet<string>;
	/** Site-path prefixes not checked at all; default: the base's `_astro/` and `pagefind/`. */
	skipPrefixes?: readonly string[];
}

export interface ExtractedLink {
	tag: 'a' | 'area' | 'link';
	href: string;
	rel: string;
}

const internalOrigin = 'http://atlas.invalid';
/** Fragments that scroll to the top without a matching id. */
const topFragments = new Set(['', '_top', 'top']);

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references found in attribute values. */
export function decodeEntities(value: string): string {
	return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
		if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
		return namedEntities[ref.toLowerCase()] ?? whole;
	});
}

/** The HTML without the text of scripts, styles and comments (which may contain `id="` or `<a` as text). */
function markupOnly(html: string): string {
	return html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
		.replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
		.replace(/<template\b[^>]*>[\s\S]*?<\/template\s*>/gi, '');
}

const attributePattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Attributes of one start tag's inner text (`a class="x" href="/y/"`), names lower-cased, values decoded. */
export function parseAttributes(tagText: string): Map<string, string> {
	const attributes = new Map<string, string>();
	const body = tagText.replace(/^<?[a-zA-Z][^\s/>]*/, '');
	for (const match of body.matchAll(attributePattern)) {
		const name = match[1]!.toLowerCase();
		if (attributes.has(name)) continue;
		attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
	}
	return attributes;
}

function startTags(html: string, names: readonly string[]): Array<{ name: string; attributes: Map<string, string> }> {
	const pattern = new RegExp(`<(${names.join('|')})(?=[\\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'gi');
	return [...markupOnly(html).matchAll(pattern)].map((match) => ({
		name: match[1]!.toLowerCase(),
		attributes: parseAttributes(match[2] ?? ''),
	}));
}

/** Every `<a href>`, `<area href>` and `<link href>` of a page. */
export function extractLinks(html: string): ExtractedLink[] {
	return startTags(html, ['a', 'area', 'link']).flatMap(({ name, attributes }) => {
		const href = attributes.get('href');
		return href === undefined ? [] : [{ tag: name as ExtractedLink['tag'], href: href.trim(), rel: attributes.get('rel') ?? '' }];
	});
}

/** Fragment targets of a page: every `id` attribute, and `name` of `<a>`. */
export function extractIds(html: string): Set<string> {
	const ids = new Set<string>();
	const markup = markupOnly(html);
	for (const match of markup.matchAll(/<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
		const attributes = parseAttributes(match[2] ?? '');
		const id = attributes.get('id');
		if (id) ids.add(id);
		const name = attributes.get('name');
		if (name && match[1]!.toLowerCase() === 'a') ids.add(name);
	}
	return ids;
}

/** The target of a redirect page (`<meta http-equiv="refresh" content="0;url=/new/">`), as written. */
export function redirectTarget(html: string): string | undefined {
	for (const { attributes } of startTags(html, ['meta'])) {
		if (attributes.get('http-equiv')?.toLowerCase() !== 'refresh') continue;
		const match = attributes.get('content')?.match(/^\s*\d*(?:\.\d+)?\s*[;,]\s*url\s*=\s*(['"]?)(.*?)\1\s*$/i);
		if (match) return match[2];
	}
	return undefined;
}

function cleanBase(base: string): string {
	const withSlash = base.endsWith('/') ? base : `${base}/`;
	return withSlash.startsWith('/') ? withSlash : `/${withSlash}`;
}

/** Site path of an HTML file of the build (`en/code/x/index.html` → `/en/code/x/`, `404.html` → `/404.html`). */
export function pagePathOfFile(file: string, base = '/'): string {
	const path = file.split(/[\\/]/).join('/');
	const prefix = cleanBase(base);
	if (path === 'index.html') return prefix;
	if (path.endsWith('/index.html')) return `${prefix}${path.slice(0, -'index.html'.length)}`;
	return `${prefix}${path}`;
}

/** Site path of any other file of the build (`favicon.svg` → `/favicon.svg`). */
export function assetPathOfFile(file: string, base = '/'): string {
	return `${cleanBase(base)}${file.split(/[\\/]/).join('/')}`;
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

/** The key of `pages` a site path lands on (`/en` → `/en/`, `/x/index.html` → `/x/`), or undefined. */
export function findPage(pages: ReadonlyMap<string, unknown>, pathname: string): string | undefined {
	const decoded = safeDecode(pathname);
	for (const path of new Set([pathname, decoded])) {
		const candidates = [path];
		if (path.endsWith('/index.html')) candidates.push(path.slice(0, -'index.html'.length));
		else if (!path.endsWith('/')) candidates.push(`${path}/`, `${path}.html`);
		for (const candidate of candidates) if (pages.has(candidate)) return candidate;
	}
	return undefined;
}

/** Whether `fragment` (as written after `#`) names an element of a page with these ids. */
export function hasFragment(ids: ReadonlySet<string>, fragment: string): boolean {
	if (topFragments.has(fragment) || topFragments.has(safeDecode(fragment).toLowerCase())) return true;
	if (fragment.startsWith(':~:')) return true; // text fragment
	return ids.has(fragment) || ids.has(safeDecode(fragment));
}

/** Problems of an external URL: not parseable, not http(s), no real host, or a Kubernetes source link not at the tag. */
export function externalProblem(href: string): Pick<LinkProblem, 'kind' | 'detail'> | undefined {
	if (/\s|[<>"`{}|\\^]/.test(href)) return { kind: 'malformed-external', detail: 'contains whitespace or characters that must be encoded' };
	let url: URL;
	try {
		url = new URL(href);
	} catch {
		return { kind: 'malformed-external', detail: 'not a valid URL' };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'malformed-external', detail: `unexpected scheme ${url.protocol}` };
	if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname) || url.hostname.split('.').some((label) => label === '')) {
		return { kind: 'malformed-external', detail: `bad host "${url.hostname}"` };
	}
	const kubernetes = new URL(GITHUB_TREE);
	if (url.hostname.toLowerCase() === kubernetes.hostname) {
		const [owner, repo, kind, ref] = url.pathname.split('/').slice(1);
		const [wantOwner, wantRepo] = kubernetes.pathname.split('/').slice(1);
		const sameRepo = owner?.toLowerCase() === wantOwner && repo?.toLowerCase() === wantRepo;
		if (sameRepo && (kind === 'blob' || kind === 'tree' || kind === 'blame' || kind === 'raw') && ref !== K8S_TAG) {
			return { kind: 'unpinned-github', detail: `${kind}/ link at "${ref ?? ''}", not ${K8S_TAG}` };
		}
	}
	return undefined;
}

/**
 * Checks every link of every page. `pages` maps site paths (base included, as `pagePathOfFile` makes them) to HTML.
 * Internal links must land on a page (or an asset) under the base path, and their `#anchor` on an id of that page;
 * a redirect page (meta refresh) is followed for the anchor. External links must be well-formed, and links into
 * kubernetes/kubernetes sources (blob/, tree/, …) pinned to the v1.32.0 tag.
 */
export function checkLinks(pages: ReadonlyMap<string, string>, options: LinkCheckOptions = {}): LinkProblem[] {
	const base = cleanBase(options.base ?? '/');
	const skipPrefixes = options.skipPrefixes ?? [`${base}_astro/`, `${base}pagefind/`];
	const assets = options.assets ?? new Set<string>();
	const siteOrigin = options.siteOrigin ? new URL(options.siteOrigin).origin : undefined;
	const idCache = new Map<string, Set<string>>();
	const idsOf = (page: string): Set<string> => {
		let ids = idCache.get(page);
		if (!ids) {
			ids = extractIds(pages.get(page) ?? '');
			idCache.set(page, ids);
		}
		return ids;
	};
	/** The page an anchor must be found on: the page itself, or where its redirect (followed up to 5 times) leads. */
	const anchorPage = (page: string): string | undefined => {
		let current = page;
		for (let hop = 0; hop < 5; hop++) {
			const target = redirectTarget(pages.get(current) ?? '');
			if (target === undefined) return current;
			const url = new URL(target, `${internalOrigin}${current}`);
			const next = url.origin === internalOrigin || url.origin === siteOrigin ? findPage(pages, url.pathname) : undefined;
			if (next === undefined) return undefined;
			current = next;
		}
		return undefined;
	};

	const problems: LinkProblem[] = [];
	for (const [page, html] of pages) {
		for (const { href } of extractLinks(html)) {
			if (href === '' || /^(mailto|tel|data|javascript):/i.test(href)) continue;
			const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
			let url: URL;
			try {
				url = new URL(href, `${internalOrigin}${page}`);
			} catch {
				problems.push({ page, href, kind: isAbsolute ? 'malformed-external' : 'missing-page', detail: 'not a valid URL' });
				continue;
			}
			const internal = url.origin === internalOrigin || (siteOrigin !== undefined && url.origin === siteOrigin);
			if (!internal) {
				const problem = externalProblem(href);
				if (problem) problems.push({ page, href, ...problem });
				continue;
			}
			const pathname = url.pathname;
			if (skipPrefixes.some((prefix) => pathname.startsWith(prefix))) continue;
			if (!`${pathname}/`.startsWith(base)) {
				problems.push({ page, href, kind: 'outside-base', detail: `${pathname} is not under the base path ${base}` });
				continue;
			}
			const target = findPage(pages, pathname);
			if (target === undefined) {
				if (!assets.has(pathname) && !assets.has(safeDecode(pathname))) {
					problems.push({ page, href, kind: 'missing-page', detail: `no page or file at ${pathname}` });
				}
				continue;
			}
			const fragment = url.hash.replace(/^#/, '');
			if (url.hash === '' || topFragments.has(fragment)) continue;
			const onPage = anchorPage(target);
			if (onPage === undefined) {
				problems.push({ page, href, kind: 'missing-page', detail: `${target} redirects to a missing page` });
			} else if (!hasFragment(idsOf(onPage), fragment)) {
				problems.push({ page, href, kind: 'missing-anchor', detail: `no id "${safeDecode(fragment)}" on ${onPage}` });
			}
		}
	}
	return problems;
}

/** One line per problem, for a test's failure message. */
export function formatProblems(problems: readonly LinkProblem[], limit = 80): string {
	const lines = problems.slice(0, limit).map((problem) => `${problem.page}: ${problem.kind} ${problem.href} (${problem.detail})`);
	if (problems.length > limit) lines.push(`… ${problems.length - limit} more`);
	return lines.join('\n');
}
