import { describe, expect, it } from 'vitest';
import {
	cellComparer,
	compareVersions,
	emptyView,
	fillTemplate,
	fragmentId,
	isFiltered,
	nextSort,
	parseView,
	queryString,
	rowMatches,
	sortOrder,
	withoutFilters,
	writeView,
	type ViewSchema,
} from '../../src/lib/table-state.ts';
import { facetValues, tableFacets } from '../../src/lib/table-view.ts';
import { sectionRows } from '../../src/lib/pages.ts';
import { realAtlas } from './helpers.ts';

const schema: ViewSchema = {
	columns: ['version', 'module', 'change'],
	facets: { version: ['v1.9', 'v1.10', 'v1.24'], stage: ['alpha', 'ga'] },
};
const t = (key: string) => key;

describe('view state in the URL', () => {
	it('reads q, facets and sort', () => {
		const state = parseView(new URLSearchParams('q=%20kubelet%20&version=v1.24&stage=ga&sort=-version'), schema);
		expect(state).toEqual({ q: 'kubelet', facets: { version: 'v1.24', stage: 'ga' }, sort: { key: 'version', dir: 'desc' } });
		expect(parseView(new URLSearchParams('sort=module'), schema).sort).toEqual({ key: 'module', dir: 'asc' });
	});
	it('drops unknown columns and facet values instead of breaking', () => {
		const state = parseView(new URLSearchParams('sort=-nope&version=v9.99&risk=high&area=x'), schema);
		expect(state).toEqual(emptyView());
	});
	it('round-trips a view and keeps other parameters', () => {
		const state = { q: 'pkg/kubelet PLEG', facets: { stage: 'alpha' }, sort: { key: 'change', dir: 'asc' as const } };
		const params = writeView(state, new URLSearchParams('lang=x&q=old'), schema);
		expect(params.get('lang')).toBe('x');
		expect(params.get('sort')).toBe('change');
		expect(params.toString()).toBe('lang=x&q=pkg%2Fkubelet+PLEG&stage=alpha&sort=change');
		expect(parseView(new URLSearchParams(params.toString()), schema)).toEqual(state);
	});
	it('leaves no empty parameters behind', () => {
		const params = writeView(emptyView(), new URLSearchParams('q=a&version=v1.9&sort=-version'), schema);
		expect(queryString(params)).toBe('');
		expect(queryString(writeView({ ...emptyView(), sort: { key: 'version', dir: 'desc' } }, params, schema))).toBe('?sort=-version');
	});
	it('knows when rows are hidden, and clears filters but keeps the sort', () => {
		const state = { q: 'x', facets: { stage: 'ga' }, sort: { key: 'version', dir: 'asc' as const } };
		expect(isFiltered(state)).toBe(true);
		expect(withoutFilters(state)).toEqual({ q: '', facets: {}, sort: state.sort });
		expect(isFiltered(withoutFilters(state))).toBe(false);
	});
});

describe('sorting', () => {
	it('cycles ascending, descending, data order; another column starts ascending', () => {
		const asc = nextSort(undefined, 'version');
		expect(asc).toEqual({ key: 'version', dir: 'asc' });
		const desc = nextSort(asc, 'version');
		expect(desc).toEqual({ key: 'version', dir: 'desc' });
		expect(nextSort(desc, 'version')).toBeUndefined();
		expect(nextSort(desc, 'module')).toEqual({ key: 'module', dir: 'asc' });
	});
	it('compares versions as versions, not as text', () => {
		expect(compareVersions('v1.9', 'v1.10')).toBeLessThan(0);
		expect(compareVersions('v1.32', 'v1.4')).toBeGreaterThan(0);
		expect(compareVersions('1.27.3', 'v1.27')).toBeGreaterThan(0);
		expect(compareVersions('v1.24', 'v1.24')).toBe(0);
		expect(compareVersions('v1.24', 'kubelet')).toBeUndefined();
		const compare = cellComparer('en');
		expect(['v1.10', 'v1.9', 'v1.32', 'v1.16'].sort(compare)).toEqual(['v1.9', 'v1.10', 'v1.16', 'v1.32']);
		expect(compare('#9 fix', '#10 fix')).toBeLessThan(0);
	});
	it('orders rows stably, with empty cells last in both directions', () => {
		const values = ['v1.24', '', 'v1.9', 'v1.10', 'v1.9'];
		const compare = cellComparer('en');
		expect(sortOrder(values, 'asc', compare)).toEqual([2, 4, 3, 0, 1]);
		expect(sortOrder(values, 'desc', compare)).toEqual([0, 3, 2, 4, 1]);
	});
});

describe('filtering', () => {
	const row = {
		text: 'pkg-kubelet-pleg pkg/kubelet/pleg/ GenericPLEG Pod lifecycle event generator',
		facets: { version: 'v1.24', stage: 'ga' },
	};
	it('matches every word anywhere in the row, ignoring case', () => {
		expect(rowMatches(row, { q: '', facets: {} })).toBe(true);
		expect(rowMatches(row, { q: 'pkg/kubelet/pleg', facets: {} })).toBe(true);
		expect(rowMatches(row, { q: 'genericpleg  LIFECYCLE', facets: {} })).toBe(true);
		expect(rowMatches(row, { q: 'pleg scheduler', facets: {} })).toBe(false);
		expect(rowMatches({ text: '调度框架 Scheduling framework', facets: {} }, { q: '调度', facets: {} })).toBe(true);
	});
	it('requires every chosen facet', () => {
		expect(rowMatches(row, { q: '', facets: { version: 'v1.24' } })).toBe(true);
		expect(rowMatches(row, { q: '', facets: { version: 'v1.24', stage: 'alpha' } })).toBe(false);
		expect(rowMatches(row, { q: '', facets: { risk: 'high' } })).toBe(false);
	});
	it('fills UI string templates', () => {
		expect(fillTemplate('{shown} of {total} rows', { shown: 3, total: 24 })).toBe('3 of 24 rows');
		expect(fillTemplate('Sort by {column}', {})).toBe('Sort by {column}');
	});
	it('reads the row id from a URL fragment', () => {
		expect(fragmentId('#v1.24-dockershim-removal')).toBe('v1.24-dockershim-removal');
		expect(fragmentId('#%E6%9E%84%E5%BB%BA')).toBe('构建');
		expect(fragmentId('#100%')).toBe('100%');
		expect(fragmentId('')).toBe('');
	});
});

describe('table facets', () => {
	it('orders facet values: versions numerically, stages and risks in schema order', () => {
		expect(facetValues('version', ['v1.24', 'v1.9', undefined, 'v1.10', 'v1.9'])).toEqual(['v1.9', 'v1.10', 'v1.24']);
		expect(facetValues('stage', ['ga', 'alpha', 'removed', 'beta'])).toEqual(['alpha', 'beta', 'ga', 'removed']);
		expect(facetValues('risk', ['high', 'low', 'medium'])).toEqual(['low', 'medium', 'high']);
	});
	it('derives each table’s facets from its rows', () => {
		const atlas = realAtlas();
		for (const section of atlas.sections) {
			const rows = sectionRows(atlas, section, 'en', t);
			const facets = tableFacets(rows, t);
			for (const facet of facets) {
				const present = new Set(rows.map((row) => row.facets[facet.key as 'version' | 'stage' | 'risk']));
				expect(facet.options.length).toBeGreaterThan(1);
				for (const option of facet.options) expect(present.has(option.value)).toBe(true);
			}
			const keys = facets.map((facet) => facet.key);
			if (section.source === 'versionChanges') expect(keys).toContain('version');
			if (section.source === 'customizations') expect(keys).toEqual(['risk']);
			if (!['versionChanges', 'customizations'].includes(section.source)) expect(keys).toEqual([]);
		}
	});
});
