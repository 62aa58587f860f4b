import { createHash } from 'node:crypto';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?:\s[^>]*)?>([\s\S]*?)<\/script>/g;
const CSP_META = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/;

export function sha256(text: string): string {
	return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** Bodies of the inline (no `src`) scripts of a page. */
export function inlineScripts(html: string): string[] {
	return [...html.matchAll(INLINE_SCRIPT)].map((match) => match[1] ?? '').filter((body) => body.trim() !== '');
}

/**
 * Inline scripts that belong to the page template: present on at least half of the pages. Starlight renders
 * a few `is:inline` scripts (theme, search shortcut, sidebar state) that Astro's CSP does not hash; anything
 * page-specific stays unhashed, so a script smuggled in through content would still be blocked.
 */
export function templateScriptHashes(pages: ReadonlyArray<string>): Set<string> {
	const counts = new Map<string, number>();
	for (const html of pages) {
		for (const hash of new Set(inlineScripts(html).map(sha256))) counts.set(hash, (counts.get(hash) ?? 0) + 1);
	}
	return new Set([...counts].filter(([, count]) => count * 2 >= pages.length).map(([hash]) => hash));
}

/** Adds the given hashes (those of scripts present on the page) to the page's CSP `script-src`. */
export function addScriptHashes(html: string, hashes: ReadonlySet<string>): string {
	const present = new Set(inlineScripts(html).map(sha256));
	const wanted = [...hashes].filter((hash) => present.has(hash));
	return html.replace(CSP_META, (_all, start: string, policy: string, end: string) => {
		const missing = wanted.filter((hash) => !policy.includes(hash));
		if (missing.length === 0) return `${start}${policy}${end}`;
		const updated = policy.replace(/script-src ([^;]*)/, (_m, sources: string) => `script-src ${sources} ${missing.join(' ')}`);
		return `${start}${updated}${end}`;
	});
}
