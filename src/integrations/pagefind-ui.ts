import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pagefindUiScopes } from '../lib/pagefind-ui-markup.ts';

const scopesModule = 'virtual:atlas/pagefind-ui-scopes';

/**
 * Serves Starlight's search with the site's own Pagefind UI (src/scripts/pagefind-ui.ts): Starlight imports
 * `@pagefind/default-ui` by name, so an alias swaps the 26 KB (gzip) Svelte bundle for a 2 KB one that renders
 * the same markup. Starlight's search component itself is used as it is.
 */
export function pagefindUi(): AstroIntegration {
	return {
		name: 'atlas:pagefind-ui',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				const require = createRequire(import.meta.url);
				const css = readFileSync(require.resolve('@pagefind/default-ui/css/ui.css'), 'utf8');
				const scopes = pagefindUiScopes(css);
				updateConfig({
					vite: {
						resolve: {
							alias: [
								{
									find: /^@pagefind\/default-ui$/,
									replacement: fileURLToPath(new URL('../scripts/pagefind-ui.ts', import.meta.url)),
								},
							],
						},
						plugins: [
							{
								name: 'atlas:pagefind-ui-scopes',
								resolveId: (id: string) => (id === scopesModule ? `\0${scopesModule}` : undefined),
								load: (id: string) =>
									id === `\0${scopesModule}` ? `export default ${JSON.stringify(scopes)};` : undefined,
							},
						],
					},
				});
			},
		},
	};
}
