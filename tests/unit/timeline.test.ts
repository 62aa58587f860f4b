import { describe, expect, it } from 'vitest';
import {
	groupByVersion,
	inRange,
	orderedRange,
	parseTimeline,
	timelineMatches,
	versionAxis,
	writeTimeline,
} from '../../src/lib/timeline.ts';
import { timelineView } from '../../src/lib/timeline-view.ts';
import { realAtlas } from './helpers.ts';

const schema = { areas: ['api-changes', 'runtime-changes'], versions: versionAxis(['v1.16', 'v1.32']) };

describe('version axis', () => {
	it('runs from the oldest to the newest version with the gaps filled', () => {
		expect(versionAxis(['v1.20', 'v1.9', 'v1.12', 'v1.9'])).toEqual(['v1.9', 'v1.10', 'v1.11', 'v1.12', 'v1.13', 'v1.14', 'v1.15', 'v1.16', 'v1.17', 'v1.18', 'v1.19', 'v1.20']);
		expect(versionAxis([])).toEqual([]);
	});
	it('groups items by version in axis order, keeping empty versions and data order', () => {
		const items = [
			{ id: 'b', version: 'v1.10' },
			{ id: 'a', version: 'v1.8' },
			{ id: 'c', version: 'v1.10' },
		];
		expect(groupByVersion(items)).toEqual([
			{ version: 'v1.8', items: [items[1]] },
			{ version: 'v1.9', items: [] },
			{ version: 'v1.10', items: [items[0], items[2]] },
		]);
	});
});

describe('what changed between vX and vY', () => {
	it('takes the changes after vX up to and including vY', () => {
		const range = { from: 'v1.24', to: 'v1.28' };
		expect(inRange('v1.24', range)).toBe(false);
		expect(inRange('v1.25', range)).toBe(true);
		expect(inRange('v1.28', range)).toBe(true);
		expect(inRange('v1.29', range)).toBe(false);
		expect(inRange('v1.9', { from: undefined, to: 'v1.10' })).toBe(true);
		expect(inRange('v1.10', { from: 'v1.9', to: undefined })).toBe(true);
		expect(inRange('v1.16', { from: undefined, to: undefined })).toBe(true);
	});
	it('accepts the ends in either order', () => {
		expect(orderedRange({ area: undefined, from: 'v1.30', to: 'v1.9' })).toEqual({ area: undefined, from: 'v1.9', to: 'v1.30' });
		expect(timelineMatches({ version: 'v1.20', area: 'api-changes' }, { area: undefined, from: 'v1.30', to: 'v1.16' })).toBe(true);
	});
	it('filters by area and range together', () => {
		const item = { version: 'v1.24', area: 'runtime-changes' };
		expect(timelineMatches(item, { area: 'runtime-changes', from: 'v1.23', to: 'v1.24' })).toBe(true);
		expect(timelineMatches(item, { area: 'api-changes', from: undefined, to: undefined })).toBe(false);
		expect(timelineMatches(item, { area: undefined, from: 'v1.24', to: undefined })).toBe(false);
	});
	it('round-trips area, from and to through the URL, dropping unknown values', () => {
		const state = { area: 'runtime-changes', from: 'v1.20', to: 'v1.28' };
		const params = writeTimeline(state, new URLSearchParams('x=1'));
		expect(params.toString()).toBe('x=1&area=runtime-changes&from=v1.20&to=v1.28');
		expect(parseTimeline(params, schema)).toEqual(state);
		expect(parseTimeline(new URLSearchParams('area=nope&from=v1.99&to=v1.16'), schema)).toEqual({ area: undefined, from: undefined, to: 'v1.16' });
		expect(parseTimeline(new URLSearchParams('from=v1.30&to=v1.20'), schema)).toEqual({ area: undefined, from: 'v1.20', to: 'v1.30' });
		expect(writeTimeline({ area: undefined, from: undefined, to: undefined }, params).toString()).toBe('x=1');
	});
});

describe('timeline page', () => {
	const atlas = realAtlas();
	const view = timelineView(atlas, 'en', (key) => key);
	it('shows every version change once, on an axis from the oldest to the newest version', () => {
		const ids = view.groups.flatMap((group) => group.items.map((item) => item.id));
		expect(ids.sort()).toEqual(atlas.data.versionChanges.map((change) => change.id).sort());
		expect(view.total).toBe(atlas.data.versionChanges.length);
		expect(view.axis[0]).toBe('v1.16');
		expect(view.axis.at(-1)).toBe('v1.32');
		expect(view.groups.map((group) => group.version)).toEqual(view.axis);
		for (const group of view.groups) for (const item of group.items) expect(item.version).toBe(group.version);
	});
	it('offers the version-change sections as areas, in section order', () => {
		const areas = atlas.sections.filter((section) => section.source === 'versionChanges').map((section) => section.id);
		expect(view.area?.options.map((option) => option.value)).toEqual(areas);
		expect(view.area?.options.map((option) => option.label)).toEqual(
			areas.map((id) => atlas.sectionById.get(id)?.title.en),
		);
	});
	it('links each change to its entry page and its row', () => {
		const item = view.groups.flatMap((group) => group.items)[0];
		expect(item?.entryHref).toBe(`/changes/${item?.id}/`);
		expect(item?.rowHref).toBe(`/sections/${item?.area}/#${item?.id}`);
	});
});
