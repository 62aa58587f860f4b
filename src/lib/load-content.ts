import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionFiles, type CollectionData, type CollectionName } from './collections.ts';
import { parseEntriesFile } from './content-file.ts';

/** Content folder: `ATLAS_CONTENT_DIR` (fixtures, scale tests) or `content/`. */
export function contentDir(root: string = process.cwd()): string {
	return process.env['ATLAS_CONTENT_DIR'] ?? join(root, 'content');
}

/** Reads and validates every collection file of a content folder (outside Astro: scripts and tests). */
export function loadContentDir(dir: string, options: { allowMissing?: boolean } = {}): CollectionData {
	const data = {} as Record<CollectionName, unknown[]>;
	for (const [name, { file, schema }] of Object.entries(collectionFiles) as Array<
		[CollectionName, (typeof collectionFiles)[CollectionName]]
	>) {
		const path = join(dir, file);
		if (!existsSync(path)) {
			if (options.allowMissing) {
				data[name] = [];
				continue;
			}
			throw new Error(`${path}: content file is missing`);
		}
		data[name] = parseEntriesFile(`content/${file}`, readFileSync(path, 'utf8'), schema);
	}
	return data as CollectionData;
}
