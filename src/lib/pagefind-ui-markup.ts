// Pagefind's default UI ships its look as one stylesheet (`@pagefind/default-ui/css/ui.css`, which Starlight
// imports) whose rules are scoped by Svelte: `.pagefind-ui__result.svelte-4xnkmf`. The site's search UI
// (src/scripts/pagefind-ui.ts) renders the same markup; to get the same look it puts the same scope classes on its
// elements. They are read from the installed stylesheet at build time, so an upgrade cannot silently unstyle it.

/** Svelte scope classes of the two parts of Pagefind's default UI the site renders. */
export interface PagefindUiScopes {
	/** Scope of the search form, message, result list and "load more" button (ui.svelte). */
	ui: string;
	/** Scope of a result with sub-results (result_with_subs.svelte, the one Starlight uses). */
	result: string;
}

/** Classes the site's search UI puts on its elements, by part. Each must be styled in the stylesheet. */
export const pagefindUiClasses = {
	ui: [
		'pagefind-ui',
		'pagefind-ui__form',
		'pagefind-ui__search-input',
		'pagefind-ui__search-clear',
		'pagefind-ui__drawer',
		'pagefind-ui__results-area',
		'pagefind-ui__message',
		'pagefind-ui__results',
		'pagefind-ui__button',
	],
	result: [
		'pagefind-ui__result',
		'pagefind-ui__result-inner',
		'pagefind-ui__result-title',
		'pagefind-ui__result-link',
		'pagefind-ui__result-excerpt',
		'pagefind-ui__result-nested',
		'pagefind-ui__result-tags',
		'pagefind-ui__result-tag',
		'pagefind-ui__loading',
	],
} as const satisfies Record<keyof PagefindUiScopes, readonly string[]>;

/** Scope classes by the BEM classes they style: `{ 'svelte-4xnkmf': Set('pagefind-ui__result', …) }`. */
function classesByScope(css: string): Map<string, Set<string>> {
	const scopes = new Map<string, Set<string>>();
	for (const match of css.matchAll(/\.(pagefind-ui(?:__[\w-]+|--[\w-]+)?)\.(svelte-[a-z0-9]+)/g)) {
		const [, name, scope] = match as unknown as [string, string, string];
		let names = scopes.get(scope);
		if (!names) scopes.set(scope, (names = new Set()));
		names.add(name);
	}
	return scopes;
}

/**
 * Finds the scope of each part: the one whose rules style every class that part renders. Throws, naming the
 * missing classes, when the stylesheet no longer has such a scope (a Pagefind upgrade changed its markup).
 */
export function pagefindUiScopes(css: string): PagefindUiScopes {
	const scopes = classesByScope(css);
	const find = (part: keyof PagefindUiScopes): string => {
		const wanted = pagefindUiClasses[part];
		for (const [scope, names] of scopes) if (wanted.every((name) => names.has(name))) return scope;
		const best = [...scopes.values()].map((names) => wanted.filter((name) => !names.has(name)));
		const missing = best.sort((a, b) => a.length - b.length)[0] ?? wanted;
		throw new Error(
			`@pagefind/default-ui/css/ui.css: no Svelte scope styles all of the search UI's ${part} classes (missing: ${missing.join(', ')})`,
		);
	};
	return { ui: find('ui'), result: find('result') };
}

/** Pagefind UI strings the search UI shows; Starlight passes them from the `pagefind.*` i18n keys. */
export const pagefindUiStrings = [
	'search_label',
	'clear_search',
	'load_more',
	'searching',
	'zero_results',
	'one_result',
	'many_results',
] as const;
