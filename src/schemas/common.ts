import { z } from 'astro/zod';

/** A text shown in both site languages. The Chinese text is the seed's; the English one is its translation. */
export const localizedTextSchema = z
	.object({
		/** Simplified Chinese text (the root locale). */
		zh: z.string().trim().min(1),
		/** English text for the `/en/` edition. */
		en: z.string().trim().min(1),
	})
	.strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Stable entry id: lower-case, derived from the entry's key (its path, module or name), never from its position. */
export const entryIdSchema = z
	.string()
	.regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a lower-case slug (a-z, 0-9, ".", "_", "-")');

/** A Kubernetes minor version as the seed writes it, e.g. `v1.32`. */
export const minorVersionSchema = z.string().regex(/^v1\.\d{1,2}$/, 'must be a version of the form v1.NN');

/** How firmly a fact about the v1.32.0 tree is established (see shared/k8s-v1.32.0/README.md). */
export const evidenceSchema = z.enum(['A', 'A2', 'B', 'K']);
export type Evidence = z.infer<typeof evidenceSchema>;

/** A feature's maturity stage. */
export const stageSchema = z.enum(['alpha', 'beta', 'ga', 'deprecated', 'removed']);
export type Stage = z.infer<typeof stageSchema>;

/** A repository path: no leading slash, folders end with `/`. */
export const repoPathSchema = z
	.string()
	.regex(/^[A-Za-z0-9_.][A-Za-z0-9_.*/-]*$/, 'must be a repository-relative path without a leading slash');

/**
 * A place in the kubernetes/kubernetes tree at v1.32.0: a file or folder, optionally a Go symbol in it.
 * Staging modules use their monorepo path (`staging/src/k8s.io/...`).
 */
export const sourceRefSchema = z
	.object({
		/** Path at v1.32.0 (for a moved path: its new home). Folders end with `/`. */
		path: repoPathSchema,
		/** Whether the path exists at v1.32.0: `present`, `absent` (removed, never existed) or `unchecked`. */
		status: z.enum(['present', 'absent', 'unchecked']).default('present'),
		/** How firmly the path's status is established. */
		evidence: evidenceSchema.optional(),
		/** How the seed wrote the path, when it differs from `path` (moved or misnamed). */
		seedPath: z.string().min(1).optional(),
		/** Go identifier defined in the file, with its real v1.32.0 spelling. */
		symbol: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'must be a Go identifier').optional(),
		/** 1-based line of the symbol's definition at v1.32.0 (A) or v1.32.2 (A2). */
		line: z.number().int().positive().optional(),
		/** Evidence for the line number (`A` exact v1.32.0, `A2` exact v1.32.2). */
		lineEvidence: z.enum(['A', 'A2']).optional(),
		/** How the seed spelled the symbol, when it differs. */
		seedSymbol: z.string().min(1).optional(),
		/** Short label shown instead of the full path (e.g. `app/server.go` inside a component). */
		label: z.string().min(1).optional(),
	})
	.strict()
	.refine((ref) => ref.line === undefined || ref.symbol !== undefined, {
		message: 'a line needs a symbol',
		path: ['line'],
	})
	.refine((ref) => ref.line === undefined || ref.lineEvidence !== undefined, {
		message: 'a line needs its lineEvidence (A or A2)',
		path: ['lineEvidence'],
	});
export type SourceRef = z.infer<typeof sourceRefSchema>;

/** One item of a list cell: a place in the source tree or a plain text. */
export const itemSchema = z.union([
	sourceRefSchema,
	z.object({ /** Free text, e.g. a concept rather than a path. */ text: localizedTextSchema }).strict(),
]);
export type Item = z.infer<typeof itemSchema>;

/** One line of a "version changes" cell: what changed in which version. */
export const versionNoteSchema = z
	.object({
		/** The version the note is about; absent for "stable", "every release" and similar. */
		version: minorVersionSchema.optional(),
		/** Feature stage reached in that version, when the note is about a stage. */
		stage: stageSchema.optional(),
		/** What changed. */
		text: localizedTextSchema,
	})
	.strict();
export type VersionNote = z.infer<typeof versionNoteSchema>;

/** A pull request of kubernetes/kubernetes with its real subject. */
export const pullRequestSchema = z
	.object({
		/** PR number. */
		number: z.number().int().positive(),
		/** The PR's real title (from factcheck.md). */
		title: z.string().min(1),
		/** First release that contains it, when known. */
		release: minorVersionSchema.optional(),
	})
	.strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** A correction against the seed document: what it said, what is true at v1.32.0. */
export const erratumSchema = z
	.object({
		/** The entry field the correction applies to (e.g. `path`, `changes`, `prs`). */
		field: z.string().min(1),
		/** What the seed said (translated for the English edition). */
		seed: localizedTextSchema,
		/** The correct fact at v1.32.0. */
		correction: localizedTextSchema,
		/** factcheck.md's verdict. */
		verdict: z.enum(['wrong', 'partly', 'unverifiable']),
		/** Evidence levels behind the verdict, e.g. `['A', 'K']`. Only `B`/`K` means "not verified against the tree". */
		evidence: z.array(z.enum(['A', 'A2', 'B', 'K'])).default([]),
		/** PR numbers the seed cited that could not be identified: shown as unverified, never as facts. */
		unverifiedPrs: z.array(z.number().int().positive()).default([]),
	})
	.strict();
export type Erratum = z.infer<typeof erratumSchema>;

/** Corrections on an entry; empty when the seed was right. */
export const errataSchema = z.array(erratumSchema).default([]);
