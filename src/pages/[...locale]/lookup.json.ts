import type { APIRoute } from 'astro';
import { getLocalePaths } from '~/lib/routes';
import { buildLookup } from '~/lib/search-lookup';
import { getAtlas } from '~/lib/site-data';
import type { Lang } from '~/lib/urls';

export function getStaticPaths() {
	return getLocalePaths();
}

/** The exact-lookup index the search box consults before Pagefind (one per language). */
export const GET: APIRoute = async ({ props, locals }) => {
	const { lang } = props as { lang: Lang };
	const t = (key: string) => locals.t?.(key as never) ?? '';
	return new Response(JSON.stringify(buildLookup(await getAtlas(), lang, t)), {
		headers: { 'Content-Type': 'application/json' },
	});
};
