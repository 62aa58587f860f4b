// Synthetic content for the scale test: every row collection's entries cloned N times with unique,
// schema-valid ids and paths. Sections, code blocks and prose errata stay as they are.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isScalar, parse, visit } from 'yaml';
import { buildAtlas } from '../../src/lib/atlas.ts';
import { collectionFiles, type CollectionName } from '../../src/lib/collections.ts';
import { toEntryId } from '../../src/lib/ids.ts';
import { loadContentDir } from '../../src/lib/load-content.ts';
import { rowCollections, type RowCollection } from '../../src/schemas/index.ts';

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A path of clone `tag`: repository paths get a top folder (`x7/pkg/scheduler/`), Go import paths a renamed
 * module (`k8s.io/x7-apiserver/...`, so they keep reading as module paths, as `ownPaths` expects).
 */
export function clonePath(path: string, tag: string): string {
	return path.startsWith('k8s.io/') ? `k8s.io/${tag}-${path.slice('k8s.io/'.length)}` : `${tag}/${path}`;
}

/** Rewrites every source reference (`{ path, seedPath?, ... }`) inside a value for clone `tag`. */
function cloneRefs(value: unknown, tag: string): unknown {
	if (Array.isArray(value)) return value.map((item) => cloneRefs(item, tag));
	if (!isObject(value)) return value;
	const out: Raw = {};
	for (const [key, item] of Object.entries(value)) out[key] = cloneRefs(item, tag);
	if (typeof value['path'] === 'string') {
		out['path'] = clonePath(value['path'], tag);
		if (typeof value['seedPath'] === 'string') out['seedPath'] = clonePath(value['seedPath'], tag);
	}
	return out;
}

/** The key an entry id derives from (the raw-YAML twin of `entryKey` in src/lib/atlas.ts). */
function rawKey(collection: RowCollection, entry: Raw): string | undefined {
	switch (collection) {
		case 'directories':
		case 'components':
		case 'packages':
		case 'codePaths': {
			const ref = entry['path'];
			if (!isObject(ref)) return undefined;
			const seed = ref['seedPath'];
			return typeof seed === 'string' ? seed : String(ref['path']);
		}
		case 'stagingModules':
			return String(entry['module']);
		default:
			return undefined;
	}
}

/** One clone of an entry: paths re-rooted, module renamed, id re-derived (or suffixed when it is not path-keyed). */
function cloneEntry(collection: RowCollection, entry: Raw, tag: string, idMap: Map<string, string>): Raw {
	const clone = cloneRefs(entry, tag) as Raw;
	if (collection === 'stagingModules') clone['module'] = `${String(entry['module'])}-${tag}`;
	const key = rawKey(collection, clone);
	clone['id'] = key === undefined ? `${String(entry['id'])}-${tag}` : toEntryId(key);
	idMap.set(`${collection}:${String(entry['id'])}`, String(clone['id']));
	return clone;
}

/** YAML in the authored style: small leaf mappings and lists (refs, texts, keywords) on one line. */
function toYaml(list: Raw[]): string {
	const doc = new Document(list);
	visit(doc, {
		Map(_, node) {
			if (node.items.every((pair) => isScalar(pair.value))) node.flow = true;
		},
		Seq(_, node) {
			if (node.items.length > 0 && node.items.every((item) => isScalar(item))) node.flow = true;
		},
	});
	// A blank line between entries, as in content/.
	return doc.toString({ lineWidth: 0 }).replace(/\n- /g, '\n\n- ');
}

export interface SynthResult {
	dir: string;
	entries: Record<string, number>;
	rows: number;
}

/**
 * Writes content `factor`× the size of `sourceDir` into `targetDir`: the original entries plus
 * `factor - 1` clones of each (tags `x1`…).
 */
export function generateScaledContent(
	sourceDir: string,
	targetDir: string,
	factor: number,
	options: { validate?: boolean } = {},
): SynthResult {
	mkdirSync(targetDir, { recursive: true });
	const rowSet = new Set<string>(rowCollections);
	const originals = new Map<RowCollection, Raw[]>();
	for (const [name, { file }] of Object.entries(collectionFiles) as Array<[CollectionName, { file: string }]>) {
		if (!rowSet.has(name)) {
			copyFileSync(join(sourceDir, file), join(targetDir, file));
			continue;
		}
		const parsed: unknown = parse(readFileSync(join(sourceDir, file), 'utf8'));
		originals.set(name as RowCollection, Array.isArray(parsed) ? parsed.filter(isObject) : []);
	}
	const output = new Map<RowCollection, Raw[]>(rowCollections.map((name) => [name, [...(originals.get(name) ?? [])]]));
	for (let k = 1; k < factor; k++) {
		const tag = `x${k}`;
		const idMap = new Map<string, string>();
		const clones = new Map<RowCollection, Raw[]>();
		for (const collection of rowCollections) {
			clones.set(
				collection,
				(originals.get(collection) ?? []).map((entry) => cloneEntry(collection, entry, tag, idMap)),
			);
		}
		// A clone's component is implemented by the same clone's packages and code paths.
		for (const component of clones.get('components') ?? []) {
			const refs = component['implementedBy'];
			if (!Array.isArray(refs)) continue;
			component['implementedBy'] = refs.map(
				(ref) => idMap.get(`packages:${String(ref)}`) ?? idMap.get(`codePaths:${String(ref)}`) ?? String(ref),
			);
		}
		for (const collection of rowCollections) output.get(collection)?.push(...(clones.get(collection) ?? []));
	}
	const entries: Record<string, number> = {};
	for (const collection of rowCollections) {
		const list = output.get(collection) ?? [];
		entries[collection] = list.length;
		const header = `# Synthetic content for the scale benchmark (${factor}× content/${collectionFiles[collection].file}); generated by scripts/bench.ts.\n`;
		writeFileSync(join(targetDir, collectionFiles[collection].file), header + toYaml(list));
	}
	// The build validates the same way (schemas, derived ids, cross-references); this check is optional because
	// the YAML parser needs about as long as the build's own content step.
	const rows = options.validate
		? buildAtlas(loadContentDir(targetDir)).rows.length
		: Object.values(entries).reduce((total, n) => total + n, 0);
	return { dir: targetDir, entries, rows };
}
