// Checks the content's source references (paths, Go symbols, line numbers) against a Kubernetes v1.32.0 tree:
// either the partial facts of a data folder (`dataTree`, like ../shared/k8s-v1.32.0) or a kubernetes clone at the
// `v1.32.0` tag (`gitTree`). The checking logic is pure; the two tree builders only read the folder or repository
// they are given. The CLI is scripts/verify-sources.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceRef } from '../schemas/common.ts';
import type { AnyRow } from './atlas.ts';
import { sourceRefsOf } from './atlas.ts';
import { collectionFiles } from './collections.ts';

/** The tag every reference is checked at. */
export const TAG = 'v1.32.0';
/** Upstream commit of the v1.32.0 tag (the `gitCommit` of the v1.32.0 binaries). */
export const UPSTREAM_COMMIT = '70d3cc986aa8221cd1dfb1121852688902d3bf53';
/** Everything under this folder is listed exactly by the data folder's staging-tree.txt / staging-dirs.txt. */
export const STAGING_ROOT = 'staging/src/k8s.io';

/** How exactly a tree knows a fact: `A` exact v1.32.0, `A2` exact v1.32.2 (see shared/k8s-v1.32.0/README.md). */
export type Level = 'A' | 'A2';

/** Whether a tree can speak about a path, and how exactly. */
export type Coverage = { level: Level; basis: string } | { level: undefined; reason: string };

/** What a tree knows about a Go symbol in a file (or in the Go files directly inside a folder). */
export type SymbolLookup =
	/** Defined there; `lines` are its definition lines (empty when the tree knows it exists but not where). */
	| { found: true; level: Level; lines: number[] }
	/** The tree is authoritative and the symbol is not defined there. */
	| { found: false; level: Level; detail?: string }
	/** The tree cannot say. */
	| { found: undefined; reason: string };

/** A Kubernetes tree at v1.32.0 as far as some source knows it. Paths are repository paths without a trailing `/`. */
export interface SourceTree {
	/** Human description (shown in the CLI header). */
	readonly description: string;
	/** True when every answer is exact at v1.32.0 (a clone); false for partial data with A2 facts. */
	readonly exact: boolean;
	/** Whether the tree can speak about `path` (its existence and kind), and how exactly. */
	coverage(path: string): Coverage;
	/** Whether `path` is a file at v1.32.0; `undefined` when the tree cannot say. */
	hasFile(path: string): boolean | undefined;
	/** Whether `path` is a folder at v1.32.0; `undefined` when the tree cannot say. */
	hasDir(path: string): boolean | undefined;
	/** Definition lines of Go symbol `name` (`Name` or `Type.Member`) in the file (or folder) `path`. */
	findSymbol(name: string, path: string): SymbolLookup;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** `a/b/` → `a/b`. */
export function stripSlash(path: string): string {
	return path.replace(/\/+$/, '');
}

/** Every proper ancestor folder of a path (`a/b/c` → `a`, `a/b`). */
function ancestors(path: string): string[] {
	const parts = stripSlash(path).split('/');
	return parts.slice(0, -1).map((_, index) => parts.slice(0, index + 1).join('/'));
}

/** Whether `path` is `folder` or lies inside it. */
function within(path: string, folder: string): boolean {
	return path === folder || path.startsWith(`${folder}/`);
}

/** Whether a path is under the staging root (listed exactly by the data folder), including the root's ancestors. */
export function isStagingPath(path: string): boolean {
	const bare = stripSlash(path);
	return within(bare, STAGING_ROOT) || STAGING_ROOT.startsWith(`${bare}/`);
}

/** Weakest level of an evidence text such as `A`, `A2`, `A/K`, `B/K`, `-`; `undefined` when any part is B, K or unknown. */
export function evidenceLevel(evidence: string): Level | undefined {
	const parts = evidence
		.split('/')
		.map((part) => part.trim())
		.filter(Boolean);
	if (parts.length === 0 || parts.some((part) => part !== 'A' && part !== 'A2')) return undefined;
	return parts.includes('A2') ? 'A2' : 'A';
}

function tsvRows(text: string): string[][] {
	return text
		.split('\n')
		.map((line) => line.replace(/\r$/, ''))
		.filter((line) => line.trim() !== '')
		.map((line) => line.split('\t'));
}

function lineList(text: string): string[] {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
}

const sortedUnique = (values: number[]): number[] => [...new Set(values)].sort((a, b) => a - b);

// ---------------------------------------------------------------------------------------------------------------
// Go definitions (used on `git grep -n` output or on a whole file)

/** A numbered source line. */
export interface NumberedLine {
	line: number;
	text: string;
}

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';

/** The receiver's type name: `s *Set[T]` → `Set`. */
function receiverType(receiver: string): string | undefined {
	return new RegExp(`^\\s*(?:${IDENT}\\s+)?\\*?\\s*(${IDENT})`).exec(receiver)?.[1];
}

/**
 * Definition lines of a Go symbol, given the file's lines in order. The lines may be a subset, as long as they
 * include every top-level line (anything starting in column 0 other than a comment) and every line indented by one
 * tab that starts with the symbol's (last) name: that is what `gitTree` asks `git grep -n` for.
 *
 * `Name` matches `func Name(`, `func (recv) Name(`, `type Name …`, a type, const or var in a group, a method spec
 * `\tName(` in an `interface {`, and `const/var Name`. `Type.Member` matches `func (recv *Type) Member(`, a method
 * spec `\tMember(` in `type Type interface {` and a field `\tMember …` in `type Type struct {`.
 */
export function goDefinitionLines(lines: readonly NumberedLine[], symbol: string): number[] {
	const parts = symbol.split('.');
	const member = parts.at(-1) ?? symbol;
	const owner = parts.length > 1 ? parts.at(-2) : undefined;
	type Context = { kind: 'none' | 'func' | 'interface' | 'struct' | 'typeGroup' | 'valueGroup'; owner?: string };
	let context: Context = { kind: 'none' };
	const found: number[] = [];
	const funcRe = new RegExp(`^func\\s*(?:\\(([^)]*)\\)\\s*)?(${IDENT})\\s*[[(]`);
	const typeRe = new RegExp(`^type\\s+(${IDENT})(.*)$`);
	const valueRe = new RegExp(`^(?:const|var)\\s+(${IDENT}(?:\\s*,\\s*${IDENT})*)`);
	const memberRe = new RegExp(`^\\t(${IDENT})(.*)$`);
	for (const { line, text } of lines) {
		if (text === '' || /^\s/.test(text)) {
			if (!text.startsWith('\t') || text.startsWith('\t\t')) continue;
			const match = memberRe.exec(text);
			if (!match || match[1] !== member) continue;
			const rest = match[2] ?? '';
			switch (context.kind) {
				case 'interface':
					if (/^\s*\(/.test(rest) && (owner === undefined || owner === context.owner)) found.push(line);
					break;
				case 'struct':
					if (owner !== undefined && owner === context.owner && /^\s+\S/.test(rest)) found.push(line);
					break;
				case 'typeGroup':
					if (owner === undefined && /^(\[|\s+\S)/.test(rest)) found.push(line);
					break;
				case 'valueGroup':
					if (owner === undefined && /^(\s|,|$)/.test(rest)) found.push(line);
					break;
				default:
					break;
			}
			continue;
		}
		if (text.startsWith('//')) continue;
		const func = funcRe.exec(text);
		if (func) {
			const receiver = func[1];
			if (func[2] === member) {
				if (owner === undefined || (receiver !== undefined && receiverType(receiver) === owner)) found.push(line);
			}
			context = { kind: 'func' };
			continue;
		}
		const type = typeRe.exec(text);
		if (type) {
			const name = type[1] ?? '';
			if (owner === undefined && name === member) found.push(line);
			const rest = (type[2] ?? '').replace(/^\[[^\]]*\]/, '').replace(/\/\/.*$/, '').trim();
			const opens = rest.endsWith('{') && !rest.includes('}');
			context = opens && /^interface\b/.test(rest)
				? { kind: 'interface', owner: name }
				: opens && /^struct\b/.test(rest)
					? { kind: 'struct', owner: name }
					: { kind: 'none' };
			continue;
		}
		if (/^type\s*\(\s*$/.test(text)) {
			context = { kind: 'typeGroup' };
			continue;
		}
		if (/^(?:const|var)\s*\(\s*$/.test(text)) {
			context = { kind: 'valueGroup' };
			continue;
		}
		const value = valueRe.exec(text);
		if (value && owner === undefined && (value[1] ?? '').split(/\s*,\s*/).includes(member)) found.push(line);
		context = { kind: 'none' };
	}
	return sortedUnique(found);
}

// ---------------------------------------------------------------------------------------------------------------
// Data folder tree

/** The data files of a folder like ../shared/k8s-v1.32.0 (their text). */
export interface DataFiles {
	stagingTree: string;
	stagingDirs: string;
	seedPaths: string;
	symbols: string;
	symbolsMainTree: string;
	/** Optional: seed names that do not exist under the stated name or location. */
	symbolsNotFound?: string;
}

/** File names of the data folder. */
export const dataFileNames = {
	stagingTree: 'staging-tree.txt',
	stagingDirs: 'staging-dirs.txt',
	seedPaths: 'seed-paths.tsv',
	symbols: 'symbols.tsv',
	symbolsMainTree: 'symbols-main-tree.tsv',
	symbolsNotFound: 'symbols-not-found.tsv',
} as const satisfies Record<keyof DataFiles, string>;

/** One fact the data gives about a main-tree path. */
interface PathFact {
	exists: boolean;
	kind: 'file' | 'dir';
	level: Level | undefined;
	basis: string;
}

interface NotFoundRow {
	name: string;
	location: string;
	status: string;
	actual: string;
	level: Level | undefined;
	basis: string;
}

/** Reads a data folder like ../shared/k8s-v1.32.0 and returns its tree. */
export function dataTree(folder: string): SourceTree {
	const read = (name: string) => readFileSync(join(folder, name), 'utf8');
	let symbolsNotFound: string | undefined;
	try {
		symbolsNotFound = read(dataFileNames.symbolsNotFound);
	} catch {
		symbolsNotFound = undefined;
	}
	return dataTreeFromFiles(
		{
			stagingTree: read(dataFileNames.stagingTree),
			stagingDirs: read(dataFileNames.stagingDirs),
			seedPaths: read(dataFileNames.seedPaths),
			symbols: read(dataFileNames.symbols),
			symbolsMainTree: read(dataFileNames.symbolsMainTree),
			...(symbolsNotFound === undefined ? {} : { symbolsNotFound }),
		},
		`data folder ${folder}`,
	);
}

/**
 * The tree a data folder describes:
 * - under `staging/src/k8s.io/` (and its ancestors) staging-tree.txt and staging-dirs.txt are exact (A): a path absent
 *   there does not exist;
 * - elsewhere (the main tree) seed-paths.tsv gives Y/N/? with an evidence level, and symbols-main-tree.tsv's A2 rows
 *   name files that exist at v1.32.2; folders above an existing path exist, paths below a missing folder are missing,
 *   each at the level of the fact they come from. Only A and A2 facts count: B, K and `?` leave the path unverifiable;
 * - symbols.tsv gives exact (A) definition lines in staging, symbols-main-tree.tsv A2 lines (its B and K rows give a
 *   path but no line, so they leave the symbol unverifiable), and symbols-not-found.tsv names seed symbols that do
 *   not exist where the seed put them.
 */
export function dataTreeFromFiles(files: DataFiles, description = 'data folder'): SourceTree {
	const stagingFiles = new Set(lineList(files.stagingTree).map(stripSlash));
	const stagingDirs = new Set(lineList(files.stagingDirs).map(stripSlash));
	for (const file of stagingFiles) for (const dir of ancestors(file)) stagingDirs.add(dir);

	// Main-tree facts by path.
	const facts = new Map<string, PathFact[]>();
	const addFact = (path: string, fact: PathFact) => {
		const list = facts.get(path) ?? [];
		list.push(fact);
		facts.set(path, list);
	};
	const seedRows = tsvRows(files.seedPaths).filter((row) => row[0] !== 'path_as_in_seed');
	for (const [rawPath = '', answer = '', evidence = '', note = ''] of seedRows) {
		const path = stripSlash(rawPath.trim());
		if (path === '' || isStagingPath(path)) continue;
		const last = path.split('/').at(-1) ?? '';
		// seed-paths.tsv writes most folders with a trailing slash; a bare name without an extension is a folder too.
		const kind = rawPath.trim().endsWith('/') || !last.includes('.') ? 'dir' : 'file';
		const basis = `seed-paths.tsv: ${rawPath.trim()} ${answer} (${evidence})${note ? `: ${note}` : ''}`;
		const level = evidenceLevel(evidence);
		if (answer === 'Y') addFact(path, { exists: true, kind, level, basis });
		else if (answer === 'N') addFact(path, { exists: false, kind, level, basis });
		// `?`: not checked, no fact.
	}

	// Symbols.
	const symbolLines = new Map<string, { level: Level; lines: number[] }>();
	const weakSymbols = new Map<string, string>();
	const key = (name: string, path: string) => `${name}\u0000${stripSlash(path)}`;
	for (const [name = '', , path = '', line = ''] of tsvRows(files.symbols)) {
		const number = Number.parseInt(line, 10);
		if (!name || !path || !Number.isInteger(number)) continue;
		const entry = symbolLines.get(key(name, path)) ?? { level: 'A' as const, lines: [] };
		entry.lines.push(number);
		symbolLines.set(key(name, path), entry);
	}
	const mainRows = tsvRows(files.symbolsMainTree).filter((row) => row[0] !== 'name');
	for (const [name = '', , path = '', line = '', basis = ''] of mainRows) {
		if (!name || !path) continue;
		const level = evidenceLevel(basis.split(':')[0] ?? '');
		const number = Number.parseInt(line, 10);
		if (level !== undefined && Number.isInteger(number)) {
			const entry = symbolLines.get(key(name, path)) ?? { level, lines: [] };
			entry.lines.push(number);
			symbolLines.set(key(name, path), entry);
			if (!isStagingPath(path)) {
				const basisText = `symbols-main-tree.tsv: ${name} in ${path} (${level})`;
				addFact(stripSlash(path), { exists: true, kind: 'file', level, basis: basisText });
			}
		} else {
			weakSymbols.set(key(name, path), basis.trim() || 'no basis');
		}
	}
	const notFound: NotFoundRow[] = [];
	for (const [seedNames = '', location = '', status = '', actual = '', basis = ''] of tsvRows(files.symbolsNotFound ?? '')) {
		if (seedNames === 'seed_name') continue;
		for (const part of seedNames.split(',')) {
			const qualifier = /\(([^)]*)\)/.exec(part)?.[1]?.trim() ?? '';
			// "(as interface)" restricts the claim to one kind of definition: not checkable by name and path.
			if (qualifier.startsWith('as ')) continue;
			const name = new RegExp(`^\\s*(${IDENT})`).exec(part)?.[1];
			if (!name) continue;
			notFound.push({ name, location: location.trim(), status, actual, level: evidenceLevel(basis), basis });
		}
	}

	// Derived facts: folders above an existing path exist; paths below a missing folder are missing.
	const existing = [...facts.entries()].flatMap(([path, list]) => list.filter((f) => f.exists).map((f) => ({ path, fact: f })));
	const missingDirs = [...facts.entries()].flatMap(([path, list]) =>
		list.filter((f) => !f.exists && f.kind === 'dir').map((f) => ({ path, fact: f })),
	);

	const mainFact = (path: string): PathFact | undefined => {
		const candidates: PathFact[] = [...(facts.get(path) ?? [])];
		for (const { path: known, fact } of existing) {
			if (known.startsWith(`${path}/`)) {
				candidates.push({ exists: true, kind: 'dir', level: fact.level, basis: `folder of ${known} (${fact.basis})` });
			}
		}
		for (const { path: gone, fact } of missingDirs) {
			if (path.startsWith(`${gone}/`)) {
				candidates.push({ exists: false, kind: fact.kind, level: fact.level, basis: `inside ${gone}/ (${fact.basis})` });
			}
		}
		if (candidates.length === 0) return undefined;
		// Strongest level wins; among equals, a fact about the path itself comes first.
		const rank = (fact: PathFact) => (fact.level === 'A' ? 0 : fact.level === 'A2' ? 1 : 2);
		return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
	};

	const tree: SourceTree = {
		description,
		exact: false,
		coverage(path) {
			const bare = stripSlash(path);
			if (isStagingPath(bare)) return { level: 'A', basis: 'staging-tree.txt / staging-dirs.txt (exact v1.32.0)' };
			const fact = mainFact(bare);
			if (fact === undefined) return { level: undefined, reason: 'the data folder has no facts about this main-tree path' };
			if (fact.level === undefined) return { level: undefined, reason: `only B/K/unchecked evidence: ${fact.basis}` };
			return { level: fact.level, basis: fact.basis };
		},
		hasFile(path) {
			const bare = stripSlash(path);
			if (isStagingPath(bare)) return stagingFiles.has(bare);
			const fact = mainFact(bare);
			if (fact?.level === undefined) return undefined;
			return fact.exists && fact.kind === 'file';
		},
		hasDir(path) {
			const bare = stripSlash(path);
			if (isStagingPath(bare)) return stagingDirs.has(bare);
			const fact = mainFact(bare);
			if (fact?.level === undefined) return undefined;
			return fact.exists && fact.kind === 'dir';
		},
		findSymbol(name, path) {
			const bare = stripSlash(path);
			const known = symbolLines.get(key(name, bare));
			if (known) return { found: true, level: known.level, lines: sortedUnique(known.lines) };
			const miss = notFound.find((row) => {
				const location = stripSlash(row.location);
				return row.name === name && (row.location.endsWith('/') ? within(bare, location) : bare === location);
			});
			if (miss) {
				const detail = `symbols-not-found.tsv: ${miss.status}; actual: ${miss.actual} (${miss.basis})`;
				if (miss.level !== undefined) return { found: false, level: miss.level, detail };
				return { found: undefined, reason: detail };
			}
			const weak = weakSymbols.get(key(name, bare));
			if (weak !== undefined) return { found: undefined, reason: `symbols-main-tree.tsv gives no line: ${weak}` };
			return { found: undefined, reason: `the data folder has no row for ${name} in ${bare}` };
		},
	};
	return tree;
}

// ---------------------------------------------------------------------------------------------------------------
// Git tree

/** Runs git with arguments in a repository; returns the exit status and standard output. */
export type GitRunner = (args: string[]) => { status: number; stdout: string; stderr?: string };

/** A runner for `git -C repoDir …` (ignores GIT_DIR and similar variables of the calling environment). */
export function gitRunner(repoDir: string): GitRunner {
	const env = { ...process.env };
	for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_NAMESPACE']) delete env[name];
	return (args) => {
		const result = spawnSync('git', ['-C', repoDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env });
		if (result.error) throw result.error;
		return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
	};
}

/** A kubernetes clone at the `v1.32.0` tag: authoritative (A) for every path and symbol. */
export function gitTree(repoDir: string): SourceTree & { commit: string } {
	return gitTreeFromRunner(gitRunner(repoDir), `git ${repoDir}`);
}

/** Escapes a string for a POSIX extended regular expression. */
function ereEscape(text: string): string {
	return text.replace(/[\\.^$|?*+()[\]{}]/g, '\\$&');
}

/**
 * The tree at `v1.32.0` of the repository `run` works in: files from `git ls-tree -r --name-only v1.32.0`, symbol
 * definitions from `git grep -n v1.32.0` (top-level lines plus one-tab lines starting with the name, read by
 * `goDefinitionLines`).
 */
export function gitTreeFromRunner(run: GitRunner, description = 'git repository'): SourceTree & { commit: string } {
	if (run(['rev-parse', '--git-dir']).status !== 0) throw new Error(`${description}: not a git repository`);
	const rev = run(['rev-parse', '--verify', '--quiet', `${TAG}^{commit}`]);
	if (rev.status !== 0) throw new Error(`${description}: no ${TAG} tag (git fetch --tags, or clone kubernetes/kubernetes)`);
	const commit = rev.stdout.trim();
	const listing = run(['ls-tree', '-r', '-z', '--name-only', TAG]);
	if (listing.status !== 0) throw new Error(`${description}: git ls-tree failed: ${listing.stderr ?? ''}`.trim());
	const files = new Set(listing.stdout.split('\0').filter(Boolean));
	const dirs = new Set<string>();
	for (const file of files) for (const dir of ancestors(file)) dirs.add(dir);
	const cache = new Map<string, SymbolLookup>();

	return {
		description: `${description} at ${TAG} (${commit.slice(0, 12)})`,
		exact: true,
		commit,
		coverage: () => ({ level: 'A', basis: `git ls-tree ${TAG}` }),
		hasFile: (path) => files.has(stripSlash(path)),
		hasDir: (path) => dirs.has(stripSlash(path)),
		findSymbol(name, path) {
			const bare = stripSlash(path);
			const cacheKey = `${name}\u0000${bare}`;
			const cached = cache.get(cacheKey);
			if (cached) return cached;
			const isDir = dirs.has(bare);
			if (!files.has(bare) && !isDir) return { found: false, level: 'A', detail: `${bare} does not exist at ${TAG}` };
			const member = name.split('.').at(-1) ?? name;
			// Every top-level line (for context) and every one-tab line starting with the name.
			const patterns = ['-e', '^[^[:space:]/]', '-e', `^\t${ereEscape(member)}([^A-Za-z0-9_]|$)`];
			const args = ['grep', '-n', '-I', '-E', ...patterns, TAG, '--', `:(literal)${bare}`];
			const grep = run(args);
			if (grep.status > 1) throw new Error(`git ${args.join(' ')} failed: ${grep.stderr ?? ''}`.trim());
			const byFile = new Map<string, NumberedLine[]>();
			const prefix = `${TAG}:`;
			for (const raw of grep.stdout.split('\n')) {
				if (!raw.startsWith(prefix)) continue;
				const match = /^(.*?):(\d+):(.*)$/.exec(raw.slice(prefix.length));
				if (!match) continue;
				const [, file = '', line = '', text = ''] = match;
				// A folder stands for its Go package: only the files directly inside it.
				if (isDir && (!file.endsWith('.go') || file.slice(bare.length + 1).includes('/'))) continue;
				const list = byFile.get(file) ?? [];
				list.push({ line: Number(line), text });
				byFile.set(file, list);
			}
			const lines = [...byFile.values()].flatMap((list) => goDefinitionLines(list, name));
			const result: SymbolLookup = lines.length > 0
				? { found: true, level: 'A', lines: sortedUnique(lines) }
				: { found: false, level: 'A', detail: `no definition of ${name} in ${bare}${isDir ? '/' : ''} at ${TAG}` };
			cache.set(cacheKey, result);
			return result;
		},
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Collecting and verifying references

/** Where a reference is used: content file, entry id and field. */
export interface RefUse {
	file: string;
	id: string;
	field: string;
}

/** A distinct reference and every place that uses it. */
export interface CollectedRef {
	ref: SourceRef;
	uses: RefUse[];
}

/** The field of `entry` that holds `ref` (by identity), e.g. `keyTypes[2]`. */
function fieldOf(entry: object, ref: SourceRef): string {
	for (const [name, value] of Object.entries(entry)) {
		if (value === ref) return name;
		if (Array.isArray(value)) {
			const index = value.indexOf(ref);
			if (index >= 0) return `${name}[${index}]`;
		}
	}
	return '?';
}

/** Identity of a reference for de-duplication: everything the verifier checks. */
export function refKey(ref: SourceRef): string {
	return JSON.stringify([ref.path, ref.status, ref.symbol ?? null, ref.line ?? null, ref.lineEvidence ?? null]);
}

/**
 * Every source reference of the table rows (`sourceRefsOf`; snippets and prose errata have none), de-duplicated on
 * path, status, symbol, line and lineEvidence, with the entries that use each.
 */
export function collectRefs(rows: readonly AnyRow[]): CollectedRef[] {
	const byKey = new Map<string, CollectedRef>();
	for (const row of rows) {
		const file = `content/${collectionFiles[row.collection].file}`;
		for (const ref of sourceRefsOf(row)) {
			const use: RefUse = { file, id: row.entry.id, field: fieldOf(row.entry, ref) };
			const k = refKey(ref);
			const known = byKey.get(k);
			if (known) known.uses.push(use);
			else byKey.set(k, { ref, uses: [use] });
		}
	}
	return [...byKey.values()];
}

/** Outcome for one reference. */
export type RefStatus = 'verified' | 'verified-a2' | 'unverifiable' | 'failing';

/** One finding about a reference (its path, symbol or line). */
export interface Check {
	status: RefStatus;
	message: string;
}

/** One checked reference. */
export interface RefResult extends CollectedRef {
	/** The worst status of its checks. */
	status: RefStatus;
	/** Findings, worst first: why it is not verified exactly, or what it was verified against. */
	checks: Check[];
}

/** Totals of a run. */
export interface VerifyCounts {
	checked: number;
	verified: number;
	verifiedA2: number;
	unverifiable: number;
	failing: number;
}

/** Result of `verifySources`. */
export interface VerifyReport {
	tree: string;
	results: RefResult[];
	counts: VerifyCounts;
}

const severity: Record<RefStatus, number> = { verified: 0, 'verified-a2': 1, unverifiable: 2, failing: 3 };
const worst = (statuses: RefStatus[]): RefStatus =>
	statuses.reduce<RefStatus>((a, b) => (severity[b] > severity[a] ? b : a), 'verified');
const verifiedAt = (level: Level): RefStatus => (level === 'A' ? 'verified' : 'verified-a2');
const atLevel = (level: Level): string => (level === 'A' ? TAG : 'v1.32.2 (A2)');

/** Checks the path of a reference. */
function checkPath(ref: SourceRef, tree: SourceTree): Check & { exists?: boolean } {
	const path = ref.path;
	if (path.includes('*')) return { status: 'unverifiable', message: `${path}: glob pattern, not a single path` };
	if (ref.status === 'unchecked') {
		const note = tree.coverage(path).level === undefined
			? ''
			: tree.hasFile(path) === true || tree.hasDir(path) === true
				? ` (the tree has it: it could be marked present)`
				: ` (the tree does not have it: it could be marked absent)`;
		return { status: 'unverifiable', message: `${path}: marked unchecked${note}` };
	}
	const coverage = tree.coverage(path);
	if (coverage.level === undefined) return { status: 'unverifiable', message: `${path}: ${coverage.reason}` };
	const bare = stripSlash(path);
	const file = tree.hasFile(bare);
	const dir = tree.hasDir(bare);
	const exists = file === true || dir === true ? true : file === false && dir === false ? false : undefined;
	if (exists === undefined) return { status: 'unverifiable', message: `${path}: the tree cannot say whether it exists` };
	const at = atLevel(coverage.level);
	if (ref.status === 'absent') {
		return exists
			? { status: 'failing', message: `${path}: marked absent, but it exists at ${at} [${coverage.basis}]`, exists }
			: { status: verifiedAt(coverage.level), message: `${path}: absent at ${at} as marked [${coverage.basis}]`, exists };
	}
	if (!exists) return { status: 'failing', message: `${path}: missing at ${at} [${coverage.basis}]`, exists };
	if (path.endsWith('/') && dir !== true && file === true) {
		return { status: 'failing', message: `${path}: is a file at ${at}, not a folder (drop the trailing /)`, exists };
	}
	if (!path.endsWith('/') && file !== true && dir === true) {
		return { status: 'failing', message: `${path}: is a folder at ${at}; folder paths end with /`, exists };
	}
	return { status: verifiedAt(coverage.level), message: `${path}: exists at ${at} [${coverage.basis}]`, exists };
}

/** Checks the symbol and line of a reference whose path exists. */
function checkSymbol(ref: SourceRef, tree: SourceTree): Check {
	const symbol = ref.symbol ?? '';
	const what = `${symbol} in ${ref.path}`;
	const lookup = tree.findSymbol(symbol, ref.path);
	if (lookup.found === undefined) {
		const line = ref.line === undefined ? '' : `; cannot check line ${ref.line}`;
		return { status: 'unverifiable', message: `${what}: ${lookup.reason}${line}` };
	}
	const at = atLevel(lookup.level);
	if (!lookup.found) {
		return { status: 'failing', message: `${what}: not defined there at ${at}${lookup.detail ? ` [${lookup.detail}]` : ''}` };
	}
	if (ref.line === undefined) return { status: verifiedAt(lookup.level), message: `${what}: defined at ${at}` };
	if (lookup.lines.length === 0) {
		return { status: 'unverifiable', message: `${what}: defined, but the tree gives no line to check ${ref.line} against` };
	}
	const treeLines = lookup.lines.join(', ');
	if (!lookup.lines.includes(ref.line)) {
		return { status: 'failing', message: `${what}: line moved: content has ${ref.line}, tree has ${treeLines} (${at})` };
	}
	// The line is right; in a data tree its evidence label must say how it is known (a clone confirms any label).
	if (!tree.exact && lookup.level === 'A' && ref.lineEvidence === 'A2') {
		return { status: 'failing', message: `${what}: line ${ref.line} is exact at ${TAG} (symbols.tsv): lineEvidence should be A, not A2` };
	}
	if (lookup.level === 'A2' && ref.lineEvidence === 'A') {
		return { status: 'failing', message: `${what}: lineEvidence A, but line ${ref.line} is only known at v1.32.2 (A2)` };
	}
	return { status: verifiedAt(lookup.level), message: `${what}: line ${ref.line} at ${at}` };
}

/** Checks every reference against the tree. */
export function verifySources(refs: readonly CollectedRef[], tree: SourceTree): VerifyReport {
	const results: RefResult[] = refs.map(({ ref, uses }) => {
		const checks: Check[] = [];
		if (ref.line !== undefined && ref.symbol === undefined) {
			checks.push({ status: 'failing', message: `${ref.path}: line ${ref.line} without a symbol` });
		}
		if (ref.line !== undefined && ref.lineEvidence === undefined) {
			checks.push({ status: 'failing', message: `${ref.path}: line ${ref.line} without lineEvidence` });
		}
		const path = checkPath(ref, tree);
		checks.push({ status: path.status, message: path.message });
		if (ref.symbol !== undefined && ref.status !== 'absent') {
			const pathUnknown = !ref.path.includes('*') && ref.status !== 'unchecked' && path.exists === undefined;
			if (path.exists === true) checks.push(checkSymbol(ref, tree));
			else if (pathUnknown) {
				// The path is unverifiable; the symbol may still be known (e.g. an A2 row for a main-tree file).
				const symbol = checkSymbol(ref, tree);
				checks.push(symbol.status === 'failing' ? symbol : { ...symbol, status: 'unverifiable' });
			}
		}
		const status = worst(checks.map((check) => check.status));
		const ordered = [...checks].sort((a, b) => severity[b.status] - severity[a.status]);
		return { ref, uses, status, checks: ordered };
	});
	const count = (status: RefStatus) => results.filter((result) => result.status === status).length;
	return {
		tree: tree.description,
		results,
		counts: {
			checked: results.length,
			verified: count('verified'),
			verifiedA2: count('verified-a2'),
			unverifiable: count('unverifiable'),
			failing: count('failing'),
		},
	};
}

/** `content/x.yaml "id" (field); …`: where a reference is used. */
export function usesLabel(uses: readonly RefUse[]): string {
	return uses.map((use) => `${use.file} "${use.id}" (${use.field})`).join('; ');
}

const statusLabel: Record<RefStatus, string> = {
	verified: 'OK  ',
	'verified-a2': 'A2  ',
	unverifiable: '??  ',
	failing: 'FAIL',
};

/** The report as text lines: counts, then one line per failing reference (every reference with `verbose`). */
export function formatReport(report: VerifyReport, options: { verbose?: boolean } = {}): string[] {
	const { counts } = report;
	const lines = [
		`verify:sources against ${report.tree}`,
		`  checked:            ${counts.checked}`,
		`  verified exactly:   ${counts.verified}`,
		`  verified at A2:     ${counts.verifiedA2}`,
		`  unverifiable:       ${counts.unverifiable}`,
		`  failing:            ${counts.failing}`,
	];
	const shown = options.verbose ? report.results : report.results.filter((result) => result.status === 'failing');
	if (shown.length > 0) lines.push('');
	for (const result of shown) {
		const checks = options.verbose ? result.checks : result.checks.filter((check) => check.status === 'failing');
		lines.push(`${statusLabel[result.status]} ${checks.map((check) => check.message).join('; ')} (used by ${usesLabel(result.uses)})`);
	}
	return lines;
}
