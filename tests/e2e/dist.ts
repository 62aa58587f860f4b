// Reads the built site from disk (the same output the preview server serves).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inject } from 'vitest';

export function outDir(): string {
	return inject('outDir');
}

/** Every HTML file of the build, as paths relative to the output folder (`en/code/x/index.html`). */
export function htmlFiles(): string[] {
	const root = outDir();
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== '_astro' && entry.name !== 'pagefind') walk(path);
			} else if (entry.name.endsWith('.html')) files.push(relative(root, path));
		}
	};
	walk(root);
	return files.sort();
}

export function readHtml(file: string): string {
	return readFileSync(join(outDir(), file), 'utf8');
}

/** Text of the page's <main>, tags stripped and entities left as they are. */
export function mainText(html: string): string {
	const main = html.match(/<main[\s\S]*<\/main>/)?.[0] ?? '';
	return main
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<[^>]+>/g, ' ');
}
