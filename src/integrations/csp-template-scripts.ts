import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addScriptHashes, templateScriptHashes } from '../lib/csp.ts';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === '_astro' || entry.name === 'pagefind' ? [] : htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

/** After the build, allows Starlight's template inline scripts in each page's CSP by hash (see src/lib/csp.ts). */
export function cspTemplateScripts(): AstroIntegration {
	return {
		name: 'atlas:csp-template-scripts',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const files = htmlFiles(fileURLToPath(dir));
				const pages = files.map((file) => readFileSync(file, 'utf8'));
				const hashes = templateScriptHashes(pages);
				files.forEach((file, index) => {
					const before = pages[index] ?? '';
					const after = addScriptHashes(before, hashes);
					if (after !== before) writeFileSync(file, after);
				});
				logger.info(`allowed ${hashes.size} template inline scripts by hash in ${files.length} pages`);
			},
		},
	};
}
