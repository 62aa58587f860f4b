// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { cspTemplateScripts } from './src/integrations/csp-template-scripts.ts';
import { pagefindUi } from './src/integrations/pagefind-ui.ts';
import { parseEntriesFile } from './src/lib/content-file.ts';
import { contentDir } from './src/lib/load-content.ts';
import { buildSidebar } from './src/lib/sidebar.ts';
import { sectionSchema } from './src/schemas/section.ts';

// Hosting: the public URL and sub-path come from the environment (see README, "Deploying").
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

const sections = parseEntriesFile(
	'content/sections.yaml',
	readFileSync(join(contentDir(), 'sections.yaml'), 'utf8'),
	sectionSchema,
);

export default defineConfig({
	site,
	base,
	trailingSlash: 'ignore',
	// Content-Security-Policy as a <meta> tag on every page: Astro hashes the inline scripts and styles it
	// renders; no 'unsafe-inline' for scripts. Pagefind needs 'wasm-unsafe-eval' for its WebAssembly.
	security: {
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
			// Starlight and Pagefind's UI set style attributes; <style> elements stay hash-only.
			styleDirective: { resources: ["'self'", { kind: 'attribute', resource: "'unsafe-inline'" }] },
		},
	},
	integrations: [
		starlight({
			title: { 'zh-CN': 'K8s 源码地图', en: 'K8s Source Atlas' },
			description: 'Kubernetes v1.32.0 source tree reference',
			defaultLocale: 'root',
			locales: {
				root: { label: '简体中文', lang: 'zh-CN' },
				en: { label: 'English', lang: 'en' },
			},
			sidebar: buildSidebar(sections),
			customCss: ['./src/styles/atlas.css'],
			components: {
				Search: './src/components/overrides/Search.astro',
				MarkdownContent: './src/components/overrides/MarkdownContent.astro',
			},
			lastUpdated: false,
			disable404Route: true,
			pagination: true,
		}),
		cspTemplateScripts(),
		pagefindUi(),
	],
});
