import type { APIRoute } from 'astro';
import { llmsText } from '~/lib/llms';
import { getAtlas } from '~/lib/site-data';
import { sitePath } from '~/lib/urls';

export const GET: APIRoute = async ({ site }) => {
	const url = (path: string) => new URL(sitePath(path, 'en', import.meta.env.BASE_URL), site).href;
	return new Response(llmsText(await getAtlas(), url), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
