import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildLookup, lookupLayoutOf, snippetKeys } from '../../src/lib/search-lookup.ts';
import {
	HAN,
	focusOf,
	fnv1a,
	keyScore,
	namesAThing,
	normalizeKey,
	normalizeQuery,
	planQuery,
	queryTokens,
	rankShards,
	textScoreOf,
	type LookupLayout,
	type Shard,
} from '../../src/lib/search-query.ts';
import {
	MAX_POSTINGS,
	buildLookupFiles,
	humps,
	keySuffixes,
	lookupFiles,
	lookupLayout,
	numberTargets,
	textTerms,
	type LookupTarget,
} from '../../src/lib/search-shards.ts';
import { realAtlas } from './helpers.ts';

const t = () => '';

/** The sharded lookup of targets, read from memory; counts the files a query reads. */
function memoryLookup(targets: LookupTarget[], layout: LookupLayout = lookupLayout(targets.length)) {
	const { files, capped } = buildLookupFiles(targets, layout);
	const read: string[] = [];
	const source = async (file: string): Promise<Shard> => {
		read.push(file);
		const shard = files.get(file);
		if (!shard) throw new Error(`no lookup file ${file}`);
		return shard;
	};
	const rank = (query: string, limit = 6) => rankShards(query, layout, source, limit);
	return { files, capped, layout, read, rank, landing: async (query: string) => (await rank(query))[0]?.card.u };
}

describe('query normalisation', () => {
	it('ignores case, (), surrounding slashes, quotes and extra spaces', () => {
		expect(normalizeQuery('  ScheduleOne() ')).toBe('scheduleone');
		expect(normalizeQuery('/pkg/kubelet/eviction/')).toBe('pkg/kubelet/eviction');
		expect(normalizeQuery('"PLEG   is not healthy"')).toBe('pleg is not healthy');
		expect(normalizeQuery('k8s.io/kubernetes/pkg/proxy')).toBe('pkg/proxy');
		expect(normalizeQuery('ＳｃｈｅｄｕｌｅＯｎｅ')).toBe('scheduleone');
	});
	it('splits mixed Chinese and Latin text into words', () => {
		expect(queryTokens(normalizeQuery('节点 NotReady'))).toEqual(['节点', 'notready']);
		expect(queryTokens(normalizeQuery('Pod启动失败'))).toEqual(['pod', '启动失败']);
	});
});

describe('key scoring', () => {
	it('ranks exact over partial paths over prefixes', () => {
		const exact = keyScore('pkg/kubelet/pleg/', 'pkg/kubelet/pleg', 'pkg/kubelet/pleg');
		const suffix = keyScore('pkg/kubelet/pleg/', 'kubelet/pleg', 'kubelet/pleg');
		const prefix = keyScore('pkg/kubelet/pleg/generic.go', 'pkg/kubelet/pl', 'pkg/kubelet/pl');
		expect(exact).toBe(100);
		expect(suffix).toBeGreaterThan(prefix);
		expect(prefix).toBeGreaterThan(0);
		expect(keyScore('ScheduleOne', 'scheduleone', 'scheduleOne')).toBe(96);
		expect(keyScore('pkg/scheduler', 'xyz', 'xyz')).toBe(0);
	});
});

describe('the lookup builder', () => {
	it('numbers targets in tie-break order: kind rank, title length, data order', () => {
		const target = (t: string, p: number): LookupTarget => ({ u: `/${t}/`, t, s: '', k: [], x: [t, '', ''], p });
		expect(numberTargets([target('bbbb', 1), target('a', 2), target('cc', 1), target('dd', 1)]).map((x) => x.t)).toEqual([
			'cc',
			'dd',
			'bbbb',
			'a',
		]);
	});

	it('indexes a key and its suffixes from each boundary and camelCase hump', () => {
		expect(humps('syncProxyRules')).toEqual([4, 9]);
		expect(humps('HTTPServer')).toEqual([4]);
		expect(keySuffixes('pkg/proxy/iptables/proxier.go')).toEqual([
			{ suffix: 'pkg/proxy/iptables/proxier.go', boundary: 0 },
			{ suffix: 'proxy/iptables/proxier.go', boundary: 1 },
			{ suffix: 'iptables/proxier.go', boundary: 1 },
			{ suffix: 'proxier.go', boundary: 1 },
			{ suffix: 'go', boundary: 2 },
		]);
		expect(keySuffixes('syncProxyRules()').map((entry) => entry.suffix)).toEqual(['syncproxyrules', 'proxyrules', 'rules']);
		expect(keySuffixes('schedule_one.go').map((entry) => entry.suffix)).toEqual(['schedule_one.go', 'one.go', 'go']);
	});

	it('indexes text as words, camelCase parts, Chinese characters and character pairs', () => {
		expect(textTerms('GenericPLEG: relist 超时')).toEqual(['genericpleg', 'pleg', 'relist', '超', '超时', '时']);
		expect(textTerms('Ｐｏｄ 节点')).toEqual(['pod', '节', '节点', '点']);
	});

	it('is deterministic, one file per layout name, within powers of two', () => {
		const targets = buildLookup(realAtlas(), 'zh-CN', t);
		const layout = lookupLayoutOf(realAtlas());
		const first = buildLookupFiles(targets, layout).files;
		const second = buildLookupFiles(buildLookup(realAtlas(), 'zh-CN', t), layout).files;
		expect(JSON.stringify([...first])).toBe(JSON.stringify([...second]));
		expect([...first.keys()].sort()).toEqual(lookupFiles(layout).sort());
		for (const count of [...layout.k, ...layout.w, layout.c]) expect(Math.log2(count) % 1).toBe(0);
		expect(fnv1a('')).toBe(0x811c9dc5);
		expect(fnv1a('a')).toBe(0xe40c292c);
	});

	it('caps a very common word at MAX_POSTINGS, title and purpose matches first', async () => {
		const many = Array.from({ length: MAX_POSTINGS + 20 }, (_, i): LookupTarget => ({
			u: `/t${i}/`,
			t: `t${i}`,
			s: '',
			k: [],
			x: i >= MAX_POSTINGS ? ['common', '', ''] : [`t${i}`, '', 'common'],
			p: 0,
		}));
		const lookup = memoryLookup(numberTargets(many));
		expect(lookup.capped).toContain('w0 common');
		const ranked = await lookup.rank('common');
		expect(ranked.map((r) => r.card.t)).toEqual(['t400', 't401', 't402', 't403', 't404', 't405']);
	});

	it('cuts nothing at the size of content/, and keeps every file small', () => {
		for (const lang of ['zh-CN', 'en'] as const) {
			const lookup = memoryLookup(buildLookup(realAtlas(), lang, t), lookupLayoutOf(realAtlas()));
			expect(lookup.capped).toEqual([]);
			const largest = Math.max(...[...lookup.files.values()].map((shard) => gzipSync(JSON.stringify(shard)).length));
			expect(largest).toBeLessThanOrEqual(2048);
		}
	});
});

describe('query planning', () => {
	const layout = lookupLayout(150);
	it('reads one key shard per query and one word shard per word', () => {
		const plan = planQuery('pkg/kubelet/pleg', layout)!;
		expect(plan.key).toMatch(/^k2-\d+\.json$/);
		expect(plan.tokens?.[0]?.parts).toEqual([
			{ text: 'pkg', prefix: true },
			{ text: 'kubelet', prefix: true },
			{ text: 'pleg', prefix: true },
		]);
		expect(plan.words).toHaveLength(new Set(plan.words).size);
		expect(planQuery('cm', layout)?.key).toMatch(/^k0-/);
		expect(planQuery('cmd/kubelet', layout)?.key).toMatch(/^k1-/);
	});
	it('looks Chinese up by character pairs, short words whole, and skips one-letter words', () => {
		expect(planQuery('卷挂载', layout)?.tokens?.[0]?.parts).toEqual([
			{ text: '卷挂', prefix: false },
			{ text: '挂载', prefix: false },
		]);
		expect(planQuery('go 驱', layout)?.tokens?.map((token) => token.parts)).toEqual([
			[{ text: 'go', prefix: false }],
			[{ text: '驱', prefix: false }],
		]);
		expect(planQuery('a pod', layout)?.tokens).toBeUndefined();
		expect(planQuery('a', layout)).toBeUndefined();
	});
	it('reads the word shards only when the keys leave room', async () => {
		const lookup = memoryLookup(buildLookup(realAtlas(), 'zh-CN', t), lookupLayoutOf(realAtlas()));
		await lookup.rank('pkg/kubelet', 3);
		expect(lookup.read.filter((file) => file.startsWith('w'))).toEqual([]);
	});
	it('lists only the things a path or name query names, without reading word shards', async () => {
		const targets = buildLookup(realAtlas(), 'zh-CN', t);
		const lookup = memoryLookup(targets, lookupLayoutOf(realAtlas()));
		const ranked = await lookup.rank('pkg/scheduler/schedule_one.go');
		expect(ranked.length).toBeGreaterThan(0);
		expect(ranked.every(({ score }) => score >= 50)).toBe(true);
		expect(targets[ranked[0]!.idx]?.k).toContain('pkg/scheduler/schedule_one.go');
		expect(lookup.read.filter((file) => file.startsWith('w'))).toEqual([]);
		// A query that names nothing still gets the rows whose text has its words.
		const text = await lookup.rank('调度失败');
		expect(text.length).toBeGreaterThan(0);
		expect(text.every(({ score }) => score < 50)).toBe(true);
	});
});

/**
 * The ranking over the whole target list the shards must reproduce: keyScore on every key, except a match
 * that starts inside a word of the key; every query word found among the text's terms (see planQuery).
 */
function scanRanking(targets: LookupTarget[], rawQuery: string, limit = 6) {
	const plan = planQuery(rawQuery, lookupLayout(targets.length));
	if (!plan) return [];
	const keyed = targets.map((target) => {
		let best = 0;
		for (const key of target.k) {
			let score = keyScore(key, plan.query, rawQuery);
			if (score === 50 && !keySuffixes(key).some(({ suffix }) => suffix.startsWith(plan.query))) score = 0;
			best = Math.max(best, score);
		}
		return best;
	});
	const named = namesAThing(keyed);
	const scored = targets.map((target, idx) => {
		let best = keyed[idx] ?? 0;
		if (best === 0 && plan.tokens && !named) {
			const [title, purpose, rest] = target.x;
			const high = new Set([...textTerms(title), ...textTerms(purpose)]);
			const low = new Set(textTerms(rest));
			const classOf = (part: { text: string; prefix: boolean }) => {
				const has = (terms: Set<string>) => [...terms].some((term) => (part.prefix ? term.startsWith(part.text) : term === part.text));
				return has(high) ? 2 : has(low) ? 1 : 0;
			};
			const classes = plan.tokens.map(({ parts }) => Math.min(...parts.map(classOf)));
			if (classes.every((cls) => cls > 0)) {
				const length = plan.tokens.map(({ token }) => token).join('').length;
				best = textScoreOf(classes, length, focusOf(title, purpose));
			}
		}
		return { idx, score: best };
	});
	return scored
		.filter((entry) => entry.score > 0)
		.sort((a, b) => b.score - a.score || a.idx - b.idx)
		.slice(0, limit);
}

describe('the sharded lookup ranks like a scan of every target', () => {
	for (const lang of ['zh-CN', 'en'] as const) {
		it(`for every key and every title word (${lang})`, async () => {
			const targets = buildLookup(realAtlas(), lang, t);
			const lookup = memoryLookup(targets, lookupLayoutOf(realAtlas()));
			const queries = new Set<string>();
			for (const target of targets) {
				for (const key of target.k) queries.add(key);
				for (const term of textTerms(target.x[0])) if (term.length >= 2 || HAN.test(term)) queries.add(term);
				for (const run of target.t.match(/\p{Script=Han}{2,4}/gu) ?? []) queries.add(run);
			}
			expect(queries.size).toBeGreaterThan(500);
			for (const query of queries) {
				const sharded = (await lookup.rank(query)).map(({ idx, score }) => ({ idx, score }));
				expect(sharded, query).toEqual(scanRanking(targets, query));
			}
		});
	}

	it('loses only matches that start inside a word of a key (the old lookup gave them 50)', () => {
		expect(keyScore('pkg/scheduler/schedule_one.go', 'eduler', 'eduler')).toBe(50);
		expect(keySuffixes('pkg/scheduler/schedule_one.go').some(({ suffix }) => suffix.startsWith('eduler'))).toBe(false);
		expect(normalizeKey('pkg/scheduler/')).toBe('pkg/scheduler');
	});
});

describe('the exact lookup', () => {
	const zhTargets = buildLookup(realAtlas(), 'zh-CN', t);
	const enTargets = buildLookup(realAtlas(), 'en', t);
	const zh = memoryLookup(zhTargets, lookupLayoutOf(realAtlas()));

	it('has a target for every row and every code block, in each language', () => {
		expect(zhTargets).toHaveLength(realAtlas().rows.length + realAtlas().data.snippets.length);
		expect(lookupLayoutOf(realAtlas()).n).toBe(zhTargets.length);
		expect(enTargets).toHaveLength(zhTargets.length);
		// Numbered per language (title lengths differ), the same targets.
		expect(zhTargets.map((target) => target.u).sort()).toEqual(enTargets.map((target) => target.u).sort());
		expect(enTargets.every((target) => !/\p{Script=Han}/u.test(target.x.join(' ')))).toBe(true);
	});

	it('maps paths, identifiers (also the seed\'s old names), modules and log keywords to their entry or row', async () => {
		const en = memoryLookup(enTargets, lookupLayoutOf(realAtlas()));
		const landing = async (lookup: typeof zh, query: string) => lookup.landing(query);
		expect(await landing(zh, 'pkg/scheduler/schedule_one.go')).toBe('/code/pkg-scheduler-schedule_one.go/');
		expect(await landing(zh, 'scheduleOne')).toBe('/code/pkg-scheduler-schedule_one.go/');
		expect(await landing(zh, 'pkg/scheduler/internal/queue')).toBe('/code/pkg-scheduler-internal-queue/');
		expect(await landing(zh, 'k8s.io/client-go')).toBe('/staging/k8s.io-client-go/');
		expect(await landing(zh, 'PLEG is not healthy')).toBe('/sections/troubleshooting-paths/#pleg-timeout');
		expect(await landing(en, 'eviction manager')).toBe('/code/pkg-kubelet-eviction/');
		expect(await landing(zh, 'make test-e2e-node')).toBe('/guide/commands/#snippet-build-and-test');
	});

	it('finds nothing for a query that is nowhere', async () => {
		expect(await zh.rank('zzzz-not-a-thing')).toEqual([]);
		expect(await zh.rank('a')).toEqual([]);
	});

	it('keeps what people type from code blocks, not the whole code', () => {
		expect(snippetKeys('make test WHAT=./pkg\nhack/update-vendor.sh\n_output/bin/kube-scheduler --v=5')).toEqual([
			'make test',
			'hack/update-vendor.sh',
			'--v',
			'_output/bin/kube-scheduler',
		]);
	});
});
