import type { z } from 'astro/zod';
import {
	codePathSchema,
	componentSchema,
	customizationSchema,
	directorySchema,
	packageSchema,
	proseErratumSchema,
	sectionSchema,
	snippetSchema,
	stagingModuleSchema,
	troubleshootingSchema,
	tuningSchema,
	versionChangeSchema,
} from '../schemas/index.ts';

/** Every data collection: its YAML file under the content folder and its schema. */
export const collectionFiles = {
	sections: { file: 'sections.yaml', schema: sectionSchema },
	directories: { file: 'directories.yaml', schema: directorySchema },
	components: { file: 'components.yaml', schema: componentSchema },
	packages: { file: 'packages.yaml', schema: packageSchema },
	stagingModules: { file: 'staging-modules.yaml', schema: stagingModuleSchema },
	codePaths: { file: 'code-paths.yaml', schema: codePathSchema },
	versionChanges: { file: 'version-changes.yaml', schema: versionChangeSchema },
	troubleshooting: { file: 'troubleshooting.yaml', schema: troubleshootingSchema },
	tuning: { file: 'tuning.yaml', schema: tuningSchema },
	customizations: { file: 'customizations.yaml', schema: customizationSchema },
	snippets: { file: 'snippets.yaml', schema: snippetSchema },
	proseErrata: { file: 'prose-errata.yaml', schema: proseErratumSchema },
} as const satisfies Record<string, { file: string; schema: z.ZodType }>;

export type CollectionName = keyof typeof collectionFiles;
export type CollectionData = { [K in CollectionName]: Array<z.output<(typeof collectionFiles)[K]['schema']>> };
