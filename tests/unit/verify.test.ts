import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceRef } from '../../src/schemas/common.ts';
import {
	collectRefs,
	dataTree,
	formatReport,
	gitTree,
	goDefinitionLines,
	verifySources,
	type CollectedRef,
	type RefResult,
	type SourceTree,
} from '../../src/lib/verify.ts';
import { realAtlas, repoRoot, sharedDir } from './helpers.ts';

const fixtures = join(repoRoot, 'tests/fixtures/verify');
const sharedData = join(sharedDir, 'k8s-v1.32.0');

/** A reference as the schema outputs it (status defaults to present). */
function ref(fields: Partial<SourceRef> & { path: string }): SourceRef {
	return { status: 'present', ...fields };
}

/** Verifies one reference (used by a made-up entry) and returns its result. */
function check(tree: SourceTree, fields: Partial<SourceRef> & { path: string }): RefResult {
	const refs: CollectedRef[] = [{ ref: ref(fields), uses: [{ file: 'content/test.yaml', id: 'test-entry', field: 'path' }] }];
	const [result] = verifySources(refs, tree).results;
	if (!result) throw new Error('no result');
	return result;
}

const messages = (result: RefResult) => result.checks.map((c) => c.message).join('\n');

describe('goDefinitionLines', () => {
	const text = readFileSync(join(fixtures, 'repo/pkg/scheduler/schedule_one.go'), 'utf8');
	const lines = text.split('\n').map((line, index) => ({ line: index + 1, text: line }));
	const find = (symbol: string) => goDefinitionLines(lines, symbol);

	it('finds funcs, methods, types, grouped types, consts and vars', () => {
		expect(find('ScheduleOne')).toEqual([32]);
		expect(find('Scheduler')).toEqual([7]);
		expect(find('helper')).toEqual([37]);
		expect(find('grouped')).toEqual([19]);
		expect(find('Alias')).toEqual([20]);
		expect(find('generic')).toEqual([21]);
		expect(find('DefaultBackoff')).toEqual([25]);
		expect(find('errFixture')).toEqual([29]);
	});

	it('finds interface method specs but not calls inside a function body', () => {
		expect(find('Len')).toEqual([15, 39]);
		expect(find('Pop')).toEqual([14]);
	});

	it('finds Type.Member as a method, an interface method or a struct field', () => {
		expect(find('Scheduler.ScheduleOne')).toEqual([32]);
		expect(find('Scheduler.Backoff')).toEqual([9]);
		expect(find('Queue.Pop')).toEqual([14]);
		expect(find('generic.Get')).toEqual([41]);
		expect(find('Queue.Backoff')).toEqual([]);
		expect(find('Missing')).toEqual([]);
	});
});

describe('data folder tree', () => {
	const tree = dataTree(join(fixtures, 'data'));

	it('an existing staging path passes exactly', () => {
		const result = check(tree, { path: 'staging/src/k8s.io/client-go/tools/cache/reflector.go' });
		expect(result.status).toBe('verified');
		expect(check(tree, { path: 'staging/src/k8s.io/client-go/tools/cache/' }).status).toBe('verified');
	});

	it('a staging path missing from staging-tree.txt fails with its name', () => {
		const result = check(tree, { path: 'staging/src/k8s.io/client-go/tools/cache/informer.go' });
		expect(result.status).toBe('failing');
		expect(messages(result)).toContain('staging/src/k8s.io/client-go/tools/cache/informer.go: missing at v1.32.0');
		expect(check(tree, { path: 'staging/src/k8s.io/no-such-module/' }).status).toBe('failing');
	});

	it('a file written as a folder fails', () => {
		const result = check(tree, { path: 'staging/src/k8s.io/client-go/tools/cache/reflector.go/' });
		expect(result.status).toBe('failing');
		expect(messages(result)).toContain('is a file');
	});

	it('a symbol whose line moved is reported with both lines', () => {
		const result = check(tree, {
			path: 'staging/src/k8s.io/client-go/tools/cache/reflector.go',
			symbol: 'Reflector',
			line: 52,
			lineEvidence: 'A',
		});
		expect(result.status).toBe('failing');
		expect(messages(result)).toContain('Reflector in staging/src/k8s.io/client-go/tools/cache/reflector.go: line moved: content has 52, tree has 50');
		const right = { path: 'staging/src/k8s.io/client-go/tools/cache/reflector.go', symbol: 'Reflector', line: 50 } as const;
		expect(check(tree, { ...right, lineEvidence: 'A' }).status).toBe('verified');
	});

	it('checks A2 lines against symbols-main-tree.tsv and the evidence label of a line', () => {
		const good = { path: 'pkg/scheduler/schedule_one.go', symbol: 'ScheduleOne', line: 65, lineEvidence: 'A2' } as const;
		expect(check(tree, good).status).toBe('verified-a2');
		expect(messages(check(tree, { ...good, line: 60 }))).toContain('line moved: content has 60, tree has 65');
		expect(messages(check(tree, { ...good, lineEvidence: 'A' }))).toContain('lineEvidence A, but line 65 is only known at v1.32.2');
		const staging = { path: 'staging/src/k8s.io/apiserver/pkg/admission/interfaces.go', symbol: 'Admit', line: 134 } as const;
		expect(check(tree, { ...staging, lineEvidence: 'A' }).status).toBe('verified');
		expect(check(tree, { ...staging, lineEvidence: 'A2' }).status).toBe('failing');
	});

	it('a seed symbol that symbols-not-found.tsv rules out (A/A2) fails', () => {
		const result = check(tree, { path: 'pkg/scheduler/schedule_one.go', symbol: 'scheduleOne' });
		expect(result.status).toBe('failing');
		expect(messages(result)).toContain('scheduleOne in pkg/scheduler/schedule_one.go: not defined there');
		// "(as interface)" rows restrict the claim to one kind: not checkable by name.
		expect(check(tree, { path: 'staging/src/k8s.io/client-go/tools/cache/reflector.go', symbol: 'Reflector' }).status).toBe('verified');
	});

	it('reports main-tree paths with only K (or mixed A/K) evidence as unverifiable', () => {
		for (const path of ['cmd/', 'pkg/kubelet/kubelet.go', 'pkg/kubelet/pleg/', 'go.mod']) {
			expect(check(tree, { path }).status, path).toBe('unverifiable');
		}
		expect(check(tree, { path: 'api/swagger-spec/', status: 'absent' }).status).toBe('unverifiable');
		expect(check(tree, { path: 'pkg/cloudprovider/providers/', status: 'absent' }).status).toBe('unverifiable');
		expect(check(tree, { path: 'pkg/kubelet/kubelet.go', symbol: 'Kubelet' }).status).toBe('unverifiable');
	});

	it('uses A/A2 facts for main-tree paths, their folders and what lies inside missing folders', () => {
		expect(check(tree, { path: 'pkg/' }).status).toBe('verified-a2');
		expect(check(tree, { path: 'pkg/scheduler/' }).status).toBe('verified-a2');
		expect(check(tree, { path: 'pkg/scheduler/backend/queue/' }).status).toBe('verified-a2');
		expect(check(tree, { path: 'pkg/kubelet/dockershim/', status: 'absent' }).status).toBe('verified');
		const moved = check(tree, { path: 'pkg/scheduler/internal/queue/scheduling_queue.go' });
		expect(moved.status).toBe('failing');
		expect(messages(moved)).toContain('pkg/scheduler/internal/queue/scheduling_queue.go: missing at v1.32.2 (A2)');
	});

	it('an absent-marked path that exists fails', () => {
		const result = check(tree, { path: 'staging/src/k8s.io/client-go/tools/cache/', status: 'absent' });
		expect(result.status).toBe('failing');
		expect(messages(result)).toContain('staging/src/k8s.io/client-go/tools/cache/: marked absent, but it exists');
		expect(check(tree, { path: 'staging/src/k8s.io/client-go/informers/', status: 'absent' }).status).toBe('verified');
	});

	it('counts unchecked refs, glob paths and ?-rows as unverifiable', () => {
		expect(check(tree, { path: 'staging/src/k8s.io/client-go/tools/cache/reflector.go', status: 'unchecked' }).status).toBe('unverifiable');
		expect(check(tree, { path: 'pkg/apis/*/v1/defaults.go', status: 'unchecked' }).status).toBe('unverifiable');
		expect(check(tree, { path: 'hack/verify-*.sh' }).status).toBe('unverifiable');
		expect(check(tree, { path: 'hack/e2e.go' }).status).toBe('unverifiable');
	});

	it('a staging symbol the data has no row for is unverifiable, not failing', () => {
		const result = check(tree, { path: 'staging/src/k8s.io/client-go/tools/cache/controller.go', symbol: 'New' });
		expect(result.status).toBe('unverifiable');
	});
});

describe('git repository tree', () => {
	let repo = '';
	let tree: SourceTree;
	beforeAll(() => {
		repo = mkdtempSync(join(tmpdir(), 'atlas-verify-repo-'));
		cpSync(join(fixtures, 'repo'), repo, { recursive: true });
		const env = { ...process.env };
		for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[name];
		const config = ['-c', 'user.name=atlas', '-c', 'user.email=atlas@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false'];
		const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...config, ...args], { env, stdio: 'pipe' });
		git('init', '-q');
		git('add', '-A');
		git('commit', '-q', '-m', 'fixture');
		git('tag', 'v1.32.0');
		tree = gitTree(repo);
	});

	it('an existing path passes; a missing one fails with its name', () => {
		expect(check(tree, { path: 'pkg/scheduler/schedule_one.go' }).status).toBe('verified');
		expect(check(tree, { path: 'pkg/scheduler/' }).status).toBe('verified');
		expect(check(tree, { path: 'staging/src/k8s.io/client-go/' }).status).toBe('verified');
		const missing = check(tree, { path: 'pkg/scheduler/framework/interface.go' });
		expect(missing.status).toBe('failing');
		expect(messages(missing)).toContain('pkg/scheduler/framework/interface.go: missing at v1.32.0');
		expect(check(tree, { path: 'pkg/scheduler' }).status).toBe('failing');
	});

	it('a symbol whose line moved is reported with both lines', () => {
		const result = check(tree, { path: 'pkg/scheduler/schedule_one.go', symbol: 'ScheduleOne', line: 30, lineEvidence: 'A2' });
		expect(result.status).toBe('failing');
		expect(messages(result)).toContain('ScheduleOne in pkg/scheduler/schedule_one.go: line moved: content has 30, tree has 32');
		const moved = ref({ path: 'pkg/scheduler/schedule_one.go', symbol: 'ScheduleOne', line: 30, lineEvidence: 'A' });
		const use = { file: 'content/code-paths.yaml', id: 'pkg-scheduler-schedule_one.go', field: 'keyLogic[0]' };
		const report = verifySources([{ ref: moved, uses: [use] }], tree);
		const text = formatReport(report).join('\n');
		expect(text).toMatch(/failing: +1/);
		expect(text).toContain('FAIL ScheduleOne in pkg/scheduler/schedule_one.go: line moved: content has 30, tree has 32');
		expect(text).toContain('content/code-paths.yaml "pkg-scheduler-schedule_one.go" (keyLogic[0])');
	});

	it('verifies symbols and lines exactly, whatever the line evidence says', () => {
		expect(check(tree, { path: 'pkg/scheduler/schedule_one.go', symbol: 'ScheduleOne', line: 32, lineEvidence: 'A2' }).status).toBe('verified');
		expect(check(tree, { path: 'pkg/scheduler/schedule_one.go', symbol: 'Scheduler.Backoff' }).status).toBe('verified');
		const run = { path: 'staging/src/k8s.io/client-go/tools/cache/reflector.go', symbol: 'Run', line: 10 } as const;
		expect(check(tree, { ...run, lineEvidence: 'A' }).status).toBe('verified');
		expect(check(tree, { path: 'staging/src/k8s.io/client-go/tools/cache/', symbol: 'Reflector' }).status).toBe('verified');
	});

	it('a symbol not defined in the file fails', () => {
		const result = check(tree, { path: 'pkg/scheduler/schedule_one.go', symbol: 'scheduleOne' });
		expect(result.status).toBe('failing');
		expect(messages(result)).toContain('no definition of scheduleOne in pkg/scheduler/schedule_one.go');
		expect(check(tree, { path: 'staging/src/k8s.io/client-go/tools/', symbol: 'Reflector' }).status).toBe('failing');
	});

	it('an absent-marked path that exists fails; one that is missing passes', () => {
		const result = check(tree, { path: 'pkg/scheduler/', status: 'absent' });
		expect(result.status).toBe('failing');
		expect(messages(result)).toContain('pkg/scheduler/: marked absent, but it exists at v1.32.0');
		expect(check(tree, { path: 'pkg/kubelet/dockershim/', status: 'absent' }).status).toBe('verified');
	});

	it('refuses a repository without the v1.32.0 tag', () => {
		const bare = mkdtempSync(join(tmpdir(), 'atlas-verify-empty-'));
		execFileSync('git', ['-C', bare, 'init', '-q']);
		expect(() => gitTree(bare)).toThrow(/no v1\.32\.0 tag/);
	});
});

describe('collecting references from content', () => {
	it('de-duplicates identical references and keeps every entry that uses them', () => {
		const atlas = realAtlas();
		const refs = collectRefs(atlas.rows);
		const keys = refs.map((r) => JSON.stringify([r.ref.path, r.ref.status, r.ref.symbol, r.ref.line, r.ref.lineEvidence]));
		expect(new Set(keys).size).toBe(keys.length);
		const shared = refs.find((r) => r.uses.length > 1);
		expect(shared).toBeDefined();
		for (const { uses } of refs) {
			for (const use of uses) {
				expect(use.file).toMatch(/^content\/[a-z-]+\.yaml$/);
				expect(use.field).toMatch(/^[a-zA-Z]+(\[\d+\])?$/);
			}
		}
		const total = refs.reduce((sum, r) => sum + r.uses.length, 0);
		expect(total).toBeGreaterThan(refs.length);
	});
});

describe('the real content against the shared v1.32.0 data', () => {
	const exists = existsSync(join(sharedData, 'staging-tree.txt'));

	it.skipIf(!exists)('has no failing reference', () => {
		const report = verifySources(collectRefs(realAtlas().rows), dataTree(sharedData));
		const failing = report.results.filter((r) => r.status === 'failing').map((r) => formatReport({ ...report, results: [r] }).at(-1));
		expect(failing).toEqual([]);
		expect(report.counts.checked).toBe(report.counts.verified + report.counts.verifiedA2 + report.counts.unverifiable);
		expect(report.counts.verified).toBeGreaterThan(0);
	});

	it.skipIf(!exists)('npm run verify:sources -- --data exits 0 and prints the counts', () => {
		const run = spawnSync(process.execPath, ['scripts/verify-sources.ts', '--data', sharedData], { cwd: repoRoot, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		for (const label of ['checked', 'verified exactly', 'verified at A2', 'unverifiable', 'failing']) {
			expect(run.stdout).toMatch(new RegExp(`${label}: +\\d+`));
		}
	});
});

describe('verify-sources CLI', () => {
	it('prints usage and exits 2 without --data or --repo', () => {
		const run = spawnSync(process.execPath, ['scripts/verify-sources.ts'], { cwd: repoRoot, encoding: 'utf8' });
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('usage:');
	});

	it('exits 1 and names the failing reference and its entry', () => {
		const run = spawnSync(process.execPath, ['scripts/verify-sources.ts', '--data', join(fixtures, 'data')], { cwd: repoRoot, encoding: 'utf8' });
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(/^FAIL .+ \(used by content\/[a-z-]+\.yaml "[^"]+" \([^)]+\)/m);
	});
});
