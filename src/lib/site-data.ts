import { getCollection } from 'astro:content';
import { buildAtlas, type Atlas } from './atlas.ts';
import { collectionFiles, type CollectionData, type CollectionName } from './collections.ts';

let atlasPromise: Promise<Atlas> | undefined;

async function loadCollections(): Promise<CollectionData> {
	const names = Object.keys(collectionFiles) as CollectionName[];
	const lists = await Promise.all(
		names.map(async (name) => {
			const entries = await getCollection(name);
			return [name, entries.map((entry) => entry.data)] as const;
		}),
	);
	return Object.fromEntries(lists) as unknown as CollectionData;
}

/** The validated content of the site, loaded once per build. */
export function getAtlas(): Promise<Atlas> {
	atlasPromise ??= loadCollections().then(buildAtlas);
	return atlasPromise;
}
