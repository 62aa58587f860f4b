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

/** Lookup structures over all rows, built once per atlas (entry pages would otherwise scan every row). */
interface PathIndex {
	byKey: Map<string, AnyRow>;
	/** Every path a row names (normalized), sorted, for prefix range queries. */
	named: Array<{ path: string; row: AnyRow }>;
	/** Rows by their own (normalized) path. */
	byOwnPath: Map<string, AnyRow[]>;
	/** Components by the package or code path id they are implemented by. */
	implementing: Map<string, AnyRow[]>;
}

const indexes = new WeakMap<Atlas, PathIndex>();

function pathIndex(atlas: Atlas): PathIndex {
	const cached = indexes.get(atlas);
	if (cached) return cached;
	const named: PathIndex['named'] = [];
	const byOwnPath = new Map<string, AnyRow[]>();
	const implementing = new Map<string, AnyRow[]>();
	for (const row of atlas.rows) {
		const paths = new Set(
			sourceRefsOf(row).flatMap((ref) => [ref.path, ...(ref.seedPath ? [ref.seedPath] : [])]).map(normalizePath),
		);
		for (const path of paths) if (path !== '') named.push({ path, row });
		for (const path of new Set(ownPaths(row).map(normalizePath))) {
			byOwnPath.set(path, [...(byOwnPath.get(path) ?? []), row]);
		}
		if (row.collection === 'components') {
			for (const id of row.entry.implementedBy) implementing.set(id, [...(implementing.get(id) ?? []), row]);
		}
	}
	named.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const index = { byKey: new Map(atlas.rows.map((row) => [rowKey(row), row])), named, byOwnPath, implementing };
	indexes.set(atlas, index);
	return index;
}

/** First position in the sorted list whose path is ≥ `path`. */
function lowerBound(named: PathIndex['named'], path: string): number {
	let low = 0;
	let high = named.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((named[middle]?.path ?? '') < path) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Rows that name `anchor` itself or something inside the folder `anchor`. */
function rowsNamingInside(index: PathIndex, anchor: string): AnyRow[] {
	const found: AnyRow[] = [];
	for (let i = lowerBound(index.named, anchor); i < index.named.length; i++) {
		const item = index.named[i]!;
		if (item.path !== anchor && !item.path.startsWith(`${anchor}/`)) {
			if (!item.path.startsWith(anchor)) break; // past every path with this prefix
			continue; // e.g. `pkg/kubelet-x` between `pkg/kubelet` and `pkg/kubelet/…`
		}
		found.push(item.row);
	}
	return found;
}

/** Rows whose own path is `anchor` or a folder containing it. */
function rowsContaining(index: PathIndex, anchor: string): AnyRow[] {
	const parts = anchor.split('/');
	return parts.flatMap((_, i) => index.byOwnPath.get(parts.slice(0, i + 1).join('/')) ?? []);
}

/**
 * Entries related to a row, computed from the data: rows that name a path inside this entry's own path,
 * entries whose own path contains it, and explicit references (a component's `implementedBy`, both ways).
 * A component also collects what is related to the packages that implement it.
 */
export function relatedRows(atlas: Atlas, row: AnyRow): AnyRow[] {
	const index = pathIndex(atlas);
	const found = new Map<string, AnyRow>();
	const add = (candidate: AnyRow | undefined) => {
		if (candidate && rowKey(candidate) !== rowKey(row)) found.set(rowKey(candidate), candidate);
	};
	const findById = (id: string) => index.byKey.get(`packages:${id}`) ?? index.byKey.get(`codePaths:${id}`);

	const anchors = new Set(ownPaths(row).map(normalizePath));
	if (row.collection === 'components') {
		for (const id of row.entry.implementedBy) {
			const target = findById(id);
			add(target);
			if (target) ownPaths(target).forEach((path) => anchors.add(normalizePath(path)));
		}
	}
	if (row.collection === 'packages' || row.collection === 'codePaths') {
		(index.implementing.get(row.entry.id) ?? []).forEach(add);
	}
	for (const anchor of anchors) {
		if (anchor === '') continue;
		rowsNamingInside(index, anchor).forEach(add);
		rowsContaining(index, anchor).forEach(add);
	}
	const order = ['directories', 'components', 'packages', 'stagingModules', 'codePaths', 'versionChanges', 'troubleshooting', 'tuning', 'customizations'];
	return [...found.values()].sort(
		(a, b) => order.indexOf(a.collection) - order.indexOf(b.collection) || a.entry.id.localeCompare(b.entry.id),
	);
}
