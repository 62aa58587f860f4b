import { z } from 'astro/zod';
import { entryIdSchema, errataSchema, erratumSchema, localizedTextSchema } from './common.ts';

/** Languages a snippet may be highlighted as. */
export const snippetLangs = ['bash', 'yaml', 'go', 'json', 'jsonc'] as const;

/**
 * A code block of a prose page. The code is stored once; its comments are placeholders `{{key}}`
 * filled per language from `comments`, so commands, YAML and Go stay identical in both editions.
 */
export const snippetSchema = z
	.object({
		/** Stable id; the block's anchor on its page is `#snippet-<id>`. */
		id: entryIdSchema,
		/** Prose page that shows it (its slug, e.g. `guide/commands`). */
		page: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'must be a page slug'),
		/** Block title (file name or purpose). */
		title: localizedTextSchema,
		/** Highlighting language. */
		lang: z.enum(snippetLangs),
		/** The code, with `{{key}}` where a translated comment goes. */
		code: z.string().min(1),
		/** Translated comment texts by placeholder key. */
		comments: z.record(z.string().regex(/^[a-z0-9-]+$/), localizedTextSchema).default({}),
		/** Corrections against the seed's version of this block. */
		errata: errataSchema,
	})
	.strict();
export type Snippet = z.infer<typeof snippetSchema>;

/** A correction to a prose page's text (not to a table row or a code block). */
export const proseErratumSchema = erratumSchema
	.extend({
		/** Stable id; the correction's anchor is `#erratum-<id>`. */
		id: entryIdSchema,
		/** Prose page it corrects (its slug). */
		page: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'must be a page slug'),
	})
	.strict();
export type ProseErratum = z.infer<typeof proseErratumSchema>;
