// Exact lookup used by the search box before Pagefind's full-text results. Pure: runs at build time
// (tests) and in the browser (bundled into the search script).
//
// The lookup is an inverted index split into small files (built by src/lib/search-shards.ts), so that a query
// downloads only what it needs: one key shard, one word shard per query word (only when the keys do not fill
// the list), one card block per result block. Per language, in `lookup/`:
//   k<level>-<n>.json  key suffixes → targets, for queries of KEY_LEVELS[level] characters or more
//   w<level>-<n>.json  text terms → postings: level `e` exact terms, levels 0… word prefixes (WORD_LEVELS)
//   c<n>.json          what a result shows ([url, title, kind]) of targets n·layout.c … (n+1)·layout.c − 1
// Targets are numbered in tie-break order (kind rank, then title length, then data order), so ranking is
// "score desc, number asc". At level i a shard holds groups: suffixes (terms) cut to the next level's
// length, so that one shard answers every query of that length range; bucket = fnv1a(first KEY_LEVELS[i]
// characters) mod the level's shard count.

/** Shard counts of one language's lookup; the page passes them to the search script. */
export interface LookupLayout {
	/** Key shards per key level. */
	k: number[];
	/** Word shards: exact terms, then per prefix level. */
	w: number[];
	/** Targets per card block. */
	c: number;
	/** Number of targets. */
	n: number;
}

/** Key shard: `[group, entries]`; an entry is `[target, raw key]` for a whole key, else a number (keyEntry). */
export type KeyShard = Array<[string, Array<number | [number, string]>]>;
/** Word shard: `[group, postings]`; a posting is a number (see posting). */
export type WordShard = Array<[string, number[]]>;
/** Card block: `[url, title, kind]` per target. */
export type CardBlock = Array<[string, string, string]>;
export type Shard = KeyShard | WordShard | CardBlock;

/** What a result shows. */
export interface LookupCard {
	/** Site-relative URL (no base, no locale prefix): an entry page or `/sections/<id>/#<row>`. */
	u: string;
	/** Result title: names the path or thing. */
	t: string;
	/** Kind label (table name). */
	s: string;
}

export interface RankedCard {
	/** Target number (tie-break order). */
	idx: number;
	score: number;
	card: LookupCard;
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

/**
 * Text score from the field class each query word was found in (2: title or purpose, 1: other cells),
 * the query words' total length and the target's focus denominator (see focusOf).
 */
export function textScoreOf(classes: ReadonlyArray<number>, queryLength: number, focus: number): number {
	if (classes.length === 0) return 0;
	const average = classes.reduce((sum, cls) => sum + (cls === 2 ? 40 : 18), 0) / classes.length;
	// A short title or purpose that is mostly the query is the row "about" it.
	return Math.min(49, average + 8 * Math.min(1, queryLength / focus));
}

/** Focus denominator of a target: the shorter of its title and purpose (at least 4). */
export function focusOf(title: string, purpose: string): number {
	return Math.max(4, Math.min(title.toLowerCase().length || 99, purpose.toLowerCase().length || 99));
}


// ---------------------------------------------------------------------------------------------------------
// Shared by the builder and the query side

/** FNV-1a (32 bit) over UTF-16 code units. */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}

export const HAN = /\p{Script=Han}/u;
/** Runs of Chinese characters, and runs of other letters and digits (words). */
export const TEXT_RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** Key levels: level i serves queries of KEY_LEVELS[i] (level 0: 2) to KEY_LEVELS[i + 1] − 1 characters. */
export const KEY_LEVELS = [3, 6, 12, 24, 48] as const;
/** Word prefix levels, the same way; words of one or two characters are looked up whole (level `e`). */
export const WORD_LEVELS = [3, 6, 12] as const;

/** The level of a query (or query word) length. */
export function levelOf(length: number, levels: ReadonlyArray<number>): number {
	let level = 0;
	while (level + 1 < levels.length && length >= levels[level + 1]!) level++;
	return level;
}

/** The group a suffix (or term) belongs to at a level: cut to the next level's length. */
export function groupAt(text: string, level: number, levels: ReadonlyArray<number>): string {
	const next = levels[level + 1];
	return next === undefined ? text : text.slice(0, next);
}

/** The shard of a group (or query) at a level. */
export function bucketAt(text: string, level: number, levels: ReadonlyArray<number>, count: number): number {
	return fnv1a(text.slice(0, levels[level])) % count;
}

export const shardFile = {
	key: (level: number, n: number) => `k${level}-${n}.json`,
	/** Level `e` (exact terms) or a prefix level. */
	word: (level: number | 'e', n: number) => `w${level}-${n}.json`,
	card: (n: number) => `c${n}.json`,
};

/** Entry kinds in key shards: a whole key cut to its group, or a suffix after `/`, after `.`, after another separator or at a camelCase hump. */
export const KEY_KIND = { whole: 0, slash: 1, dot: 2, other: 3 } as const;

/** A key entry given as a number; `lcp`: characters the whole key shares with the suffix. */
export function keyEntry(idx: number, lcp: number, kind: number): number {
	return idx * 32 + Math.min(lcp, 7) * 4 + kind;
}

/** The parts of a numeric key entry (see keyEntry). */
export function readKeyEntry(entry: number): { idx: number; lcp: number; kind: number } {
	return { idx: Math.floor(entry / 32), lcp: (entry >> 2) & 7, kind: entry & 3 };
}

/** A word posting: target, field class (2: title/purpose, 1: other cells), focus denominator (≤ 1023). */
export function posting(idx: number, cls: number, focus: number): number {
	return idx * 2048 + (cls === 2 ? 1024 : 0) + Math.min(focus, 1023);
}

/** The parts of a word posting (see posting). */
export function readPosting(code: number): { idx: number; cls: number; focus: number } {
	return { idx: Math.floor(code / 2048), cls: code & 1024 ? 2 : 1, focus: code & 1023 };
}

/** Where a word part is looked up. */
export function wordFile(part: WordPart, layout: LookupLayout): string {
	if (!part.prefix) return shardFile.word('e', fnv1a(part.text) % layout.w[0]!);
	const level = levelOf(part.text.length, WORD_LEVELS);
	return shardFile.word(level, bucketAt(part.text, level, WORD_LEVELS, layout.w[level + 1]!));
}

// ---------------------------------------------------------------------------------------------------------
// Query side

/** One query word as looked up in the word shards. */
export interface WordPart {
	/** Term, or term prefix. */
	text: string;
	/** Terms that start with `text` match (else only the equal term). */
	prefix: boolean;
}

export interface QueryPlan {
	query: string;
	/** The key shard. */
	key: string;
	/** Text tokens with their parts; undefined when the text cannot match (a one-letter word). */
	tokens: Array<{ token: string; parts: WordPart[] }> | undefined;
	/** Word shards, each once. */
	words: string[];
}

/**
 * What a query needs. A Chinese token matches where all its character pairs are (a single character: where
 * that character is); another token is split into words, each the start of a term (one or two letters: the
 * term itself). Tokens without letters or digits (`--`) are left out of the text score.
 */
export function planQuery(rawQuery: string, layout: LookupLayout): QueryPlan | undefined {
	const query = normalizeQuery(rawQuery);
	if (query.length < 2) return undefined;
	const raw = queryTokens(query);
	let tokens: QueryPlan['tokens'] = [];
	if (raw.some((token) => token.length < 2 && !HAN.test(token))) tokens = undefined;
	else {
		for (const token of raw) {
			let parts: WordPart[];
			if (HAN.test(token)) {
				const chars = Array.from(token);
				parts =
					chars.length === 1
						? [{ text: token, prefix: false }]
						: chars.slice(1).map((char, i) => ({ text: `${chars[i]}${char}`, prefix: false }));
			} else {
				parts = (token.match(TEXT_RUNS) ?? []).map((word) => ({ text: word, prefix: word.length >= 3 }));
			}
			if (parts.length > 0) tokens.push({ token, parts });
		}
		if (tokens.length === 0) tokens = undefined;
	}
	const level = levelOf(query.length, KEY_LEVELS);
	const key = shardFile.key(level, bucketAt(query, level, KEY_LEVELS, layout.k[level]!));
	const words = [...new Set((tokens ?? []).flatMap(({ parts }) => parts.map((part) => wordFile(part, layout))))];
	return { query, key, tokens, words };
}

/** Best key score per target, from the query's key shard. */
function keyScores(shard: KeyShard, query: string, rawQuery: string): Map<number, number> {
	const scores = new Map<number, number>();
	const raise = (idx: number, score: number) => {
		if (score > (scores.get(idx) ?? 0)) scores.set(idx, score);
	};
	for (const [group, entries] of shard) {
		if (!group.startsWith(query)) continue;
		// A cut group is longer than the query: only an uncut one can equal it.
		const equal = group === query;
		for (const entry of entries) {
			if (typeof entry !== 'number') {
				// A whole key as written: scored exactly as the old single-file lookup did.
				raise(entry[0], keyScore(entry[1], query, rawQuery));
				continue;
			}
			if (query.length < 3) continue;
			const { idx, lcp, kind } = readKeyEntry(entry);
			if (kind === KEY_KIND.whole) {
				// keyScore's "the key starts with the query" (its "ends with /query" comes from a suffix entry).
				raise(idx, query.includes('/') || query.length >= 6 ? 75 : 60);
				continue;
			}
			// The key itself starts with the short query: keyScore stops at "starts with" (60), not 65 below
			// (but "ends with /query" comes first: 85).
			if (!equal && query.length < 6 && lcp >= query.length) continue;
			// keyScore's rules for a match inside the key, where the match starts at a boundary:
			// `…/query` or `….query` at the end → 85; `/query…` → 65; `query…` (5+ characters) → 50.
			// A query that starts in the middle of a word of the key is not found (the old lookup gave it 50).
			if (equal && kind !== KEY_KIND.other) raise(idx, 85);
			else if (kind === KEY_KIND.slash) raise(idx, 65);
			else if (query.length >= 5) raise(idx, 50);
		}
	}
	return scores;
}

/** Text score per target: every token must be found (see planQuery). */
function textScores(plan: QueryPlan, shards: ReadonlyMap<string, WordShard>, layout: LookupLayout): Map<number, number> {
	const scores = new Map<number, number>();
	if (!plan.tokens) return scores;
	// Per token: target → [class, focus].
	const found: Array<Map<number, [number, number]>> = [];
	for (const { parts } of plan.tokens) {
		let tokenHits: Map<number, [number, number]> | undefined;
		for (const part of parts) {
			const partHits = new Map<number, [number, number]>();
			for (const [group, postings] of shards.get(wordFile(part, layout)) ?? []) {
				if (part.prefix ? !group.startsWith(part.text) : group !== part.text) continue;
				for (const code of postings) {
					const { idx, cls, focus } = readPosting(code);
					const known = partHits.get(idx);
					if (!known || cls > known[0]) partHits.set(idx, [cls, focus]);
				}
			}
			if (!tokenHits) tokenHits = partHits;
			else {
				for (const [idx, hit] of tokenHits) {
					const other = partHits.get(idx);
					if (!other) tokenHits.delete(idx);
					else hit[0] = Math.min(hit[0], other[0]);
				}
			}
		}
		found.push(tokenHits ?? new Map());
	}
	const [first, ...rest] = found;
	const length = plan.tokens.map(({ token }) => token).join('').length;
	for (const [idx, [cls, focus]] of first ?? []) {
		const classes = [cls];
		for (const hits of rest) {
			const hit = hits.get(idx);
			if (!hit) break;
			classes.push(hit[0]);
		}
		if (classes.length === found.length) scores.set(idx, textScoreOf(classes, length, focus));
	}
	return scores;
}

/** Key score from which the query names a thing: a whole key, the end of a path, or the start of a path or long name. */
export const NAMED_SCORE = 75;

/**
 * A query that names a thing lists the things it names, not rows whose text mentions its words (Pagefind's
 * results below have those); it also spares a path or identifier query the word files.
 */
export function namesAThing(keyScores: Iterable<number>): boolean {
	for (const score of keyScores) if (score >= NAMED_SCORE) return true;
	return false;
}

/**
 * Ranks the lookup for a query: exact keys first, then partial paths, then text. `source` returns one
 * file of the language's lookup folder (fetched in the browser, from memory in tests). Text (≤ 49) never
 * beats a key match (≥ 50), so the word shards are read only when the keys leave room in the list and the
 * query names nothing (namesAThing); a query with a space or Chinese characters (most likely text) requests
 * them together with the key shard. Then the card blocks of the results.
 */
export async function rankShards(
	rawQuery: string,
	layout: LookupLayout,
	source: (file: string) => Promise<Shard>,
	limit = 6,
): Promise<RankedCard[]> {
	const plan = planQuery(rawQuery, layout);
	if (!plan) return [];
	const loadWords = () => Promise.all(plan.words.map(source));
	const early = /[\s\p{Script=Han}]/u.test(plan.query) ? loadWords() : undefined;
	const scores = keyScores((await source(plan.key)) as KeyShard, plan.query, rawQuery);
	if (scores.size < limit && plan.tokens && !namesAThing(scores.values())) {
		const loaded = (await (early ?? loadWords())) as WordShard[];
		const words = new Map(plan.words.map((file, i) => [file, loaded[i] ?? []]));
		for (const [idx, score] of textScores(plan, words, layout)) {
			if (!scores.has(idx)) scores.set(idx, score);
		}
	}
	const top = [...scores]
		.filter(([, score]) => score > 0)
		.sort((a, b) => b[1] - a[1] || a[0] - b[0])
		.slice(0, limit);
	const blocks = [...new Set(top.map(([idx]) => Math.floor(idx / layout.c)))];
	const loaded = (await Promise.all(blocks.map((block) => source(shardFile.card(block))))) as CardBlock[];
	return top.map(([idx, score]) => {
		const block = loaded[blocks.indexOf(Math.floor(idx / layout.c))];
		const [u, t, s] = block?.[idx % layout.c] ?? ['', '', ''];
		return { idx, score, card: { u, t, s } };
	});
}
