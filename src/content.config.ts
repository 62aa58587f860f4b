import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { join } from 'node:path';
import { collectionFiles, type CollectionName } from './lib/collections.ts';
import { parseEntriesFile } from './lib/content-file.ts';
import { contentDir } from './lib/load-content.ts';

const dir = contentDir();

/** A data collection read from its YAML file; the parser validates it and names file, entry and field on error. */
function yamlCollection<K extends CollectionName>(name: K) {
	const { file: fileName, schema } = collectionFiles[name];
	return defineCollection({
		loader: file(join(dir, fileName), {
			parser: (text) => parseEntriesFile(`content/${fileName}`, text, schema) as Array<Record<string, unknown>>,
		}),
		schema,
	});
}

/** Custom UI strings of the site's components, localized through Starlight's i18n. */
const atlasStrings = z.object({
	'atlas.permalink': z.string(),
	'atlas.copyLink': z.string(),
	'atlas.linkCopied': z.string(),
	'atlas.openEntry': z.string(),
	'atlas.viewOnGitHub': z.string(),
	'atlas.seedHad': z.string(),
	'atlas.erratum': z.string(),
	'atlas.errata': z.string(),
	'atlas.unverified': z.string(),
	'atlas.absent': z.string(),
	'atlas.unchecked': z.string(),
	'atlas.movedFrom': z.string(),
	'atlas.related': z.string(),
	'atlas.noRelated': z.string(),
	'atlas.section': z.string(),
	'atlas.pullRequests': z.string(),
	'atlas.implementedBy': z.string(),
	'atlas.rows': z.string(),
	'atlas.lineEvidenceA2': z.string(),
	'atlas.verdict.wrong': z.string(),
	'atlas.verdict.partly': z.string(),
	'atlas.verdict.unverifiable': z.string(),
	'atlas.stage.alpha': z.string(),
	'atlas.stage.beta': z.string(),
	'atlas.stage.ga': z.string(),
	'atlas.stage.deprecated': z.string(),
	'atlas.stage.removed': z.string(),
	'atlas.risk.low': z.string(),
	'atlas.risk.medium': z.string(),
	'atlas.risk.high': z.string(),
	'atlas.collection.directories': z.string(),
	'atlas.collection.components': z.string(),
	'atlas.collection.packages': z.string(),
	'atlas.collection.stagingModules': z.string(),
	'atlas.collection.codePaths': z.string(),
	'atlas.collection.versionChanges': z.string(),
	'atlas.collection.troubleshooting': z.string(),
	'atlas.collection.tuning': z.string(),
	'atlas.collection.customizations': z.string(),
	'atlas.errataIntro': z.string(),
	'atlas.errataProse': z.string(),
	'atlas.exactMatches': z.string(),
	'atlas.field.name': z.string(),
	'atlas.field.stage': z.string(),
	'atlas.viewInTable': z.string(),
	'atlas.fields': z.string(),
}).partial();

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: atlasStrings }) }),
	sections: yamlCollection('sections'),
	directories: yamlCollection('directories'),
	components: yamlCollection('components'),
	packages: yamlCollection('packages'),
	stagingModules: yamlCollection('stagingModules'),
	codePaths: yamlCollection('codePaths'),
	versionChanges: yamlCollection('versionChanges'),
	troubleshooting: yamlCollection('troubleshooting'),
	tuning: yamlCollection('tuning'),
	customizations: yamlCollection('customizations'),
	snippets: yamlCollection('snippets'),
	proseErrata: yamlCollection('proseErrata'),
};
