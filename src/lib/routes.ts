import type { AnyRow, Atlas } from './atlas.ts';
import type { Section } from '../schemas/section.ts';
import { entryRoutes, hasEntryPages, locales, localeOf, type EntryCollection, type Lang, type LocaleKey } from './urls.ts';

export interface SectionPageProps {
	lang: Lang;
	section: Section;
}
export interface EntryPageProps {
	lang: Lang;
	row: AnyRow;
}

/** Static paths of every section overview page, in both languages. */
export function getSectionPaths(atlas: Atlas) {
	return locales.flatMap((lang) =>
		atlas.sections.map((section) => ({
			params: { locale: localeOf(lang), section: section.id },
			props: { lang, section } satisfies SectionPageProps,
		})),
	);
}

/** Static paths of every entry page (`/<kind>/<id>/`), in both languages. */
export function getEntryPaths(atlas: Atlas) {
	return locales.flatMap((lang) =>
		atlas.rows
			.filter((row): row is Extract<AnyRow, { collection: EntryCollection }> => hasEntryPages(row.collection))
			.map((row) => ({
				params: { locale: localeOf(lang), kind: entryRoutes[row.collection as EntryCollection], id: row.entry.id },
				props: { lang, row } satisfies EntryPageProps,
			})),
	);
}

/** Static paths of a page that exists once per language (errata, timeline). */
export function getLocalePaths(): Array<{ params: { locale: LocaleKey }; props: { lang: Lang } }> {
	return locales.map((lang) => ({ params: { locale: localeOf(lang) }, props: { lang } }));
}
