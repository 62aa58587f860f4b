import type { Atlas } from './atlas.ts';
import { rowHref } from './pages.ts';
import { sectionPath } from './urls.ts';
import { rowTitle } from './views.ts';

/** llms.txt: what the site is and a link list of every section and entry, in English, from the data. */
export function llmsText(atlas: Atlas, siteUrl: (path: string) => string): string {
	const lines = [
		'# K8s Source Atlas',
		'',
		'> A reference to the Kubernetes source tree at v1.32.0: directories, components, packages, staging modules,',
		'> code paths, version changes, troubleshooting and tuning paths. Chinese at the root, English under /en/.',
		'> Facts are corrected against v1.32.0; corrections are listed on the errata page.',
		'',
		`- [Errata](${siteUrl('/errata/')}): every correction against the source document`,
		`- [Version timeline](${siteUrl('/timeline/')}): version changes v1.16 to v1.32`,
		`- [Developer guide](${siteUrl('/guide/commands/')}): build, test and debugging commands`,
	];
	for (const section of atlas.sections) {
		lines.push('', `## ${section.title.en}`, '', `${section.description.en} ${siteUrl(sectionPath(section.id))}`, '');
		for (const row of atlas.rows.filter((candidate) => candidate.entry.section === section.id)) {
			lines.push(`- [${rowTitle(row, 'en')}](${siteUrl(rowHref(row))})`);
		}
	}
	return `${lines.join('\n')}\n`;
}
