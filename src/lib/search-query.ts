// Exact lookup used by the search box before Pagefind's full-text results. Pure: runs at build time
// (tests) and in the browser (bundled into the search script).

/** One place a query can land on: an entry page or a table row. */
export interface LookupTarget {
	/** Site-relative URL (no base, no locale prefix): an entry page or `/sections/<id>/#<row>`. */
	u: string;
	/** Result title: names the path or thing. */
	t: string;
	/** Kind label (table name). */
	s: string;
	/** Exact keys: paths, identifiers, modules, log keywords (as written). */
	k: string[];
	/** Searchable text by weight: [title, purpose, other cells], in the page's language. */
	x: [string, string, string];
	/** Rank of the target's kind when scores tie (lower first). */
	p: number;
}

export interface LookupIndex {
	/** Locale prefix the URLs need (`''` or `/en`). */
	prefix: string;
	targets: LookupTarget[];
}

export interface ScoredTarget {
	target: LookupTarget;
	score: number;
}

/** Lower-case, `()` and surrounding slashes dropped, white space folded. */
export function normalizeQuery(query: string): string {
	return query
		.normalize('NFKC')
		.toLowerCase()
		.replace(/\(\s*\)/g, '')
		.replace(/[()`"'“”‘’]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\/+|\/+$/g, '')
		.replace(/^k8s\.io\/kubernetes\//, '');
}

/** Normalized form of an exact key. */
export function normalizeKey(key: string): string {
	return normalizeQuery(key);
}

/** Query words: runs of CJK characters and runs of other non-space characters. */
export function queryTokens(normalized: string): string[] {
	return normalized
		.split(' ')
		.flatMap((word) => word.match(/[\p{Script=Han}]+|[^\p{Script=Han}]+/gu) ?? [])
		.filter((token) => token.length > 0);
}

/** Score of one key against a normalized query (0 = no match). */
export function keyScore(key: string, query: string, rawQuery: string): number {
	const k = normalizeKey(key);
	if (k === '' || query === '') return 0;
	// Same spelling (case included) beats a case-insensitive match: `ScheduleOne` vs `scheduleOne`.
	const spelled = (text: string) => text.trim().replace(/\(\)$/, '').replace(/^\/+|\/+$/g, '');
	if (k === query) return spelled(key) === spelled(rawQuery) ? 100 : 96;
	if (query.length < 3) return 0;
	// `kubelet/pleg` → `pkg/kubelet/pleg`, `schedule_one.go` → `pkg/scheduler/schedule_one.go`
	if (k.endsWith(`/${query}`) || k.endsWith(`.${query}`)) return 85;
	if (k.startsWith(query)) return query.includes('/') || query.length >= 6 ? 75 : 60;
	if (k.includes(`/${query}/`) || k.includes(`/${query}`)) return 65;
	if (query.length >= 5 && k.includes(query)) return 50;
	return 0;
}

/** Score of a target's text against the query words (0 = not every word is there). */
export function textScore(target: LookupTarget, tokens: ReadonlyArray<string>): number {
	if (tokens.length === 0) return 0;
	const [title, purpose, rest] = target.x.map((text) => text.toLowerCase()) as [string, string, string];
	let score = 0;
	for (const token of tokens) {
		if (token.length < 2 && !/\p{Script=Han}/u.test(token)) return 0;
		if (title.includes(token) || purpose.includes(token)) score += 40;
		else if (rest.includes(token)) score += 18;
		else return 0;
	}
	const average = score / tokens.length;
	// A short title or purpose that is mostly the query is the row "about" it.
	const focus = Math.min(1, tokens.join('').length / Math.max(4, Math.min(title.length || 99, purpose.length || 99)));
	return Math.min(49, average + 8 * focus);
}

/** Ranks lookup targets for a query: exact keys first, then partial paths, then text. */
export function rankTargets(index: LookupIndex, rawQuery: string, limit = 6): ScoredTarget[] {
	const query = normalizeQuery(rawQuery);
	if (query.length < 2) return [];
	const tokens = queryTokens(query);
	const scored: ScoredTarget[] = [];
	for (const target of index.targets) {
		let best = 0;
		for (const key of target.k) best = Math.max(best, keyScore(key, query, rawQuery));
		if (best < 96) best = Math.max(best, textScore(target, tokens));
		if (best > 0) scored.push({ target, score: best });
	}
	scored.sort((a, b) => b.score - a.score || a.target.p - b.target.p || a.target.t.length - b.target.t.length);
	return scored.slice(0, limit);
}
