import type { APIRoute } from 'astro';
import { buildLookup, lookupLayoutOf } from '~/lib/search-lookup';
import { buildLookupFiles, lookupFiles } from '~/lib/search-shards';
import { getAtlas } from '~/lib/site-data';
import { localeOf, locales, type Lang } from '~/lib/urls';
import type { Shard } from '~/lib/search-query';

/** Every file of the sharded exact lookup, in each language (names from the layout, which only counts targets). */
export async function getStaticPaths() {
	const files = lookupFiles(lookupLayoutOf(await getAtlas()));
	return locales.flatMap((lang) => files.map((name) => ({ params: { locale: localeOf(lang), file: name.replace(/\.json$/, '') }, props: { lang } })));
}

const built = new Map<Lang, Promise<Map<string, Shard>>>();

/** One file of the exact lookup the search box consults before Pagefind (built once per language). */
export const GET: APIRoute = async ({ params, props, locals }) => {
	const { lang } = props as { lang: Lang };
	const t = (key: string) => locals.t?.(key as never) ?? '';
	let files = built.get(lang);
	if (!files) {
		files = getAtlas().then((atlas) => buildLookupFiles(buildLookup(atlas, lang, t), lookupLayoutOf(atlas)).files);
		built.set(lang, files);
	}
	return new Response(JSON.stringify((await files).get(`${params['file'] ?? ''}.json`) ?? []), {
		headers: { 'Content-Type': 'application/json' },
	});
};
