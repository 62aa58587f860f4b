import type { SourceRef } from '../schemas/common.ts';
import type { AnyRow, Atlas } from './atlas.ts';
import { sourceRefsOf } from './atlas.ts';

/** A path without trailing slash or glob tail, for containment checks. */
export function normalizePath(path: string): string {
	const beforeGlob = path.split('*')[0] ?? path;
	return beforeGlob.replace(/\/+$/, '');
}

/** Whether `inner` is `outer` or lies inside the folder `outer`. */
export function pathContains(outer: string, inner: string): boolean {
	const a = normalizePath(outer);
	const b = normalizePath(inner);
	if (a === '' || b === '') return false;
	return b === a || b.startsWith(`${a}/`);
}

/** The paths that identify an entry (its own path or module, old and new), not everything it mentions. */
export function ownPaths(row: AnyRow): string[] {
	const main: SourceRef | undefined =
		row.collection === 'versionChanges'
			? row.entry.module
			: 'path' in row.entry && typeof row.entry.path === 'object'
				? (row.entry.path as SourceRef)
				: undefined;
	if (!main) return [];
	return [main.path, ...(main.seedPath && !main.seedPath.startsWith('k8s.io/') ? [main.seedPath] : [])];
}

const rowKey = (row: AnyRow) => `${row.collection}:${row.entry.id}`;

/**
 * Entries related to a row, computed from the data: rows that name a path inside this entry's own path,
 * entries whose own path contains it, and explicit references (a component's `implementedBy`, both ways).
 * A component also collects what is related to the packages that implement it.
 */
export function relatedRows(atlas: Atlas, row: AnyRow): AnyRow[] {
	const byKey = new Map(atlas.rows.map((candidate) => [rowKey(candidate), candidate]));
	const found = new Map<string, AnyRow>();
	const add = (candidate: AnyRow | undefined) => {
		if (candidate && rowKey(candidate) !== rowKey(row)) found.set(rowKey(candidate), candidate);
	};
	const findById = (id: string) => byKey.get(`packages:${id}`) ?? byKey.get(`codePaths:${id}`);

	const anchors = new Set(ownPaths(row));
	if (row.collection === 'components') {
		for (const id of row.entry.implementedBy) {
			const target = findById(id);
			add(target);
			if (target) ownPaths(target).forEach((path) => anchors.add(path));
		}
	}
	for (const component of atlas.data.components) {
		if (component.implementedBy.includes(row.entry.id) && (row.collection === 'packages' || row.collection === 'codePaths')) {
			add(byKey.get(`components:${component.id}`));
		}
	}

	for (const candidate of atlas.rows) {
		const candidatePaths = sourceRefsOf(candidate).flatMap((ref) => [ref.path, ...(ref.seedPath ? [ref.seedPath] : [])]);
		const candidateOwn = ownPaths(candidate);
		for (const anchor of anchors) {
			// Rows that name something inside this entry.
			if (candidatePaths.some((path) => pathContains(anchor, path))) add(candidate);
			// Entries that contain this entry.
			if (candidateOwn.some((path) => pathContains(path, anchor))) add(candidate);
		}
	}
	const order = ['directories', 'components', 'packages', 'stagingModules', 'codePaths', 'versionChanges', 'troubleshooting', 'tuning', 'customizations'];
	return [...found.values()].sort(
		(a, b) => order.indexOf(a.collection) - order.indexOf(b.collection) || a.entry.id.localeCompare(b.entry.id),
	);
}
