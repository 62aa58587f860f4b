import { parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { ContentError } from './content-error.ts';

/** Dotted path of a zod issue, e.g. `changes[1].text.en`. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
	return path
		.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
		.join('');
}

/** Parses YAML text into a list of raw entries; throws a ContentError naming the file on malformed YAML. */
export function parseYamlList(file: string, text: string): Array<Record<string, unknown>> {
	const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
	const firstError = doc.errors[0];
	if (firstError) {
		throw new ContentError(file, `malformed YAML: ${firstError.message.split('\n')[0]}`);
	}
	const data: unknown = doc.toJS();
	if (!Array.isArray(data)) {
		throw new ContentError(file, 'expected a YAML list of entries');
	}
	return data.map((item: unknown, index) => {
		if (item === null || typeof item !== 'object' || Array.isArray(item)) {
			throw new ContentError(file, 'expected a mapping', `#${index + 1}`);
		}
		return item as Record<string, unknown>;
	});
}

/**
 * Validates raw entries against a schema. Every entry needs a unique `id`; the first problem found
 * throws a ContentError naming the file, the entry (its id, or its position when it has none) and the field.
 */
export function validateEntries<S extends z.ZodType>(
	file: string,
	raw: ReadonlyArray<Record<string, unknown>>,
	schema: S,
): Array<z.output<S>> {
	const seen = new Set<string>();
	return raw.map((item, index) => {
		const id = typeof item['id'] === 'string' ? item['id'] : undefined;
		const entryName = id ?? `#${index + 1}`;
		if (id === undefined) throw new ContentError(file, 'missing required field', entryName, 'id');
		if (seen.has(id)) throw new ContentError(file, `duplicate id "${id}"`, entryName, 'id');
		seen.add(id);
		const result = schema.safeParse(item);
		if (!result.success) {
			const issue = result.error.issues[0];
			const field = issue ? formatIssuePath(issue.path) : undefined;
			const problem =
				issue?.code === 'invalid_type' && item[String(issue.path[0])] === undefined && issue.path.length === 1
					? 'missing required field'
					: (issue?.message ?? 'invalid entry');
			throw new ContentError(file, problem, entryName, field === '' ? undefined : field);
		}
		return result.data;
	});
}

/** Parses and validates one YAML content file. */
export function parseEntriesFile<S extends z.ZodType>(file: string, text: string, schema: S): Array<z.output<S>> {
	return validateEntries(file, parseYamlList(file, text), schema);
}
