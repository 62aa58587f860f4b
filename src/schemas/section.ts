import { z } from 'astro/zod';
import { entryIdSchema, localizedTextSchema } from './common.ts';

/** The data collections whose rows a section's table shows. */
export const rowCollections = [
	'directories',
	'components',
	'packages',
	'stagingModules',
	'codePaths',
	'versionChanges',
	'troubleshooting',
	'tuning',
	'customizations',
] as const;
export type RowCollection = (typeof rowCollections)[number];

/** Sidebar groups, in reading order. */
export const siteParts = ['source-tree', 'components', 'subsystems', 'version-changes', 'operations'] as const;
export type SitePart = (typeof siteParts)[number];

/** One column of a section's table. */
export const columnSchema = z
	.object({
		/** Entry field shown in the column. */
		field: z.string().min(1),
		/** Column header. */
		label: localizedTextSchema,
	})
	.strict();

/** One reference table of the seed: an overview page listing rows of one collection. */
export const sectionSchema = z
	.object({
		/** Stable id; the overview page lives at `/sections/<id>/`. */
		id: entryIdSchema,
		/** Collection the rows come from (not named `collection`: Astro would read `{ id, collection }` as a reference). */
		source: z.enum(rowCollections),
		/** Sidebar group. */
		part: z.enum(siteParts),
		/** Sort key inside the sidebar group and on the home page. */
		order: z.number().int(),
		/** Page title. */
		title: localizedTextSchema,
		/** One-paragraph description shown above the table (Markdown-free text). */
		description: localizedTextSchema,
		/** Table columns, in display order. */
		columns: z.array(columnSchema).min(2),
	})
	.strict();
export type Section = z.infer<typeof sectionSchema>;
