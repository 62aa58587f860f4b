import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildAtlas, type Atlas } from '../../src/lib/atlas.ts';
import { loadContentDir } from '../../src/lib/load-content.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const realContentDir = join(repoRoot, 'content');
/** Shared data folder (seed, v1.32.0 facts); tests that need it skip when it is absent. */
export const sharedDir = process.env['ATLAS_SHARED_DIR'] ?? resolve(repoRoot, '../shared');

let cached: Atlas | undefined;
export function realAtlas(): Atlas {
	cached ??= buildAtlas(loadContentDir(realContentDir));
	return cached;
}

/** A copy of the real content folder with one file rewritten, for bad-input tests. */
export function contentWith(file: string, edit: (text: string) => string): string {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-content-'));
	cpSync(realContentDir, dir, { recursive: true });
	const path = join(dir, file);
	const before = readFileSync(path, 'utf8');
	const after = edit(before);
	if (after === before) throw new Error(`fixture edit of ${file} changed nothing`);
	writeFileSync(path, after);
	return dir;
}

/** Loads and checks a content folder; returns the error message, or undefined when it is valid. */
export function contentError(dir: string): string | undefined {
	try {
		buildAtlas(loadContentDir(dir));
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}
