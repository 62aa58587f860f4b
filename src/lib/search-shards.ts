// Builds the sharded exact lookup (the files src/lib/search-query.ts reads) from the lookup targets. Pure.
import {
	HAN,
	KEY_KIND,
	KEY_LEVELS,
	TEXT_RUNS,
	WORD_LEVELS,
	bucketAt,
	fnv1a,
	focusOf,
	groupAt,
	keyEntry,
	normalizeKey,
	posting,
	readKeyEntry,
	readPosting,
	shardFile,
	type CardBlock,
	type KeyShard,
	type LookupLayout,
	type Shard,
	type WordShard,
} from './search-query.ts';

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

/**
 * Most entries a key group keeps per entry kind, and most postings a word group keeps (title/purpose matches
 * first), each in target order. Nothing is cut at the size of content/ (checked by the unit tests); at 100×
 * a very common path start or word keeps only its first targets, so the exact list can miss rows for a query
 * made only of it (Pagefind's list still has them).
 */
export const MAX_KEY_ENTRIES = 48;
export const MAX_POSTINGS = 400;

/**
 * Shard counts for `count` targets: powers of two growing with √count, the same for both languages and from
 * the number of targets only, so that routes and pages agree. At the size of content/ (≈150 targets) files are
 * mostly under 1 KB gzip and a query reads about 2 KB; at 100× (≈14 000 targets) about 4 KB, at most ~20 KB.
 */
export function lookupLayout(count: number): LookupLayout {
	const pow2 = (n: number) => 2 ** Math.max(0, Math.round(Math.log2(Math.max(1, n))));
	const root = Math.sqrt(count);
	return {
		k: KEY_LEVELS.map((_, level) => pow2(root * (level === 0 ? 4 : 2))),
		w: [pow2(root * 4), ...WORD_LEVELS.map(() => pow2(root * 4))],
		c: pow2(root / 2),
		n: count,
	};
}

/** Names of every file of a layout (files without content hold `[]`). */
export function lookupFiles(layout: LookupLayout): string[] {
	return [
		...layout.k.flatMap((shards, level) => Array.from({ length: shards }, (_, n) => shardFile.key(level, n))),
		...layout.w.flatMap((shards, i) => Array.from({ length: shards }, (_, n) => shardFile.word(i === 0 ? 'e' : i - 1, n))),
		...Array.from({ length: Math.ceil(layout.n / layout.c) }, (_, n) => shardFile.card(n)),
	];
}

/** Targets in tie-break order: kind rank, then title length, then data order. Their position is their number. */
export function numberTargets(targets: ReadonlyArray<LookupTarget>): LookupTarget[] {
	return targets
		.map((target, order) => ({ target, order }))
		.sort((a, b) => a.target.p - b.target.p || a.target.t.length - b.target.t.length || a.order - b.order)
		.map(({ target }) => target);
}

const isAlnum = (char: string | undefined) => char !== undefined && /[a-z0-9]/.test(char);
const isUpper = (char: string | undefined) => char !== undefined && /\p{Lu}/u.test(char);
const isLower = (char: string | undefined) => char !== undefined && /[\p{Ll}\p{N}]/u.test(char);

/** Positions in `word` where a camelCase hump starts: `syncProxyRules` → 4, 9; `HTTPServer` → 4. */
export function humps(word: string): number[] {
	const positions: number[] = [];
	for (let i = 1; i < word.length; i++) {
		if (!isUpper(word[i])) continue;
		if (isLower(word[i - 1]) || (isUpper(word[i - 1]) && isLower(word[i + 1]))) positions.push(i);
	}
	return positions;
}

export interface KeySuffix {
	suffix: string;
	/** 0 for the whole (normalized) key, else the KEY_KIND of its boundary. */
	boundary: number;
}

/**
 * The normalized key and its suffixes that start at a word boundary: after any character other than a-z/0-9,
 * and at the camelCase humps of the key as written (`syncProxyRules` → `proxyrules`, `rules`).
 */
export function keySuffixes(raw: string): KeySuffix[] {
	const key = normalizeKey(raw);
	if (key === '') return [];
	const out = new Map<string, number>([[key, 0]]);
	const add = (suffix: string, boundary: number) => {
		if (suffix !== '' && !out.has(suffix)) out.set(suffix, boundary);
	};
	for (let i = 0; i < key.length - 1; i++) {
		const char = key[i];
		if (isAlnum(char)) continue;
		add(key.slice(i + 1), char === '/' ? KEY_KIND.slash : char === '.' ? KEY_KIND.dot : KEY_KIND.other);
	}
	for (const hump of humps(raw)) {
		const tail = normalizeKey(raw.slice(hump));
		if (key.endsWith(tail)) add(tail, KEY_KIND.other);
	}
	return [...out].map(([suffix, boundary]) => ({ suffix, boundary }));
}

/**
 * Index terms of a text: Chinese runs as characters and character pairs; other runs of letters and digits as
 * lower-case words, plus their parts from each camelCase hump on (`GenericPLEG` → `genericpleg`, `pleg`).
 */
export function textTerms(text: string): string[] {
	const terms = new Set<string>();
	for (const run of text.normalize('NFKC').match(TEXT_RUNS) ?? []) {
		if (HAN.test(run)) {
			const chars = Array.from(run);
			chars.forEach((char, i) => {
				terms.add(char);
				if (i + 1 < chars.length) terms.add(`${char}${chars[i + 1]}`);
			});
			continue;
		}
		const lower = run.toLowerCase();
		terms.add(lower);
		// Lower-casing keeps the length of these letters; otherwise only the whole word is indexed.
		if (lower.length === run.length) for (const hump of humps(run)) terms.add(lower.slice(hump));
	}
	return [...terms];
}

/** Common prefix length of two strings. */
function commonPrefix(a: string, b: string): number {
	let n = 0;
	while (n < a.length && n < b.length && a[n] === b[n]) n++;
	return n;
}

export interface LookupFiles {
	layout: LookupLayout;
	/** File name (`k0-3.json`) → content. */
	files: Map<string, Shard>;
	/** Groups that lost entries to MAX_KEY_ENTRIES or MAX_POSTINGS (`k0 pkg/ku`, `w1 kubelet`). */
	capped: string[];
}

type KeyGroupEntries = Map<string, number | [number, string]>;

const byText = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The lookup files of one language. `targets` must be numbered already (numberTargets). */
export function buildLookupFiles(targets: ReadonlyArray<LookupTarget>, layout = lookupLayout(targets.length)): LookupFiles {
	const files = new Map<string, Shard>();
	const capped: string[] = [];

	// Keys, per level: group → entries. Entries of one target and kind that fall in the same group keep the
	// one whose key shares the least with its suffix (the query side skips an entry whose key starts with the
	// query). A whole key is written out where it is not cut (only there can it equal the query).
	const keyShards = layout.k.map((count) => Array.from({ length: count }, () => new Map<string, KeyGroupEntries>()));
	targets.forEach((target, idx) => {
		for (const raw of target.k) {
			const key = normalizeKey(raw);
			for (const { suffix, boundary } of keySuffixes(raw)) {
				KEY_LEVELS.forEach((min, level) => {
					// A two-character query matches only a whole key of two characters.
					if (suffix.length < (level === 0 && boundary === 0 ? 2 : min)) return;
					const group = groupAt(suffix, level, KEY_LEVELS);
					const shard = keyShards[level]![bucketAt(group, level, KEY_LEVELS, layout.k[level]!)]!;
					const entries = shard.get(group) ?? new Map<string, number | [number, string]>();
					shard.set(group, entries);
					if (boundary === 0 && group === suffix) {
						entries.set(`${idx} ${raw}`, [idx, raw]);
						return;
					}
					const kind = boundary === 0 ? KEY_KIND.whole : boundary;
					const entry = keyEntry(idx, boundary === 0 ? 0 : commonPrefix(key, suffix), kind);
					const known = entries.get(`${idx}:${kind}`);
					if (typeof known !== 'number' || entry < known) entries.set(`${idx}:${kind}`, entry);
				});
			}
		}
	});
	const targetOf = (entry: number | [number, string]) => (typeof entry === 'number' ? readKeyEntry(entry).idx : entry[0]);
	const kindOf = (entry: number | [number, string]) => (typeof entry === 'number' ? readKeyEntry(entry).kind : -1);
	keyShards.forEach((shards, level) =>
		shards.forEach((shard, n) => {
			const groups: KeyShard = byText(shard).map(([group, entries]) => {
				const sorted = [...entries.values()].sort((a, b) => targetOf(a) - targetOf(b) || kindOf(a) - kindOf(b));
				const perKind = new Map<number, number>();
				const kept = sorted.filter((entry) => {
					const seen = (perKind.get(kindOf(entry)) ?? 0) + 1;
					perKind.set(kindOf(entry), seen);
					return seen <= MAX_KEY_ENTRIES;
				});
				if (kept.length < sorted.length) capped.push(`k${level} ${group}`);
				return [group, kept];
			});
			files.set(shardFile.key(level, n), groups);
		}),
	);

	// Words: exact terms of one or two characters, and per prefix level the terms cut to their group;
	// group → target → posting (the better class wins).
	const exact = Array.from({ length: layout.w[0]! }, () => new Map<string, Map<number, number>>());
	const prefixed = WORD_LEVELS.map((_, level) => Array.from({ length: layout.w[level + 1]! }, () => new Map<string, Map<number, number>>()));
	const add = (shard: Map<string, Map<number, number>>, group: string, idx: number, code: number) => {
		const postings = shard.get(group) ?? new Map<number, number>();
		shard.set(group, postings);
		const known = postings.get(idx);
		if (known === undefined || readPosting(code).cls > readPosting(known).cls) postings.set(idx, code);
	};
	targets.forEach((target, idx) => {
		const [title, purpose, rest] = target.x;
		const focus = focusOf(title, purpose);
		const classes = new Map<string, number>();
		for (const term of textTerms(rest)) classes.set(term, 1);
		for (const term of [...textTerms(title), ...textTerms(purpose)]) classes.set(term, 2);
		for (const [term, cls] of classes) {
			const code = posting(idx, cls, focus);
			if (term.length <= 2) add(exact[fnv1a(term) % layout.w[0]!]!, term, idx, code);
			WORD_LEVELS.forEach((min, level) => {
				if (term.length < min || HAN.test(term)) return;
				const group = groupAt(term, level, WORD_LEVELS);
				add(prefixed[level]![bucketAt(group, level, WORD_LEVELS, layout.w[level + 1]!)]!, group, idx, code);
			});
		}
	});
	const wordFiles = (shards: Array<Map<string, Map<number, number>>>, level: number | 'e') =>
		shards.forEach((shard, n) => {
			const groups: WordShard = byText(shard).map(([group, postings]) => {
				// Title/purpose matches first, each class in target order.
				const sorted = [...postings.values()].sort((a, b) => readPosting(b).cls - readPosting(a).cls || a - b);
				if (sorted.length > MAX_POSTINGS) capped.push(`w${level} ${group}`);
				return [group, sorted.slice(0, MAX_POSTINGS)];
			});
			files.set(shardFile.word(level, n), groups);
		});
	wordFiles(exact, 'e');
	prefixed.forEach((shards, level) => wordFiles(shards, level));

	for (let block = 0; block * layout.c < targets.length; block++) {
		const cards: CardBlock = targets.slice(block * layout.c, (block + 1) * layout.c).map((target) => [target.u, target.t, target.s]);
		files.set(shardFile.card(block), cards);
	}
	return { layout, files, capped };
}
