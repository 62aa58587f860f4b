import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAtlas, type Atlas } from './atlas.ts';
import { collectionFiles, type CollectionData, type CollectionName } from './collections.ts';
import { parseYamlList } from './content-file.ts';
import { contentDir } from './load-content.ts';

let atlasPromise: Promise<Atlas> | undefined;

/** Entry ids in the order of their YAML file: Astro's store returns entries sorted by id, tables keep the seed's order. */
function fileOrder(name: CollectionName): Map<string, number> {
	const file = collectionFiles[name].file;
	const raw = parseYamlList(`content/${file}`, readFileSync(join(contentDir(), file), 'utf8'));
	return new Map(raw.map((entry, index) => [String(entry['id']), index]));
}

async function loadCollections(): Promise<CollectionData> {
	const names = Object.keys(collectionFiles) as CollectionName[];
	const lists = await Promise.all(
		names.map(async (name) => {
			const order = fileOrder(name);
			const entries = await getCollection(name);
			const data = entries
				.map((entry) => entry.data as { id: string })
				.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
			return [name, data] as const;
		}),
	);
	return Object.fromEntries(lists) as unknown as CollectionData;
}

/** The validated content of the site, loaded once per build. */
export function getAtlas(): Promise<Atlas> {
	atlasPromise ??= loadCollections().then(buildAtlas);
	return atlasPromise;
}
