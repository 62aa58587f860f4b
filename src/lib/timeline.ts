// The version timeline's logic: the version axis, grouping by version, the "what changed between vX and vY"
// range and its URL form (`?area=…&from=v1.24&to=v1.28`). Pure functions, shared by the page and its script.
import { compareVersions, pickOption } from './table-state.ts';

/** What a reader chose on the timeline. */
export interface TimelineState {
	/** Section id (api-changes, runtime-changes, …); absent: every area. */
	area: string | undefined;
	/** Lower end, exclusive: changes made after this version. */
	from: string | undefined;
	/** Upper end, inclusive: changes made up to and including this version. */
	to: string | undefined;
}

/** The areas and versions the timeline offers. */
export interface TimelineSchema {
	areas: readonly string[];
	versions: readonly string[];
}

const byVersion = (a: string, b: string) => compareVersions(a, b) ?? a.localeCompare(b);

/** Every minor version from the oldest to the newest one given, gaps filled (`v1.16` … `v1.32`). */
export function versionAxis(versions: Iterable<string>): string[] {
	const known = [...new Set(versions)].sort(byVersion);
	const first = /^v(\d+)\.(\d+)$/.exec(known[0] ?? '');
	const last = /^v(\d+)\.(\d+)$/.exec(known.at(-1) ?? '');
	if (!first || !last || first[1] !== last[1]) return known;
	const axis: string[] = [];
	for (let minor = Number(first[2]); minor <= Number(last[2]); minor += 1) axis.push(`v${first[1]}.${minor}`);
	return axis;
}

/** Items grouped by version along the axis (oldest first); versions without items get an empty group. */
export function groupByVersion<T extends { version: string }>(
	items: readonly T[],
	axis: readonly string[] = versionAxis(items.map((item) => item.version)),
): Array<{ version: string; items: T[] }> {
	const groups = new Map<string, T[]>(axis.map((version) => [version, []]));
	for (const item of items) {
		const group = groups.get(item.version) ?? [];
		group.push(item);
		groups.set(item.version, group);
	}
	return [...groups.entries()].sort(([a], [b]) => byVersion(a, b)).map(([version, list]) => ({ version, items: list }));
}

/** Puts the ends of a range in order (a reader may pick them the other way round). */
export function orderedRange(state: TimelineState): TimelineState {
	const { from, to } = state;
	return from && to && byVersion(from, to) > 0 ? { ...state, from: to, to: from } : state;
}

/** Whether a version is in the range `(from, to]`: what an upgrade from `from` to `to` brings. */
export function inRange(version: string, range: Pick<TimelineState, 'from' | 'to'>): boolean {
	if (range.from && byVersion(version, range.from) <= 0) return false;
	if (range.to && byVersion(version, range.to) > 0) return false;
	return true;
}

/** Whether a timeline item is shown for the reader's choice. */
export function timelineMatches(item: { version: string; area: string }, state: TimelineState): boolean {
	return (!state.area || item.area === state.area) && inRange(item.version, orderedRange(state));
}

/** Reads the timeline view from a query string; unknown areas or versions are dropped. */
export function parseTimeline(params: URLSearchParams, schema: TimelineSchema): TimelineState {
	return orderedRange({
		area: pickOption(params, 'area', schema.areas),
		from: pickOption(params, 'from', schema.versions),
		to: pickOption(params, 'to', schema.versions),
	});
}

/** Writes the timeline view into a copy of `params`; other parameters are kept. */
export function writeTimeline(state: TimelineState, params: URLSearchParams): URLSearchParams {
	const next = new URLSearchParams(params);
	const ordered = orderedRange(state);
	for (const key of ['area', 'from', 'to'] as const) {
		const value = ordered[key];
		if (value) next.set(key, value);
		else next.delete(key);
	}
	return next;
}
