// Performance benchmark of the site: build time and output, page weight, first search, search latency,
// and a scale test on synthetic content (10×, 100×). Prints a summary and writes docs/benchmarks.md.
//
//   npm run bench                      everything: 1×, 10×, 100× (the 100× build takes a while)
//   npm run bench -- --scale 1,10      only these scales
//   npm run bench -- --quick           1× only, one build, fewer queries (does not write the docs page)
//   options: --runs N (builds per scale), --keep (keep the temporary folder), --write / --no-write,
//            --out FILE, --build-timeout MIN, --verbose (echo astro's log),
//            --from-results FILE (print, and with --write write, the report of an earlier run's results.json)
//
// Never builds into dist/ and never writes synthetic content inside the repository: everything goes to a
// temporary folder, which is removed at the end unless --keep is given.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import {
	launchBrowser,
	measureFirstSearch,
	measurePage,
	measureSearchLatency,
	medianOf,
	searchGroupLabels,
	searchGroups,
	startPreview,
	type PageWeight,
	type QueryTiming,
	type SearchBytes,
} from './bench/browser.ts';
import { measureOutput, runBuild, type BuildRun, type OutputStats } from './bench/build.ts';
import { probe, type ProbeResult } from './bench/probe.ts';
import { generateScaledContent } from './bench/synth.ts';
import { kb, mb, median, millis, seconds, stopAll } from './bench/util.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------------------
// Options

interface Options {
	scales: number[];
	quick: boolean;
	runs: number | undefined;
	keep: boolean;
	write: boolean;
	out: string;
	buildTimeoutMin: number;
	verbose: boolean;
	/** Re-render the report from a results.json of an earlier run instead of measuring. */
	fromResults: string | undefined;
}

function parseArgs(argv: ReadonlyArray<string>): Options {
	const value = (name: string): string | undefined => {
		const index = argv.indexOf(name);
		if (index >= 0) return argv[index + 1];
		const inline = argv.find((arg) => arg.startsWith(`${name}=`));
		return inline?.slice(name.length + 1);
	};
	const quick = argv.includes('--quick');
	const scaleArg = value('--scale');
	const scales = scaleArg
		? scaleArg.split(',').map((part) => Number(part.trim().replace(/x$/i, '')))
		: quick
			? [1]
			: [1, 10, 100];
	if (scales.some((scale) => !Number.isInteger(scale) || scale < 1)) throw new Error(`--scale: expected factors like 1,10,100, got ${scaleArg}`);
	const runsArg = value('--runs');
	const defaultRun = !quick && scaleArg === undefined;
	return {
		scales: [...new Set(scales)].sort((a, b) => a - b),
		quick,
		runs: runsArg ? Math.max(1, Number(runsArg)) : quick ? 1 : undefined,
		keep: argv.includes('--keep'),
		write: argv.includes('--write') || (defaultRun && !argv.includes('--no-write')),
		out: resolve(root, value('--out') ?? 'docs/benchmarks.md'),
		buildTimeoutMin: Number(value('--build-timeout') ?? 0),
		verbose: argv.includes('--verbose'),
		fromResults: value('--from-results'),
	};
}

/** Builds per scale: the median of 2 for the full build and 10×, one at 100× (unless --runs). */
const runsFor = (options: Options, scale: number) => options.runs ?? (scale >= 100 ? 1 : 2);

// ---------------------------------------------------------------------------------------------------------
// Queries: paths, identifiers, log lines and Chinese terms, as users type them (the e2e suite's kinds).

const allQueries = [
	'pkg/scheduler/schedule_one.go',
	'schedule_one.go',
	'pkg/kubelet/eviction',
	'k8s.io/client-go',
	'cmd/kube-apiserver',
	'pkg/proxy/nftables',
	'ScheduleOne',
	'syncProxyRules',
	'GenericPLEG',
	'KubeSchedulerConfiguration',
	'PriorityQueue',
	'RunPodSandbox',
	'PLEG is not healthy',
	'FailedScheduling',
	'Failed to create pod sandbox',
	'Unable to attach or mount volumes',
	'调度失败',
	'驱逐',
	'限流',
	'证书轮换',
	'卷挂载失败',
	'调度队列',
];
const quickQueries = ['pkg/scheduler/schedule_one.go', 'ScheduleOne', 'FailedScheduling', '调度失败', '驱逐', 'k8s.io/client-go'];

const ENTRY_PAGE = '/code/pkg-scheduler-schedule_one.go/';

// ---------------------------------------------------------------------------------------------------------
// Targets

const targets = {
	buildMs: 20_000,
	entryFirstVisitBytes: 50_000,
	firstSearchBytes: 150_000,
	latencyMs: 100,
	build10xMs: 60_000,
	build100xMs: 600_000,
	/** Per-page build time may grow at most this much from one scale to the next ("close to linear"). */
	perPageGrowth: 1.5,
	firstSearch100xBytes: 300_000,
};

// ---------------------------------------------------------------------------------------------------------
// Machine

interface Machine {
	cores: number;
	memory: string;
	cpu: string;
	node: string;
	chromium: string;
	os: string;
	date: string;
	loadAtStart: string;
}

function machine(): Machine {
	let cores = cpus().length;
	try {
		cores = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
	} catch {
		// os.cpus() then
	}
	let os = `${process.platform} ${process.arch}`;
	try {
		const release = readFileSync('/etc/os-release', 'utf8');
		os = /PRETTY_NAME="([^"]+)"/.exec(release)?.[1] ?? os;
	} catch {
		// not Linux
	}
	return {
		cores,
		memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at start)`,
		cpu: cpus()[0]?.model.trim() ?? 'unknown',
		node: process.version,
		chromium: '',
		os,
		date: new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
		loadAtStart: loadavg().map((v) => v.toFixed(2)).join(' / '),
	};
}

// ---------------------------------------------------------------------------------------------------------
// One scale

interface ScaleResult {
	factor: number;
	rows: number;
	entries: Record<string, number>;
	synthMs: number;
	builds: BuildRun[];
	output: OutputStats | undefined;
	probe: ProbeResult | undefined;
	pages: PageWeight[];
	firstSearch: SearchBytes[];
	latency: QueryTiming[];
	errors: string[];
}

const wallOf = (scale: ScaleResult) => median(scale.builds.filter((b) => b.ok).map((b) => b.wallMs));
const cpuOf = (scale: ScaleResult) => median(scale.builds.filter((b) => b.ok).map((b) => b.cpuMs));
const loadOf = (scale: ScaleResult) => Math.max(...scale.builds.map((b) => Math.max(b.loadBefore, b.loadAfter)));

function log(message: string): void {
	console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);
}

async function runScale(factor: number, options: Options, workRoot: string, browserRef: { browser?: Browser }): Promise<ScaleResult> {
	const result: ScaleResult = {
		factor,
		rows: 0,
		entries: {},
		synthMs: 0,
		builds: [],
		output: undefined,
		probe: undefined,
		pages: [],
		firstSearch: [],
		latency: [],
		errors: [],
	};
	const work = join(workRoot, `scale-${factor}`);
	let contentDir: string | undefined;
	const sourceContent = join(root, 'content');
	if (factor > 1) {
		log(`${factor}×: generating synthetic content…`);
		const start = performance.now();
		const synth = generateScaledContent(sourceContent, join(work, 'content'), factor);
		result.synthMs = performance.now() - start;
		result.rows = synth.rows;
		result.entries = synth.entries;
		contentDir = synth.dir;
		log(`${factor}×: ${synth.rows} rows in ${relative(root, synth.dir) || synth.dir} (${seconds(result.synthMs)})`);
	}

	const probeDir = contentDir ?? sourceContent;
	log(`${factor}×: probing the site code's per-page cost…`);
	try {
		result.probe = probe(probeDir);
		if (factor === 1) {
			result.rows = result.probe.rows;
		}
	} catch (error) {
		result.errors.push(`probe: ${String(error)}`);
	}

	const runs = runsFor(options, factor);
	const outDir = join(work, 'dist');
	for (let run = 1; run <= runs; run++) {
		log(`${factor}×: build ${run}/${runs}…`);
		const build = await runBuild({
			root,
			outDir,
			workDir: work,
			contentDir,
			label: `${factor}x-run${run}`,
			echo: options.verbose,
			timeoutMin: options.buildTimeoutMin,
		});
		result.builds.push(build);
		log(
			`${factor}×: build ${run}: ${build.ok ? 'ok' : 'FAILED'} in ${seconds(build.wallMs)} (CPU ${seconds(build.cpuMs)}, ` +
				`load ${build.loadBefore.toFixed(1)}→${build.loadAfter.toFixed(1)}, peak RSS ${mb(build.peakTreeRssBytes)}; log ${build.logFile})`,
		);
		if (!build.ok) {
			result.errors.push(`build ${run}: ${build.error ?? 'failed'}`);
			break;
		}
	}
	if (!result.builds.some((b) => b.ok) || !existsSync(join(outDir, 'index.html'))) return result;

	result.output = measureOutput(outDir);
	log(`${factor}×: ${result.output.htmlPages} HTML pages, pagefind ${mb(result.output.pagefind.bytes)}`);

	const previewLog = join(work, 'preview.log');
	let preview = await startPreview(root, outDir, previewLog);
	/** The server, restarted (on a new port) if it stopped answering; the restarts are reported. */
	const server = async (): Promise<string> => {
		if (await preview.alive()) return preview.origin;
		preview.stop();
		result.errors.push(`astro preview stopped answering (see ${previewLog}); restarted it`);
		log(`${factor}×: astro preview stopped answering; restarting it`);
		preview = await startPreview(root, outDir, previewLog);
		return preview.origin;
	};
	try {
		browserRef.browser ??= await launchBrowser();
		const browser = browserRef.browser;
		const largest = result.output.largestSection.path;
		for (const path of ['/', ENTRY_PAGE, ...(largest ? [largest] : [])]) {
			log(`${factor}×: page weight ${path}`);
			try {
				result.pages.push(await measurePage(browser, await server(), outDir, path));
			} catch (error) {
				result.errors.push(`page ${path}: ${String(error).split('\n')[0]}`);
			}
		}
		const queries = options.quick ? quickQueries : allQueries;
		const timeoutMs = factor >= 100 ? 120_000 : 30_000;
		log(`${factor}×: first search, ${queries.length} queries, each in a fresh browser profile…`);
		for (const query of queries) {
			try {
				result.firstSearch.push(await measureFirstSearch(browser, await server(), outDir, query, timeoutMs));
			} catch (error) {
				result.errors.push(`first search "${query}": ${String(error).split('\n')[0]}`);
			}
		}
		log(`${factor}×: search latency, ${queries.length} queries once the index is loaded…`);
		try {
			result.latency = await measureSearchLatency(browser, await server(), outDir, queries, timeoutMs);
		} catch (error) {
			result.errors.push(`latency: ${String(error).split('\n')[0]}`);
		}
	} finally {
		preview.stop();
	}
	if (!options.keep) {
		// The output of a large scale is big; the figures are taken.
		rmSync(outDir, { recursive: true, force: true });
		if (contentDir) rmSync(contentDir, { recursive: true, force: true });
	}
	return result;
}

// ---------------------------------------------------------------------------------------------------------
// Verdicts

interface Check {
	target: string;
	limit: string;
	measured: string;
	verdict: 'PASS' | 'FAIL' | 'n/a';
	note: string;
}

const verdict = (ok: boolean | undefined): Check['verdict'] => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'FAIL');

/** A build-time verdict on wall clock; when the machine was busy, also what the CPU time says. */
function buildCheck(target: string, limitMs: number, scale: ScaleResult | undefined, cores: number): Check {
	if (!scale) return { target, limit: `≤ ${seconds(limitMs)}`, measured: 'not run', verdict: 'n/a', note: '' };
	const wall = wallOf(scale);
	const cpu = cpuOf(scale);
	const load = loadOf(scale);
	if (!Number.isFinite(wall)) {
		return { target, limit: `≤ ${seconds(limitMs)}`, measured: scale.errors[0]?.split('\n')[0] ?? 'failed', verdict: 'FAIL', note: '' };
	}
	const busy = load > cores;
	const note = busy
		? `machine busy (load ${load.toFixed(1)} on ${cores} cores): CPU time ${seconds(cpu)} → ${verdict(cpu <= limitMs)} if the build had the CPU to itself`
		: `CPU time ${seconds(cpu)}`;
	return { target, limit: `≤ ${seconds(limitMs)}`, measured: `${seconds(wall)} wall`, verdict: verdict(wall <= limitMs), note };
}

function checks(results: ScaleResult[], cores: number): Check[] {
	const at = (factor: number) => results.find((r) => r.factor === factor);
	const one = at(1);
	const out: Check[] = [];
	out.push(buildCheck(`Full build (1×, median of ${one?.builds.length ?? 0})`, targets.buildMs, one, cores));
	const entry = one?.pages.find((p) => p.path === ENTRY_PAGE);
	if (entry) {
		const withoutLazy = entry.browser.totalGzip - entry.browser.afterLoad.gzip;
		out.push({
			target: 'Entry page first visit (HTML+CSS+JS, gzip)',
			limit: `≤ ${kb(targets.entryFirstVisitBytes)}`,
			measured: kb(entry.browser.totalGzip),
			verdict: verdict(entry.browser.totalGzip <= targets.entryFirstVisitBytes),
			note: `${kb(withoutLazy)} by the load event; ${kb(entry.browser.afterLoad.gzip)} more after it (${entry.browser.afterLoad.paths.map(shortName).join(', ') || 'nothing'})`,
		});
	} else out.push({ target: 'Entry page first visit', limit: `≤ ${kb(targets.entryFirstVisitBytes)}`, measured: 'not measured', verdict: 'n/a', note: '' });
	if (one && one.firstSearch.length > 0) {
		const totals = one.firstSearch.map((s) => s.totalGzip);
		// The issue measures the first search as a median over the suite; the worst query is reported beside it.
		out.push({
			target: `First search incl. UI (1×, median of ${totals.length} queries)`,
			limit: `≤ ${kb(targets.firstSearchBytes)}`,
			measured: kb(median(totals)),
			verdict: verdict(median(totals) <= targets.firstSearchBytes),
			note: `${within(totals, targets.firstSearchBytes)}; ${dominant(one.firstSearch)}`,
		});
	}
	if (one && one.latency.length > 0) {
		const first = medianOf(one.latency, (q) => q.firstMs);
		out.push({
			target: `Keystroke → results, median of ${one.latency.length} (index loaded)`,
			limit: `≤ ${millis(targets.latencyMs)}`,
			measured: millis(first),
			verdict: verdict(first <= targets.latencyMs),
			note: `exact list ${millis(medianOf(one.latency, (q) => q.exactMs))}, Pagefind list ${millis(medianOf(one.latency, (q) => q.pagefindMs))} (incl. its 300 ms debounce)`,
		});
	}
	out.push(buildCheck('10× build', targets.build10xMs, at(10), cores));
	out.push(buildCheck('100× build', targets.build100xMs, at(100), cores));
	const built = results.filter((r) => Number.isFinite(wallOf(r)) && r.output);
	if (built.length >= 2) {
		const measured: string[] = [];
		const notes: string[] = [];
		let ok = true;
		for (let i = 1; i < built.length; i++) {
			const a = built[i - 1] as ScaleResult;
			const b = built[i] as ScaleResult;
			const pages = (b.output?.htmlPages ?? 1) / (a.output?.htmlPages ?? 1);
			const growth = perPage(b) / perPage(a);
			const cpuGrowth = cpuOf(b) / (b.output?.htmlPages ?? 1) / (cpuOf(a) / (a.output?.htmlPages ?? 1));
			const exponent = Math.log(wallOf(b) / wallOf(a)) / Math.log(pages);
			const cpuExponent = Math.log(cpuOf(b) / cpuOf(a)) / Math.log(pages);
			ok &&= growth <= targets.perPageGrowth;
			measured.push(`${a.factor}×→${b.factor}×: ms/page ×${growth.toFixed(2)}`);
			notes.push(
				`${a.factor}×→${b.factor}×: ${pages.toFixed(1)}× the pages, wall ×${(wallOf(b) / wallOf(a)).toFixed(1)} (∝ pages^${exponent.toFixed(2)}), ` +
					`CPU ×${(cpuOf(b) / cpuOf(a)).toFixed(1)} (∝ pages^${cpuExponent.toFixed(2)}, CPU ms/page ×${cpuGrowth.toFixed(2)})`,
			);
		}
		out.push({
			target: 'Build growth close to linear',
			limit: `ms/page grows ≤ ×${targets.perPageGrowth}`,
			measured: measured.join('; '),
			verdict: verdict(ok),
			note: notes.join('; '),
		});
	}
	const hundred = at(100);
	if (hundred) {
		const totals = hundred.firstSearch.map((s) => s.totalGzip);
		out.push({
			target: `First search at 100× (median of ${totals.length})`,
			limit: `≤ ${kb(targets.firstSearch100xBytes)}`,
			measured: totals.length > 0 ? kb(median(totals)) : 'not measured',
			verdict: totals.length > 0 ? verdict(median(totals) <= targets.firstSearch100xBytes) : 'n/a',
			note: totals.length > 0 ? `${within(totals, targets.firstSearch100xBytes)}; ${dominant(hundred.firstSearch)}` : '',
		});
	}
	return out;
}

const perPage = (scale: ScaleResult) => wallOf(scale) / (scale.output?.htmlPages ?? Number.NaN);
const shortName = (path: string) => path.split('/').pop() ?? path;

/** How many queries stay within a byte limit, and the worst one. */
function within(totals: ReadonlyArray<number>, limit: number): string {
	const inside = totals.filter((total) => total <= limit).length;
	return `${inside} of ${totals.length} queries within it, worst ${kb(Math.max(...totals))}`;
}

/** The biggest parts of the worst first search. */
function dominant(searches: ReadonlyArray<SearchBytes>): string {
	const worst = [...searches].sort((a, b) => b.totalGzip - a.totalGzip)[0];
	if (!worst) return '';
	const parts = searchGroups
		.map((group) => ({ group, gzip: worst.groups[group].gzip }))
		.filter((part) => part.gzip > 0)
		.sort((a, b) => b.gzip - a.gzip)
		.slice(0, 3)
		.map((part) => `${part.group} ${kb(part.gzip)}`);
	return `worst "${worst.query}": ${parts.join(', ')}`;
}

// ---------------------------------------------------------------------------------------------------------
// Report

function table(headers: string[], rows: string[][]): string {
	const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
	return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A plain-text table for the console. */
function textTable(headers: string[], rows: string[][]): string {
	// CJK characters take two columns in a terminal.
	const width = (s: string) => [...s].reduce((n, ch) => n + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);
	const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
	const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
	const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] ?? 0)).join('  ');
	return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function scaleRows(results: ScaleResult[]): string[][] {
	return results.map((r) => {
		const o = r.output;
		const fs = r.firstSearch.map((s) => s.totalGzip);
		return [
			`${r.factor}×`,
			String(r.rows),
			o ? String(o.htmlPages) : '—',
			Number.isFinite(wallOf(r)) ? `${seconds(wallOf(r))} (${r.builds.filter((b) => b.ok).map((b) => seconds(b.wallMs)).join(', ')})` : (r.errors[0]?.split('\n')[0] ?? 'failed'),
			seconds(cpuOf(r)),
			mb(Math.max(...r.builds.map((b) => b.peakTreeRssBytes))),
			o ? `${(perPage(r)).toFixed(1)}` : '—',
			o ? mb(o.pagefind.bytes) : '—',
			o ? `${mb(o.pagefind.index.bytes)} / ${o.pagefind.index.files}` : '—',
			o ? `${mb(o.pagefind.fragment.bytes)} / ${o.pagefind.fragment.files}` : '—',
			o ? `${kb(o.lookup.zh.gzip)} / ${o.lookup.zh.files} (${kb(o.lookup.zh.largestGzip)})` : '—',
			fs.length > 0 ? `${kb(median(fs))} / ${kb(Math.max(...fs))}` : '—',
			r.latency.length > 0 ? millis(medianOf(r.latency, (q) => q.firstMs)) : '—',
		];
	});
}
const scaleHeaders = [
	'Scale',
	'Rows',
	'HTML pages',
	'Build wall (median; runs)',
	'Build CPU',
	'Peak RSS',
	'ms/page',
	'Pagefind total',
	'Index chunks (size / files)',
	'Fragments (size / files)',
	'lookup/ gz (total / files (largest))',
	'First search gz (median / worst)',
	'Keystroke→results (median)',
];

function pageRows(pages: ReadonlyArray<PageWeight>): string[][] {
	return pages.map((p) => {
		const b = p.browser;
		return [
			p.path,
			`${kb(p.disk.html.gzip)} (${kb(p.disk.html.raw)} raw)`,
			`${kb(p.disk.css.gzip)} / ${p.disk.css.files}`,
			`${kb(p.disk.js.gzip)} / ${p.disk.js.files}`,
			kb(p.disk.html.gzip + p.disk.css.gzip + p.disk.js.gzip),
			`${kb(p.disk.lazyJs.gzip)}`,
			`${kb(b.byLoad.html.wire)} / ${kb(b.byLoad.css.wire)} / ${kb(b.byLoad.js.wire)}`,
			`${kb(b.afterLoad.wire)}`,
			kb(b.totalWire),
			kb(b.totalGzip),
			millis(b.loadMs),
		];
	});
}
const pageHeaders = [
	'Page',
	'HTML gz',
	'CSS gz / files',
	'JS gz / files (static imports)',
	'Static total gz',
	'Lazy JS gz (dynamic import)',
	'Chromium by load: HTML / CSS / JS (wire)',
	'Chromium after load (wire)',
	'Chromium total (wire)',
	'Chromium total (disk gzip)',
	'Load event',
];

function searchDetailRows(searches: ReadonlyArray<SearchBytes>): string[][] {
	return searches.map((s) => [
		s.query,
		...searchGroups.map((g) => (s.groups[g].files > 0 ? `${kb(s.groups[g].gzip)} (${s.groups[g].files})` : '—')),
		kb(s.totalGzip),
		kb(s.totalWire),
		millis(s.coldMs),
	]);
}
const searchDetailHeaders = ['Query', ...searchGroups, 'Total gz', 'Total wire', 'Cold: keystroke→results'];

function latencyRows(timings: ReadonlyArray<QueryTiming>): string[][] {
	return timings.map((q) => [
		q.query,
		millis(q.firstMs),
		Number.isFinite(q.exactMs) ? `${millis(q.exactMs)} (${q.exactCount})` : '— (0)',
		Number.isFinite(q.pagefindMs) ? `${millis(q.pagefindMs)} (${q.pagefindCount})` : 'timeout',
		kb(q.bytes),
	]);
}
const latencyHeaders = ['Query', 'First results', 'Exact list (hits)', 'Pagefind list (results)', 'Bytes loaded for it'];

function buildDetailRows(results: ScaleResult[]): string[][] {
	return results.flatMap((r) =>
		r.builds.map((b, i) => [
			`${r.factor}× run ${i + 1}`,
			b.ok ? 'ok' : 'failed',
			seconds(b.wallMs),
			seconds(b.cpuMs),
			seconds(b.phases.setupMs),
			seconds(b.phases.viteMs),
			seconds(b.phases.renderMs),
			seconds(b.phases.pagefindMs),
			mb(b.maxRssBytes),
			mb(b.peakTreeRssBytes),
			`${b.loadBefore.toFixed(1)} → ${b.loadAfter.toFixed(1)}`,
			`${b.sources.commit}${b.sources.modified > 0 ? ` +${b.sources.modified} modified` : ''} · ${b.sources.hash}`,
		]),
	);
}
const buildDetailHeaders = [
	'Build',
	'Result',
	'Wall',
	'CPU (user+sys)',
	'Setup + content sync',
	'Vite bundling',
	'Rendering pages',
	'Pagefind',
	'Max RSS (one process)',
	'Peak RSS (tree)',
	'Load avg (1 min) before → after',
	'Sources (commit · hash)',
];

function probeRows(results: ScaleResult[]): string[][] {
	return results
		.filter((r) => r.probe)
		.map((r) => {
			const p = r.probe as ProbeResult;
			return [
				`${r.factor}×`,
				String(p.rows),
				String(p.entryPages),
				seconds(p.loadMs),
				`${p.relatedMsPerPage.toFixed(2)} ms`,
				`${p.entryViewMsPerPage.toFixed(2)} ms`,
				seconds(p.entryPagesEstimateMs),
				millis(p.sectionRowsMs),
				millis(p.lookupMs),
			];
		});
}
const probeHeaders = [
	'Scale',
	'Rows',
	'Entry pages',
	'Load YAML + validate',
	'relatedRows per page',
	'entryView per page (incl. related)',
	'entryView × all entry pages',
	'sectionRows, all sections (1 lang)',
	'buildLookup (1 lang)',
];

function outputRows(results: ScaleResult[]): string[][] {
	return results
		.filter((r) => r.output)
		.map((r) => {
			const o = r.output as OutputStats;
			const pf = o.pagefind;
			return [
				`${r.factor}×`,
				`${mb(o.distBytes)} / ${o.distFiles}`,
				`${mb(pf.bytes)} / ${pf.files}`,
				`${mb(pf.index.bytes)} / ${pf.index.files}`,
				`${mb(pf.fragment.bytes)} / ${pf.fragment.files}`,
				`${kb(pf.wasm.bytes)} / ${pf.wasm.files}`,
				`${kb(pf.meta.bytes)} / ${pf.meta.files}`,
				`${kb(pf.other.bytes)} / ${pf.other.files}`,
				`${kb(o.lookup.zh.gzip)} / ${o.lookup.zh.files} (${kb(o.lookup.zh.largestGzip)})`,
				`${kb(o.lookup.en.gzip)} / ${o.lookup.en.files} (${kb(o.lookup.en.largestGzip)})`,
				`${kb(o.entryHtmlGzip.median)} / ${kb(o.entryHtmlGzip.max)} (${o.entryHtmlGzip.maxPath})`,
				`${o.largestSection.path}: ${kb(o.largestSection.raw)} → ${kb(o.largestSection.gzip)}`,
				`${kb(o.largestFragment.bytes)} (${kb(o.largestFragment.jsonBytes)} unpacked) ${o.largestFragment.url}`,
			];
		});
}
const outputHeaders = [
	'Scale',
	'Output (size / files)',
	'pagefind/ (size / files)',
	'index/',
	'fragment/',
	'wasm',
	'meta',
	'JS/CSS/other',
	'lookup/ zh gz (total / files (largest))',
	'en/lookup/',
	'Entry page HTML gz (median / max)',
	'Largest section page (raw → gz)',
	'Largest Pagefind fragment',
];

function firstSearchSummaryRows(results: ScaleResult[]): string[][] {
	return results
		.filter((r) => r.firstSearch.length > 0)
		.map((r) => {
			const worst = [...r.firstSearch].sort((a, b) => b.totalGzip - a.totalGzip)[0] as SearchBytes;
			const med = (g: (typeof searchGroups)[number]) => median(r.firstSearch.map((s) => s.groups[g].gzip));
			return [
				`${r.factor}×`,
				...searchGroups.map((g) => kb(med(g))),
				kb(median(r.firstSearch.map((s) => s.totalGzip))),
				`${kb(worst.totalGzip)} ("${worst.query}")`,
				`${shortName(worst.largest.path)} ${kb(worst.largest.gzip)}`,
				millis(medianOf(r.firstSearch, (s) => s.coldMs)),
			];
		});
}
const firstSearchSummaryHeaders = ['Scale', ...searchGroups.map((g) => `${g} (median)`), 'Total (median)', 'Worst', 'Largest file (worst)', 'Cold keystroke→results (median)'];

const NOTES_START = '<!-- notes:start -->';
const NOTES_END = '<!-- notes:end -->';

function markdown(m: Machine, results: ScaleResult[], checkList: Check[], options: Options, totalMs: number): string {
	let notes = `${NOTES_START}\n_(Findings written by hand go here; \`npm run bench\` keeps this block when it rewrites the page.)_\n${NOTES_END}`;
	if (existsSync(options.out)) {
		const previous = readFileSync(options.out, 'utf8');
		const start = previous.indexOf(NOTES_START);
		const end = previous.indexOf(NOTES_END);
		if (start >= 0 && end > start) notes = previous.slice(start, end + NOTES_END.length);
	}
	const one = results.find((r) => r.factor === 1);
	const parts: string[] = [];
	parts.push(`# Benchmarks

Measured by \`npm run bench\` (scripts/bench.ts) on ${m.date}; the whole run took ${seconds(totalMs)}.
Scales: ${results.map((r) => `${r.factor}×`).join(', ')}. This page is generated; only the findings block below is kept between runs.

## Machine

| | |
| --- | --- |
| Cores (\`nproc\`) | ${m.cores} |
| CPU | ${m.cpu} |
| Memory | ${m.memory} |
| OS | ${m.os} |
| Node | ${m.node} |
| Chromium | ${m.chromium} |
| Load average at start (1 / 5 / 15 min) | ${m.loadAtStart} |

Wall-clock times depend on what else runs on the machine: each build records the load average before and after,
and its CPU time (user + system of the whole process tree), which other work does not inflate. \`astro build\` is
mostly single-threaded, so on an otherwise idle machine its wall clock is close to its CPU time.

## Targets

${table(['Target', 'Limit', 'Measured', 'Verdict', 'Notes'], checkList.map((c) => [c.target, c.limit, c.measured, c.verdict, c.note]))}

## Findings

${notes}

## Scale summary

${table(scaleHeaders, scaleRows(results))}

Rows: table rows over all collections (the 1× site has ${one?.rows ?? '?'}). ms/page: build wall clock per HTML page.
First search: bytes (gzip) a fresh browser profile loads for its first search from the home page, over ${one?.firstSearch.length ?? 0} queries.

## Build

${table(buildDetailHeaders, buildDetailRows(results))}

Phases come from astro's log: setup (config, content sync: YAML parsing and validation, type generation), Vite bundling,
rendering every page, Pagefind indexing. The rest of the wall clock is process start-up, the sitemap and other integrations.

### Where rendering time goes (the site's own code, measured outside Astro on the same content)

${table(probeHeaders, probeRows(results))}

\`relatedRows\` (src/lib/related.ts, called by \`entryView\` for every entry page) and \`sectionRows\` are the site's own
per-page work. When their cost per page grows with the number of rows, the build grows with the square of the content;
"entryView × all entry pages" is that work's share of "Rendering pages" above.

### Output

${table(outputHeaders, outputRows(results))}

Sizes on disk (MB = 10⁶ bytes). Pagefind's index, fragment, meta and wasm files are stored gzipped: their size on disk is what a
server sends when it does not compress them again (\`astro preview\` does, so its "wire" figures can be smaller for large fragments).

## Page weight (first visit, fonts and images aside)

`);
	for (const r of results.filter((x) => x.pages.length > 0)) {
		parts.push(`### ${r.factor}×\n\n${table(pageHeaders, pageRows(r.pages))}\n`);
	}
	parts.push(`"Static" columns: the HTML plus the stylesheets (\`<link rel=stylesheet>\`, print CSS included) and scripts
(\`<script src>\`, inline module scripts, and their static imports, followed recursively) it references, gzip level 6 from disk.
"Lazy JS" is what those scripts load with a literal dynamic \`import()\` (the search UI, which Starlight's search loads when the browser is idle after load).
Chromium columns: a real page load in a fresh profile until the network is idle; "wire" is what \`astro preview\` sent (it gzips),
"after load" is what arrived after the load event (the search UI). The entry-page target is checked against the Chromium total (disk gzip).

## First search

A fresh browser profile opens the home page, waits for the network to be idle, opens the search dialog and types the query
(50 ms between keys). Everything the search loads is counted, including the Pagefind UI bundle that Starlight loads when the
browser is idle (it is loaded only for search): ${searchGroups.map((g) => `\`${g}\` = ${searchGroupLabels[g]}`).join('; ')}.

${table(firstSearchSummaryHeaders, firstSearchSummaryRows(results))}
`);
	for (const r of results.filter((x) => x.firstSearch.length > 0)) {
		parts.push(`<details><summary>${r.factor}×: every query (gzip KB, files)</summary>\n\n${table(searchDetailHeaders, searchDetailRows(r.firstSearch))}\n\n</details>\n`);
	}
	parts.push(`## Search latency (index loaded)

One page: a warm-up search ("kubelet") loads the UI, pagefind.js, the wasm, the index meta and the lookup files it needs; then each
query is typed after clearing the box. Time runs from the input event of the last keystroke to the moment the results for
the full query are in the DOM: the exact-lookup list (\`.atlas-exact\`, rendered on every keystroke; 100 ms after it when it
needs lookup files not loaded yet) or Pagefind's list with its
first result's title (Pagefind UI waits 300 ms after the last keystroke before it searches). "First results" is the earlier.
New index chunks and fragments a query needs are loaded within the measured time.
`);
	for (const r of results.filter((x) => x.latency.length > 0)) {
		parts.push(`### ${r.factor}×: median ${millis(medianOf(r.latency, (q) => q.firstMs))} to first results (exact ${millis(medianOf(r.latency, (q) => q.exactMs))}, Pagefind ${millis(medianOf(r.latency, (q) => q.pagefindMs))})

${table(latencyHeaders, latencyRows(r.latency))}
`);
	}
	parts.push(`## Scale test: synthetic content

For N×, every row collection's entries are cloned N−1 times next to the originals, into a temporary folder outside the repository,
and the site is built with \`ATLAS_CONTENT_DIR\` pointing at it. Clone k re-roots every source path under \`xk/\`
(\`pkg/scheduler/\` → \`x3/pkg/scheduler/\`; Go import paths become \`k8s.io/x3-apiserver/…\`), so ids stay derived
from paths (\`toEntryId\`), staging modules become \`k8s.io/<name>-xk\`, other ids get a \`-xk\` suffix, and a clone's
components point at the same clone's packages. \`sections.yaml\`, \`snippets.yaml\` and \`prose-errata.yaml\` are unchanged,
so the section tables grow N× longer. The texts are copies: the search index gets N× the postings but little new vocabulary.
Each scale builds with its own Astro cache folder (a wrapper config sets \`cacheDir\`), cold.

${results
	.filter((r) => r.factor > 1)
	.map((r) => `- ${r.factor}×: ${Object.entries(r.entries).map(([k, v]) => `${k} ${v}`).join(', ')}; generated in ${seconds(r.synthMs)}.`)
	.join('\n')}

## Reproduce

\`\`\`sh
npm run bench                     # 1×, 10× and 100×; writes this page
npm run bench -- --scale 1,10     # skip 100× (prints only; add --write to update this page)
npm run bench -- --quick          # 1× only, one build, ${quickQueries.length} queries
\`\`\`

Other options: \`--runs N\` (builds per scale; default 2, 1 at 100×), \`--keep\` (keep the temporary folder with the
builds, content and logs; its results.json can be re-rendered with \`--from-results FILE --write\`), \`--build-timeout MIN\`,
\`--verbose\` (echo astro's log), \`--out FILE\`.
Builds go to a temporary folder (never \`dist/\`), are served with \`astro preview\` on a free port, and are measured with
Chromium (\`/usr/bin/chromium\`, or \`CHROME_PATH\`) through playwright-core.
`);
	const errors = results.flatMap((r) => r.errors.map((e) => `- ${r.factor}×: ${e.split('\n')[0]}`));
	const drift = sourceDrift(results);
	if (drift) errors.push(`- ${drift}`);
	if (errors.length > 0) parts.push(`## Problems during the run\n\n${errors.join('\n')}\n`);
	return `${parts.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** A warning when the builds of one run saw different sources (the tree was edited while the benchmark ran). */
function sourceDrift(results: ReadonlyArray<ScaleResult>): string | undefined {
	const builds = results.flatMap((r) => r.builds.map((b) => ({ label: `${r.factor}×`, hash: b.sources.hash, commit: b.sources.commit })));
	const hashes = [...new Set(builds.map((b) => b.hash))];
	if (hashes.length <= 1) return undefined;
	const groups = hashes.map((hash) => `${hash} (${[...new Set(builds.filter((b) => b.hash === hash).map((b) => `${b.label} @${b.commit}`))].join(', ')})`);
	return `the site's sources changed while the benchmark ran: builds saw ${hashes.length} different trees: ${groups.join('; ')}`;
}

function printSummary(m: Machine, results: ScaleResult[], checkList: Check[]): void {
	console.log(`\nMachine: ${m.cores} cores, ${m.cpu}, ${m.memory}, Node ${m.node}, ${m.chromium}, load at start ${m.loadAtStart}`);
	console.log(`\nTargets\n${textTable(['Target', 'Limit', 'Measured', 'Verdict'], checkList.map((c) => [c.target, c.limit, c.measured, c.verdict]))}`);
	for (const c of checkList.filter((c) => c.note)) console.log(`  · ${c.target}: ${c.note}`);
	console.log(`\nScales\n${textTable(scaleHeaders, scaleRows(results))}`);
	console.log(`\nBuild phases\n${textTable(buildDetailHeaders, buildDetailRows(results))}`);
	if (results.some((r) => r.probe)) console.log(`\nSite code per page (outside Astro)\n${textTable(probeHeaders, probeRows(results))}`);
	if (results.some((r) => r.output)) console.log(`\nOutput\n${textTable(outputHeaders, outputRows(results))}`);
	for (const r of results.filter((x) => x.pages.length > 0)) {
		console.log(`\nPage weight ${r.factor}×\n${textTable(pageHeaders, pageRows(r.pages))}`);
	}
	if (results.some((r) => r.firstSearch.length > 0)) console.log(`\nFirst search (gzip)\n${textTable(firstSearchSummaryHeaders, firstSearchSummaryRows(results))}`);
	for (const r of results.filter((x) => x.latency.length > 0)) {
		console.log(`\nSearch latency ${r.factor}×\n${textTable(latencyHeaders, latencyRows(r.latency))}`);
	}
	const errors = results.flatMap((r) => r.errors.map((e) => `${r.factor}×: ${e}`));
	const drift = sourceDrift(results);
	if (drift) errors.push(drift);
	if (errors.length > 0) console.log(`\nProblems:\n${errors.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------------------

/** Prints and (with --write) writes the report of an earlier run's results.json. */
function rerender(options: Options, file: string): void {
	const saved = JSON.parse(readFileSync(file, 'utf8')) as { machine: Machine; results: ScaleResult[]; totalMs?: number };
	const checkList = checks(saved.results, saved.machine.cores);
	printSummary(saved.machine, saved.results, checkList);
	if (options.write || process.argv.includes('--write')) {
		writeFileSync(options.out, markdown(saved.machine, saved.results, checkList, options, saved.totalMs ?? Number.NaN));
		console.log(`\nwrote ${relative(root, options.out)}`);
	}
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	if (options.fromResults) {
		rerender(options, resolve(options.fromResults));
		return;
	}
	const started = performance.now();
	const m = machine();
	const workRoot = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
	log(`benchmark: scales ${options.scales.map((s) => `${s}×`).join(', ')}; work folder ${workRoot}`);
	const browserRef: { browser?: Browser } = {};
	const results: ScaleResult[] = [];
	const onSignal = () => {
		stopAll();
		process.exit(130);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	try {
		for (const factor of options.scales) {
			const result = await runScale(factor, options, workRoot, browserRef);
			results.push(result);
			writeFileSync(join(workRoot, 'results.json'), JSON.stringify({ machine: m, results }, null, '\t'));
		}
		m.chromium = browserRef.browser ? `Chromium ${browserRef.browser.version()}` : 'n/a';
	} finally {
		await browserRef.browser?.close();
		stopAll();
	}
	const totalMs = performance.now() - started;
	const checkList = checks(results, m.cores);
	printSummary(m, results, checkList);
	writeFileSync(join(workRoot, 'results.json'), JSON.stringify({ machine: m, results, checks: checkList, totalMs }, null, '\t'));
	if (options.write) {
		writeFileSync(options.out, markdown(m, results, checkList, options, totalMs));
		console.log(`\nwrote ${relative(root, options.out)}`);
	} else {
		console.log(`\n(not written to ${relative(root, options.out)}: pass --write)`);
	}
	if (options.keep) console.log(`kept ${workRoot} (results.json, builds, logs)`);
	else {
		rmSync(workRoot, { recursive: true, force: true });
		console.log(`removed ${workRoot}`);
	}
}

await main();
