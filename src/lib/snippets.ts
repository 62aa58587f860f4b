import type { Snippet } from '../schemas/snippet.ts';
import { textKey, type Lang } from './urls.ts';

/** A snippet's code in one language: every `{{key}}` replaced by its translated comment. */
export function snippetCode(snippet: Snippet, lang: Lang): string {
	const key = textKey(lang);
	return snippet.code.replace(/\{\{([a-z0-9-]+)\}\}/g, (_match, name: string) => {
		const comment = snippet.comments[name];
		if (!comment) throw new Error(`snippet ${snippet.id}: no comment for {{${name}}}`);
		return comment[key];
	}).replace(/\n+$/, '');
}
