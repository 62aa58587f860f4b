// Checks every path, symbol and line of content/ against Kubernetes v1.32.0:
//   npm run verify:sources -- --repo <kubernetes clone>   authoritative (git ls-tree / git grep at the v1.32.0 tag)
//   npm run verify:sources -- --data <folder>             what a data folder like ../shared/k8s-v1.32.0 covers
// Options: --content <dir> (default: content/ or ATLAS_CONTENT_DIR), --verbose (a line for every reference).
// Exit status: 0 nothing failing, 1 something failing, 2 usage or setup error.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildAtlas } from '../src/lib/atlas.ts';
import { contentDir, loadContentDir } from '../src/lib/load-content.ts';
import {
	UPSTREAM_COMMIT,
	collectRefs,
	dataTree,
	formatReport,
	gitTree,
	verifySources,
	type CollectedRef,
	type SourceTree,
} from '../src/lib/verify.ts';

const usage = `usage: npm run verify:sources -- (--data <dir> | --repo <kubernetes clone>) [--content <dir>] [--verbose]
  --data <dir>     check against a data folder like ../shared/k8s-v1.32.0 (partial: what it covers)
  --repo <dir>     check against a kubernetes/kubernetes clone at the v1.32.0 tag (authoritative)
  --content <dir>  content folder (default: content/, or ATLAS_CONTENT_DIR)
  --verbose        print every reference, not only the failing ones`;

function fail(message: string, code = 2): never {
	console.error(message);
	process.exit(code);
}

const options: { data?: string; repo?: string; content?: string; verbose: boolean } = { verbose: false };
const args = process.argv.slice(2);
for (let index = 0; index < args.length; index++) {
	const arg = args[index] ?? '';
	const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
	const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
	const value = () => {
		const next = inline ?? args[++index];
		if (next === undefined || next === '') fail(`${flag} needs a folder\n${usage}`);
		return next;
	};
	switch (flag) {
		case '--data':
			options.data = value();
			break;
		case '--repo':
			options.repo = value();
			break;
		case '--content':
			options.content = value();
			break;
		case '--verbose':
			options.verbose = true;
			break;
		case '--help':
		case '-h':
			console.log(usage);
			process.exit(0);
		default:
			fail(`unknown argument ${arg}\n${usage}`);
	}
}
if ((options.data === undefined) === (options.repo === undefined)) fail(usage);

const isDir = (dir: string) => existsSync(dir) && statSync(dir).isDirectory();
let tree: SourceTree;
try {
	if (options.data !== undefined) {
		if (!isDir(options.data)) fail(`--data ${options.data}: no such folder`);
		tree = dataTree(options.data);
	} else {
		const repo = options.repo ?? '';
		if (!isDir(repo)) fail(`--repo ${repo}: no such folder`);
		const git = gitTree(resolve(repo));
		if (git.commit !== UPSTREAM_COMMIT) {
			console.warn(`warning: v1.32.0 is ${git.commit} here, not upstream ${UPSTREAM_COMMIT}`);
		}
		tree = git;
	}
} catch (error) {
	fail(error instanceof Error ? error.message : String(error));
}

let refs: CollectedRef[];
try {
	refs = collectRefs(buildAtlas(loadContentDir(options.content ?? contentDir())).rows);
} catch (error) {
	fail(error instanceof Error ? error.message : String(error));
}

const report = verifySources(refs, tree);
console.log(formatReport(report, { verbose: options.verbose }).join('\n'));
process.exit(report.counts.failing > 0 ? 1 : 0);
