// Build-time view of the version timeline: every version change on one axis, grouped by version.
import type { Atlas } from './atlas.ts';
import { groupByVersion, versionAxis } from './timeline.ts';
import { facetView, type FacetView } from './table-view.ts';
import { entryPath, rowPath, sectionPath, textKey, type Lang } from './urls.ts';
import { sourceRefLine, type Line, type Translate } from './views.ts';

/** One change on the timeline. Its `id` is the row id of the change (also its anchor on the timeline). */
export interface TimelineItemView {
	id: string;
	version: string;
	/** Section id of the change: the timeline's area facet. */
	area: string;
	areaTitle: string;
	/** Site-relative link to the area's table. */
	areaHref: string;
	stage: string | undefined;
	change: string;
	impact: string;
	module: Line;
	/** Site-relative links to the entry page and to the row in its table. */
	entryHref: string;
	rowHref: string;
}

export interface TimelineView {
	groups: Array<{ version: string; items: TimelineItemView[] }>;
	/** Every version on the axis, oldest first: the options of the "between" selects. */
	axis: string[];
	area: FacetView | undefined;
	total: number;
}

/** The timeline page: all version changes from the oldest to the newest version, areas in section order. */
export function timelineView(atlas: Atlas, lang: Lang, t: Translate): TimelineView {
	const key = textKey(lang);
	const sectionOrder = new Map(atlas.sections.map((section, index) => [section.id, index]));
	const changes = atlas.data.versionChanges
		.map((entry, index) => ({ entry, index }))
		.sort(
			(a, b) =>
				(sectionOrder.get(a.entry.section) ?? 0) - (sectionOrder.get(b.entry.section) ?? 0) || a.index - b.index,
		)
		.map(({ entry }) => entry);
	const items: TimelineItemView[] = changes.map((entry) => {
		const section = atlas.sectionById.get(entry.section);
		return {
			id: entry.id,
			version: entry.version,
			area: entry.section,
			areaTitle: section ? section.title[key] : entry.section,
			areaHref: sectionPath(entry.section),
			stage: entry.stage ? t(`atlas.stage.${entry.stage}`) : undefined,
			change: entry.change[key],
			impact: entry.impact[key],
			module: sourceRefLine(entry.module, t),
			entryHref: entryPath('versionChanges', entry.id),
			rowHref: rowPath(entry.section, entry.id),
		};
	});
	const axis = versionAxis(items.map((item) => item.version));
	const areaTitles = new Map(items.map((item) => [item.area, item.areaTitle]));
	return {
		groups: groupByVersion(items, axis),
		axis,
		area: facetView(
			'area',
			atlas.sections.filter((section) => areaTitles.has(section.id)).map((section) => section.id),
			t,
			(value) => areaTitles.get(value) ?? value,
		),
		total: items.length,
	};
}
