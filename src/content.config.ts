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
const atlasStrings = z
	.object({})
	// Keys are `atlas.*` strings from src/content/i18n/*.json; the twin-file test keeps both languages complete.
	.catchall(z.string());

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
