// Small helpers of the benchmark (scripts/bench.ts): statistics, sizes, processes, files.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { astroEnv as childEnv } from '../lib/local-server.ts';

export { freePort, waitForUrl } from '../lib/local-server.ts';

/** The astro child environment (see scripts/lib/local-server.ts); the content folder is the bench's to choose. */
export function astroEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	return childEnv({ ATLAS_CONTENT_DIR: undefined, ...extra });
}

export function median(values: ReadonlyArray<number>): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: ReadonlyArray<number>, p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index] ?? Number.NaN;
}

export function sum(values: ReadonlyArray<number>): number {
	return values.reduce((total, value) => total + value, 0);
}

/** `12.3 KB` (1 KB = 1000 bytes, as the targets are written). */
export function kb(bytes: number): string {
	if (!Number.isFinite(bytes)) return 'n/a';
	if (bytes >= 10_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
	return `${(bytes / 1000).toFixed(1)} KB`;
}

export function mb(bytes: number): string {
	return Number.isFinite(bytes) ? `${(bytes / 1_000_000).toFixed(1)} MB` : 'n/a';
}

export function seconds(ms: number): string {
	if (!Number.isFinite(ms)) return 'n/a';
	if (ms >= 120_000) return `${(ms / 60_000).toFixed(1)} min`;
	return `${(ms / 1000).toFixed(1)} s`;
}

export function millis(ms: number): string {
	return Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'n/a';
}

const gzipCache = new Map<string, { raw: number; gzip: number }>();

/**
 * Raw and gzip size of a file on disk (zlib level 6, what servers typically use). Pagefind's index,
 * fragment, meta and wasm files are stored gzipped already: for them the gzip size is the raw size.
 */
export function fileSizes(path: string): { raw: number; gzip: number } {
	const cached = gzipCache.get(path);
	if (cached) return cached;
	const data = readFileSync(path);
	const precompressed = data[0] === 0x1f && data[1] === 0x8b;
	const gzip = precompressed ? data.length : Math.min(data.length, gzipSync(data, { level: 6 }).length);
	const sizes = { raw: data.length, gzip };
	gzipCache.set(path, sizes);
	return sizes;
}

/** Every file under a folder (recursive), as paths relative to it. */
export function listFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (current: string) => {
		for (const entry of readdirSync(current, { withFileTypes: true })) {
			const path = join(current, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.isFile()) out.push(relative(dir, path));
		}
	};
	walk(dir);
	return out;
}

export function dirBytes(dir: string): { files: number; bytes: number } {
	const files = listFiles(dir);
	return { files: files.length, bytes: sum(files.map((file) => statSync(join(dir, file)).size)) };
}



/** Resident memory (bytes) of a process and all its descendants, read from /proc (Linux). */
function treeRss(rootPid: number): number {
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	let entries: string[];
	try {
		entries = readdirSync('/proc');
	} catch {
		return 0;
	}
	for (const name of entries) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// Fields after the command name (which may contain spaces): state ppid ... rss is field 24.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const pid = Number(name);
			const ppid = Number(fields[1]);
			const pages = Number(fields[21]);
			rss.set(pid, pages * 4096);
			const list = children.get(ppid) ?? [];
			list.push(pid);
			children.set(ppid, list);
		} catch {
			// the process ended while we looked
		}
	}
	let total = 0;
	const stack = [rootPid];
	while (stack.length > 0) {
		const pid = stack.pop() as number;
		total += rss.get(pid) ?? 0;
		stack.push(...(children.get(pid) ?? []));
	}
	return total;
}

export interface TimedRun {
	code: number | null;
	timedOut: boolean;
	wallMs: number;
	peakRssBytes: number;
	output: string;
}

/** Processes this script started and still runs (each the leader of its own process group). */
const running = new Set<ChildProcess>();

/** Stops every process this script started (by process group id, never by name): on exit or Ctrl-C. */
export function stopAll(): void {
	for (const child of running) stopDetached(child);
}

/**
 * Runs a command to its end in its own process group; measures wall clock and the peak resident memory
 * of its process tree. With a timeout, the whole group is stopped when it runs longer.
 */
export function runTimed(
	command: string,
	args: ReadonlyArray<string>,
	options: { cwd: string; env: NodeJS.ProcessEnv; logPrefix?: string; echo?: boolean; timeoutMs?: number },
): Promise<TimedRun> {
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		running.add(child);
		const chunks: string[] = [];
		let peak = 0;
		let timedOut = false;
		const poll = setInterval(() => {
			if (child.pid) peak = Math.max(peak, treeRss(child.pid));
		}, 250);
		const timer =
			options.timeoutMs && options.timeoutMs > 0
				? setTimeout(() => {
						timedOut = true;
						stopDetached(child);
					}, options.timeoutMs)
				: undefined;
		let pending = '';
		const onData = (data: Buffer) => {
			const text = data.toString();
			chunks.push(text);
			if (!options.echo) return;
			const lines = (pending + text).split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) {
				// Astro lists every generated page: too much to echo at 100×.
				if (line.trim() === '' || /[├└]─/.test(line)) continue;
				process.stdout.write(`${options.logPrefix ?? ''}${line}\n`);
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		const finish = () => {
			clearInterval(poll);
			if (timer) clearTimeout(timer);
			running.delete(child);
		};
		child.on('error', (error) => {
			finish();
			reject(error);
		});
		child.on('close', (code) => {
			finish();
			resolve({ code, timedOut, wallMs: performance.now() - start, peakRssBytes: peak, output: chunks.join('') });
		});
	});
}

/** Starts a long-running process in its own process group (so it can be stopped with its children). */
export function startDetached(
	command: string,
	args: ReadonlyArray<string>,
	cwd: string,
	env: NodeJS.ProcessEnv,
	logFile?: string,
): ChildProcess {
	const out = logFile ? openSync(logFile, 'a') : 'ignore';
	const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out], detached: true });
	if (typeof out === 'number') closeSync(out);
	running.add(child);
	child.on('exit', () => running.delete(child));
	return child;
}

/** Stops a process started with startDetached, and its children (by process group id, never by name). */
export function stopDetached(child: ChildProcess): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {
		// already gone
	}
}

