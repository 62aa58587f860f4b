import type { CollectionData } from './collections.ts';
import { collectionFiles } from './collections.ts';
import { ContentError } from './content-error.ts';
import { toEntryId } from './ids.ts';
import type { RowCollection, Section } from '../schemas/index.ts';
import { rowCollections } from '../schemas/index.ts';
import type { SourceRef } from '../schemas/common.ts';

/** A row of any reference table, tagged with its collection. */
export type AnyRow = { [K in RowCollection]: { collection: K; entry: CollectionData[K][number] } }[RowCollection];

/** Validated content with cross-references checked. */
export interface Atlas {
	data: CollectionData;
	sections: Section[];
	sectionById: Map<string, Section>;
	rows: AnyRow[];
}

const fileOf = (collection: keyof typeof collectionFiles) => `content/${collectionFiles[collection].file}`;

/** The key an entry id is derived from, for collections keyed by a path or module. */
export function entryKey(row: AnyRow): string | undefined {
	switch (row.collection) {
		case 'directories':
		case 'components':
		case 'packages':
		case 'codePaths':
			return row.entry.path.seedPath ?? row.entry.path.path;
		case 'stagingModules':
			return row.entry.module;
		default:
			return undefined;
	}
}

/** Every source reference an entry names (its own path first). */
export function sourceRefsOf(row: AnyRow): SourceRef[] {
	const isRef = (item: unknown): item is SourceRef => typeof item === 'object' && item !== null && 'path' in item;
	switch (row.collection) {
		case 'directories':
			return [row.entry.path, ...row.entry.keyFiles.filter(isRef)];
		case 'components':
			return [row.entry.path, ...row.entry.keyFiles.filter(isRef)];
		case 'packages':
			return [row.entry.path, ...row.entry.keyItems.filter(isRef)];
		case 'stagingModules':
			return [row.entry.path];
		case 'codePaths':
			return [row.entry.path, ...row.entry.keyTypes.filter(isRef), ...(row.entry.keyLogic ?? []).filter(isRef)];
		case 'versionChanges':
			return [row.entry.module];
		case 'troubleshooting':
			return [...row.entry.paths, ...row.entry.functions];
		case 'tuning':
			return [...row.entry.paths, ...row.entry.parameters.filter(isRef)];
		case 'customizations':
			return row.entry.paths.filter(isRef);
		default: {
			const never: never = row;
			throw new Error(`unknown row collection ${String(never)}`);
		}
	}
}

const PLACEHOLDER = /\{\{([a-z0-9-]+)\}\}/g;

/** Placeholder keys used in a snippet's code. */
export function snippetPlaceholders(code: string): string[] {
	return [...code.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Checks cross-references and derived ids; throws a ContentError naming file, entry and field. */
export function buildAtlas(data: CollectionData): Atlas {
	const sectionById = new Map(data.sections.map((section) => [section.id, section]));
	const rows: AnyRow[] = rowCollections.flatMap(
		(collection) => data[collection].map((entry) => ({ collection, entry }) as AnyRow),
	);
	const implementers = new Set([...data.packages.map((p) => p.id), ...data.codePaths.map((c) => c.id)]);

	for (const section of data.sections) {
		const shape = collectionFiles[section.source].schema.shape as Record<string, unknown>;
		section.columns.forEach((column, index) => {
			if (!(column.field in shape)) {
				throw new ContentError(
					fileOf('sections'),
					`unknown field "${column.field}" for collection ${section.source}`,
					section.id,
					`columns[${index}].field`,
				);
			}
		});
	}

	for (const row of rows) {
		const file = fileOf(row.collection);
		const section = sectionById.get(row.entry.section);
		if (!section) throw new ContentError(file, `unknown section "${row.entry.section}"`, row.entry.id, 'section');
		if (section.source !== row.collection) {
			throw new ContentError(
				file,
				`section "${section.id}" lists ${section.source}, not ${row.collection}`,
				row.entry.id,
				'section',
			);
		}
		const key = entryKey(row);
		if (key !== undefined && toEntryId(key) !== row.entry.id) {
			throw new ContentError(file, `id must be "${toEntryId(key)}", derived from its key "${key}"`, row.entry.id, 'id');
		}
		if (row.collection === 'components') {
			row.entry.implementedBy.forEach((ref, index) => {
				if (!implementers.has(ref)) {
					throw new ContentError(file, `unknown package or code path "${ref}"`, row.entry.id, `implementedBy[${index}]`);
				}
			});
		}
	}

	for (const snippet of data.snippets) {
		const used = new Set(snippetPlaceholders(snippet.code));
		for (const key of used) {
			if (!(key in snippet.comments)) {
				throw new ContentError(fileOf('snippets'), `placeholder {{${key}}} has no comment`, snippet.id, 'comments');
			}
		}
		for (const key of Object.keys(snippet.comments)) {
			if (!used.has(key)) {
				throw new ContentError(fileOf('snippets'), `comment "${key}" is not used in the code`, snippet.id, `comments.${key}`);
			}
		}
	}

	const sections = [...data.sections].sort((a, b) => a.order - b.order);
	return { data, sections, sectionById, rows };
}
