import { z } from 'astro/zod';
import {
	entryIdSchema,
	errataSchema,
	itemSchema,
	localizedTextSchema,
	minorVersionSchema,
	pullRequestSchema,
	sourceRefSchema,
	stageSchema,
	versionNoteSchema,
} from './common.ts';

/** Fields every table row has. */
const rowBase = {
	/** Stable id derived from the row's key (see `toEntryId`); used for URLs and `#anchors`. */
	id: entryIdSchema,
	/** Section (table) the row belongs to: an id from `content/sections.yaml`. */
	section: entryIdSchema,
	/** Corrections against the seed. */
	errata: errataSchema,
};

/** A top-level directory of the kubernetes/kubernetes repository. */
export const directorySchema = z
	.object({
		...rowBase,
		/** The directory, e.g. `cmd/`. */
		path: sourceRefSchema,
		/** What it holds. */
		purpose: localizedTextSchema,
		/** Key files and sub-folders. */
		keyFiles: z.array(itemSchema).min(1),
		/** How it evolved across versions. */
		evolution: z.array(versionNoteSchema).min(1),
		/** Why it matters in production. */
		value: localizedTextSchema,
	})
	.strict();
export type Directory = z.infer<typeof directorySchema>;

/** A binary under cmd/ (control-plane component or client tool). */
export const componentSchema = z
	.object({
		...rowBase,
		/** Binary name, e.g. `kube-apiserver`. */
		name: z.string().min(1),
		/** Its source folder, e.g. `cmd/kube-apiserver/`. */
		path: sourceRefSchema,
		/** What it is. */
		purpose: localizedTextSchema,
		/** Key files and packages. */
		keyFiles: z.array(itemSchema).min(1),
		/** Notable changes by version. */
		changes: z.array(versionNoteSchema).min(1),
		/** Troubleshooting or development value. */
		value: localizedTextSchema,
		/** Ids of pkg/ packages and code paths that implement it (explicit references). */
		implementedBy: z.array(entryIdSchema).default([]),
	})
	.strict();
export type Component = z.infer<typeof componentSchema>;

/** A package under pkg/. */
export const packageSchema = z
	.object({
		...rowBase,
		/** The package folder. */
		path: sourceRefSchema,
		/** What it does. */
		purpose: localizedTextSchema,
		/** Key types, interfaces and files. */
		keyItems: z.array(itemSchema).min(1),
		/** Notable changes by version. */
		changes: z.array(versionNoteSchema).min(1),
		/** Why it matters in production. */
		value: localizedTextSchema,
	})
	.strict();
export type Package = z.infer<typeof packageSchema>;

/** A module published from staging/ as `k8s.io/<name>`. */
export const stagingModuleSchema = z
	.object({
		...rowBase,
		/** Go module path, e.g. `k8s.io/client-go`. */
		module: z.string().regex(/^k8s\.io\/[a-z0-9-]+$/, 'must be a k8s.io/<name> module path'),
		/** Monorepo folder, e.g. `staging/src/k8s.io/client-go/`. */
		path: sourceRefSchema,
		/** What it provides. */
		purpose: localizedTextSchema,
		/** Published mirror repository. */
		repo: z.url({ protocol: /^https$/, hostname: /^github\.com$/ }),
		/** Versioning policy. */
		versioning: localizedTextSchema,
		/** Typical uses. */
		useCases: localizedTextSchema,
	})
	.strict();
export type StagingModule = z.infer<typeof stagingModuleSchema>;

/** A code path inside a subsystem (scheduler, kubelet, API server, controllers). */
export const codePathSchema = z
	.object({
		...rowBase,
		/** The file or folder. */
		path: sourceRefSchema,
		/** What it does. */
		purpose: localizedTextSchema,
		/** Key interfaces and types (for controllers: the controller type). */
		keyTypes: z.array(itemSchema).min(1),
		/** Key logic and functions (controller tables only). */
		keyLogic: z.array(itemSchema).optional(),
		/** Notable changes by version (not in the controller tables). */
		changes: z.array(versionNoteSchema).optional(),
		/** Troubleshooting or development value. */
		value: localizedTextSchema,
	})
	.strict();
export type CodePath = z.infer<typeof codePathSchema>;

/** A major code change in one Kubernetes version. */
export const versionChangeSchema = z
	.object({
		...rowBase,
		/** The version that made the change. */
		version: minorVersionSchema,
		/** The module it changes. */
		module: sourceRefSchema,
		/** What changed. */
		change: localizedTextSchema,
		/** Stage the feature reached in that version, when the change is a stage. */
		stage: stageSchema.optional(),
		/** Who is affected. */
		impact: localizedTextSchema,
		/** What to do (migration, plugin development or action advice). */
		advice: localizedTextSchema,
		/** Pull requests that made the change, with their real subjects. */
		prs: z.array(pullRequestSchema).default([]),
	})
	.strict();
export type VersionChange = z.infer<typeof versionChangeSchema>;

/** A production symptom and the code that explains it. */
export const troubleshootingSchema = z
	.object({
		...rowBase,
		/** The symptom, e.g. "Pod Pending". */
		symptom: localizedTextSchema,
		/** Code paths to read. */
		paths: z.array(sourceRefSchema).min(1),
		/** Functions and methods to read (symbols with their files). */
		functions: z.array(sourceRefSchema).min(1),
		/** Log lines and event reasons to grep for (verbatim, never translated). */
		logKeywords: z.array(z.string().min(1)).min(1),
	})
	.strict();
export type Troubleshooting = z.infer<typeof troubleshootingSchema>;

/** A performance tuning scenario. */
export const tuningSchema = z
	.object({
		...rowBase,
		/** The scenario, e.g. "Informer performance". */
		scenario: localizedTextSchema,
		/** Code paths involved. */
		paths: z.array(sourceRefSchema).min(1),
		/** Tunable parameters or logic. */
		parameters: z.array(itemSchema).min(1),
		/** Effect of tuning. */
		effect: localizedTextSchema,
	})
	.strict();
export type Tuning = z.infer<typeof tuningSchema>;

/** A source customization scenario with its risk. */
export const customizationSchema = z
	.object({
		...rowBase,
		/** The scenario. */
		scenario: localizedTextSchema,
		/** Code involved (paths, or a text such as "external webhook"). */
		paths: z.array(itemSchema).min(1),
		/** How to customize. */
		approach: localizedTextSchema,
		/** Risk level. */
		risk: z.enum(['low', 'medium', 'high']),
		/** Remark next to the risk, e.g. "recommended". */
		riskNote: localizedTextSchema.optional(),
	})
	.strict();
export type Customization = z.infer<typeof customizationSchema>;
