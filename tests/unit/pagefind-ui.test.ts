import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagefindUiClasses, pagefindUiScopes, pagefindUiStrings } from '../../src/lib/pagefind-ui-markup.ts';
import { repoRoot } from './helpers.ts';

const installedCss = readFileSync(createRequire(import.meta.url).resolve('@pagefind/default-ui/css/ui.css'), 'utf8');

describe("the site's Pagefind UI markup", () => {
	it("finds, in the installed Pagefind stylesheet, a scope that styles every class of each part", () => {
		const scopes = pagefindUiScopes(installedCss);
		expect(scopes.ui).toMatch(/^svelte-[a-z0-9]+$/);
		expect(scopes.result).toMatch(/^svelte-[a-z0-9]+$/);
		expect(scopes.ui).not.toBe(scopes.result);
		for (const [part, classes] of Object.entries(pagefindUiClasses)) {
			const scope = scopes[part as keyof typeof scopes];
			for (const name of classes) expect(installedCss, `${part}: .${name}.${scope}`).toContain(`.${name}.${scope}`);
		}
	});

	it('picks the result scope that has sub-results (Starlight shows them), not the plain one', () => {
		const css = [
			...pagefindUiClasses.ui.map((name) => `.${name}.svelte-aaa{}`),
			...pagefindUiClasses.result.filter((name) => name !== 'pagefind-ui__result-nested').map((name) => `.${name}.svelte-plain{}`),
			...pagefindUiClasses.result.map((name) => `.${name}.svelte-subs{}`),
		].join('\n');
		expect(pagefindUiScopes(css)).toEqual({ ui: 'svelte-aaa', result: 'svelte-subs' });
	});

	it('fails naming the classes an upgraded stylesheet no longer styles', () => {
		const css = installedCss.replaceAll('.pagefind-ui__result-nested', '.pagefind-ui__result-child');
		expect(() => pagefindUiScopes(css)).toThrow(/ui\.css: .*result classes \(missing: pagefind-ui__result-nested\)/);
	});

	it('has every string it shows translated in both languages', () => {
		for (const file of ['zh-CN.json', 'en.json']) {
			const strings = JSON.parse(readFileSync(join(repoRoot, 'src/content/i18n', file), 'utf8')) as Record<string, string>;
			for (const key of pagefindUiStrings) expect(strings[`pagefind.${key}`], `${file}: pagefind.${key}`).toBeTruthy();
			for (const key of ['zero_results', 'one_result', 'many_results', 'searching'] as const) {
				expect(strings[`pagefind.${key}`], `${file}: pagefind.${key}`).toContain('[SEARCH_TERM]');
			}
		}
	});
});
