// Build-time view of a table's filters: which facets a table offers and their options, derived from its rows.
import { stageSchema } from '../schemas/common.ts';
import { customizationSchema } from '../schemas/entries.ts';
import { compareVersions } from './table-state.ts';
import type { RowView, Translate } from './views.ts';

export interface FacetOption {
	value: string;
	label: string;
}
/** One facet filter (a select above the table). */
export interface FacetView {
	/** URL parameter and `data-*` attribute of the rows (`version`, `stage`, `risk`, `area`). */
	key: string;
	label: string;
	options: FacetOption[];
}

/** Row facets a section table can filter on, in toolbar order. */
const rowFacetKeys = ['version', 'stage', 'risk'] as const satisfies ReadonlyArray<keyof RowView['facets']>;

/** Orders a facet's values: enums in their schema order, versions as versions, anything else in data order. */
const facetOrder: Partial<Record<string, readonly string[]>> = {
	stage: stageSchema.options,
	risk: customizationSchema.shape.risk.options,
};

/** The distinct values present, in reading order. */
export function facetValues(key: string, values: Iterable<string | undefined>): string[] {
	const present = [...new Set([...values].filter((value): value is string => Boolean(value)))];
	const order = facetOrder[key];
	return present.sort((a, b) => {
		if (order) return order.indexOf(a) - order.indexOf(b);
		return compareVersions(a, b) ?? 0;
	});
}

/** Label of a facet value in the page's language. */
export function facetLabel(key: string, value: string, t: Translate): string {
	if (key === 'stage' || key === 'risk') return t(`atlas.${key}.${value}`);
	return value;
}

/** A facet with its options, or nothing when the data has fewer than two values (nothing to choose). */
export function facetView(
	key: string,
	values: Iterable<string | undefined>,
	t: Translate,
	label: (value: string) => string = (value) => facetLabel(key, value, t),
): FacetView | undefined {
	const options = facetValues(key, values).map((value) => ({ value, label: label(value) }));
	return options.length < 2 ? undefined : { key, label: t(`atlas.table.facet.${key}`), options };
}

/** The facet filters of a section table: those its rows carry (version, stage, risk). */
export function tableFacets(rows: ReadonlyArray<RowView>, t: Translate): FacetView[] {
	return rowFacetKeys
		.map((key) => facetView(key, rows.map((row) => row.facets[key]), t))
		.filter((facet): facet is FacetView => facet !== undefined);
}
