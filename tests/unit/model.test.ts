import { describe, expect, it } from 'vitest';
import { entryView, sectionRows } from '../../src/lib/pages.ts';
import { relatedRows } from '../../src/lib/related.ts';
import { errataCount, errataGroups } from '../../src/lib/errata.ts';
import { homeParts } from '../../src/lib/home.ts';
import type { AnyRow } from '../../src/lib/atlas.ts';
import { realAtlas } from './helpers.ts';

const t = (key: string) => key;
const find = (collection: string, id: string): AnyRow => {
	const row = realAtlas().rows.find((candidate) => candidate.collection === collection && candidate.entry.id === id);
	if (!row) throw new Error(`${collection}:${id} not found`);
	return row;
};

describe('the atlas', () => {
	it('holds the 137 rows of the seed in 18 sections', () => {
		const atlas = realAtlas();
		expect(atlas.sections).toHaveLength(18);
		expect(atlas.rows).toHaveLength(137);
	});

	it('renders every row of a section, in data order, with its id and entry link', () => {
		const atlas = realAtlas();
		for (const section of atlas.sections) {
			const rows = sectionRows(atlas, section, 'zh-CN', t);
			const expected = atlas.rows.filter((row) => row.entry.section === section.id).map((row) => row.entry.id);
			expect(rows.map((row) => row.id)).toEqual(expected);
			for (const row of rows) expect(row.cells).toHaveLength(section.columns.length);
		}
		const scheduler = sectionRows(atlas, atlas.sectionById.get('scheduler-framework')!, 'en', t);
		const scheduleOne = scheduler.find((row) => row.id === 'pkg-scheduler-schedule_one.go');
		expect(scheduleOne?.entryHref).toBe('/code/pkg-scheduler-schedule_one.go/');
		expect(scheduleOne?.searchKeys).toContain('ScheduleOne');
	});

	it('links symbols with a known line to that line at v1.32.0', () => {
		const view = entryView(realAtlas(), find('codePaths', 'pkg-scheduler-schedule_one.go'), 'en', t);
		const pieces = view.fields.flatMap((field) => field.lines.flat());
		const link = pieces.find((piece) => piece.text.startsWith('ScheduleOne'));
		expect(link?.href).toBe('https://github.com/kubernetes/kubernetes/blob/v1.32.0/pkg/scheduler/schedule_one.go#L65');
	});
});

describe('related entries', () => {
	it('a component links to its packages, the troubleshooting rows naming their paths and the version changes touching them', () => {
		const related = relatedRows(realAtlas(), find('components', 'cmd-kube-scheduler'));
		const ids = related.map((row) => `${row.collection}:${row.entry.id}`);
		expect(ids).toContain('packages:pkg-scheduler');
		expect(ids).toContain('troubleshooting:pod-pending');
		expect(ids).toContain('codePaths:pkg-scheduler-schedule_one.go');
		expect(ids.some((id) => id.startsWith('versionChanges:') && id.includes('dra'))).toBe(true);
	});

	it('a package links back to the component it implements', () => {
		const related = relatedRows(realAtlas(), find('packages', 'pkg-scheduler'));
		expect(related.map((row) => `${row.collection}:${row.entry.id}`)).toContain('components:cmd-kube-scheduler');
	});

	it('a version change links to the module it changes', () => {
		const change = realAtlas().rows.find((row) => row.collection === 'versionChanges' && row.entry.module.path.startsWith('pkg/proxy/nftables'));
		expect(change).toBeDefined();
		const related = relatedRows(realAtlas(), change!);
		expect(related.map((row) => `${row.collection}:${row.entry.id}`)).toContain('packages:pkg-proxy');
	});

	it('never lists the entry itself', () => {
		for (const row of realAtlas().rows) {
			expect(relatedRows(realAtlas(), row).some((other) => other === row)).toBe(false);
		}
	});
});

describe('errata and home', () => {
	it('groups every correction by section and links each to its entry or row', () => {
		const groups = errataGroups(realAtlas(), 'zh-CN');
		const rowErrata = realAtlas().rows.reduce((sum, row) => sum + row.entry.errata.length, 0);
		expect(rowErrata).toBeGreaterThan(50);
		expect(errataCount(groups)).toBeGreaterThanOrEqual(rowErrata);
		for (const group of groups) {
			for (const item of group.items) expect(item.href).toMatch(/^\/(code|packages|components|staging|directories|changes|sections|guide|about)[/#a-z0-9._-]*/);
		}
	});

	it('the home page routes into every section with its row count', () => {
		const parts = homeParts(realAtlas(), 'en');
		const links = parts.flatMap((part) => part.links);
		expect(links).toHaveLength(18);
		expect(links.find((link) => link.href === '/sections/troubleshooting-paths/')?.title).toBe('Troubleshooting code paths (10)');
	});
});
