import type { RowCollection } from '../schemas/index.ts';

/** Site locales: the root locale is Chinese, English lives under `/en/`. */
export const locales = ['zh-CN', 'en'] as const;
export type Lang = (typeof locales)[number];
/** Starlight locale key: `undefined` for the root locale. */
export type LocaleKey = 'en' | undefined;

export const GITHUB_TREE = 'https://github.com/kubernetes/kubernetes';
export const K8S_TAG = 'v1.32.0';

export function langOf(locale: LocaleKey): Lang {
	return locale === 'en' ? 'en' : 'zh-CN';
}
export function localeOf(lang: Lang): LocaleKey {
	return lang === 'en' ? 'en' : undefined;
}
/** Short key of a language in localized texts. */
export function textKey(lang: Lang): 'zh' | 'en' {
	return lang === 'en' ? 'en' : 'zh';
}

/** URL segment of each collection's entry pages. Part of the public URL interface: never rename. */
export const entryRoutes = {
	directories: 'directories',
	components: 'components',
	packages: 'packages',
	stagingModules: 'staging',
	codePaths: 'code',
	versionChanges: 'changes',
} as const satisfies Partial<Record<RowCollection, string>>;
export type EntryCollection = keyof typeof entryRoutes;

export function hasEntryPages(collection: RowCollection): collection is EntryCollection {
	return collection in entryRoutes;
}

/** Joins a site-relative path (`/code/x/`) with the base path and locale prefix. */
export function sitePath(path: string, lang: Lang, base = '/'): string {
	const prefix = lang === 'en' ? '/en' : '';
	const cleanBase = base.endsWith('/') ? base.slice(0, -1) : base;
	const clean = path.startsWith('/') ? path : `/${path}`;
	return `${cleanBase}${prefix}${clean}`;
}

/** Site-relative path (without base or locale) of an entry page. */
export function entryPath(collection: EntryCollection, id: string): string {
	return `/${entryRoutes[collection]}/${id}/`;
}
/** Site-relative path of a section's overview page. */
export function sectionPath(sectionId: string): string {
	return `/sections/${sectionId}/`;
}
/** Site-relative path of a row inside its section's overview page. */
export function rowPath(sectionId: string, rowId: string): string {
	return `${sectionPath(sectionId)}#${rowId}`;
}

/** GitHub URL of a path at the v1.32.0 tag: `tree/` for folders, `blob/` (with `#L<line>`) for files. */
export function githubUrl(path: string, line?: number): string {
	const isFolder = path.endsWith('/') || !/\.[A-Za-z0-9]+$/.test(path.split('/').pop() ?? '');
	const clean = path.replace(/\/+$/, '');
	const kind = isFolder ? 'tree' : 'blob';
	return `${GITHUB_TREE}/${kind}/${K8S_TAG}/${clean}${!isFolder && line !== undefined ? `#L${line}` : ''}`;
}
