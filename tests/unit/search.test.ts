import { describe, expect, it } from 'vitest';
import { buildLookup, snippetKeys } from '../../src/lib/search-lookup.ts';
import { keyScore, normalizeQuery, queryTokens, rankTargets, type LookupIndex } from '../../src/lib/search-query.ts';
import { realAtlas } from './helpers.ts';

const t = () => '';

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

describe('the exact lookup', () => {
	const zh = buildLookup(realAtlas(), 'zh-CN', t);
	const en = buildLookup(realAtlas(), 'en', t);

	it('has a target for every row and every code block, in each language', () => {
		expect(zh.targets).toHaveLength(realAtlas().rows.length + realAtlas().data.snippets.length);
		expect(en.targets).toHaveLength(zh.targets.length);
		expect(en.prefix).toBe('/en');
		expect(zh.targets.map((target) => target.u)).toEqual(en.targets.map((target) => target.u));
		expect(en.targets.every((target) => !/\p{Script=Han}/u.test(target.x.join(' ')))).toBe(true);
	});

	it('maps paths, identifiers (also the seed\'s old names), modules and log keywords to their entry or row', () => {
		const landing = (index: LookupIndex, query: string) => rankTargets(index, query)[0]?.target.u;
		expect(landing(zh, 'pkg/scheduler/schedule_one.go')).toBe('/code/pkg-scheduler-schedule_one.go/');
		expect(landing(zh, 'scheduleOne')).toBe('/code/pkg-scheduler-schedule_one.go/');
		expect(landing(zh, 'pkg/scheduler/internal/queue')).toBe('/code/pkg-scheduler-internal-queue/');
		expect(landing(zh, 'k8s.io/client-go')).toBe('/staging/k8s.io-client-go/');
		expect(landing(zh, 'PLEG is not healthy')).toBe('/sections/troubleshooting-paths/#pleg-timeout');
		expect(landing(en, 'eviction manager')).toBe('/code/pkg-kubelet-eviction/');
		expect(landing(zh, 'make test-e2e-node')).toBe('/guide/commands/#snippet-build-and-test');
	});

	it('finds nothing for a query that is nowhere', () => {
		expect(rankTargets(zh, 'zzzz-not-a-thing')).toEqual([]);
		expect(rankTargets(zh, 'a')).toEqual([]);
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
