// Links to the Kubernetes tree in the built site are pinned to v1.32.0 and agree with the v1.32.0 facts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, readHtml } from './dist.ts';
import { sharedDir } from '../unit/helpers.ts';

const factsDir = join(sharedDir, 'k8s-v1.32.0');
const TREE_LINK =
	/href="https:\/\/github\.com\/kubernetes\/kubernetes\/(blob|tree)\/([^/"]+)\/([^"#]*)(?:#L(\d+))?"[^>]*>(?:<code[^>]*>)?([^<]*)/g;

function treeLinks(): Array<{ file: string; ref: string; path: string; line: number | undefined; text: string }> {
	return htmlFiles().flatMap((file) =>
		[...readHtml(file).matchAll(TREE_LINK)].map((match) => ({
			file,
			ref: match[2] ?? '',
			path: match[3] ?? '',
			line: match[4] ? Number(match[4]) : undefined,
			text: (match[5] ?? '').trim(),
		})),
	);
}

describe('links into kubernetes/kubernetes', () => {
	it('are all pinned to v1.32.0', () => {
		const links = treeLinks();
		expect(links.length).toBeGreaterThan(500);
		expect(links.filter((link) => link.ref !== 'v1.32.0').map((link) => `${link.file}: ${link.ref}/${link.path}`)).toEqual([]);
	});

	it.skipIf(!existsSync(factsDir))('never point at a path seed-paths.tsv marks absent', () => {
		const absent = new Set(
			readFileSync(join(factsDir, 'seed-paths.tsv'), 'utf8')
				.split('\n')
				.slice(1)
				.map((line) => line.split('\t'))
				.filter((cols) => cols[1] === 'N')
				.map((cols) => (cols[0] ?? '').replace(/\/+$/, '')),
		);
		const bad = treeLinks().filter((link) => absent.has(link.path.replace(/\/+$/, '')));
		expect(bad.map((link) => `${link.file}: ${link.path}`)).toEqual([]);
	});

	it.skipIf(!existsSync(factsDir))('link every symbol of symbols.tsv to its v1.32.0 line', () => {
		// symbol name + path → the lines it is defined on (a name can be defined more than once in a file)
		const lines = new Map<string, Set<number>>();
		for (const row of readFileSync(join(factsDir, 'symbols.tsv'), 'utf8').split('\n')) {
			const [name, , path, line] = row.split('\t');
			if (!name || !path || !line) continue;
			const key = `${name} ${path}`;
			lines.set(key, (lines.get(key) ?? new Set<number>()).add(Number(line)));
		}
		const symbolName = (text: string) => text.replace(/\(\)$/, '').split('.').pop() ?? '';
		const checked = treeLinks().filter((link) => lines.has(`${symbolName(link.text)} ${link.path}`));
		expect(checked.length).toBeGreaterThan(20);
		const wrong = checked.filter((link) => link.line === undefined || !lines.get(`${symbolName(link.text)} ${link.path}`)!.has(link.line));
		expect(wrong.map((link) => `${link.file}: ${link.text} → ${link.path}#L${link.line ?? '(none)'}`)).toEqual([]);
	});
});
