// The view of a reference table (text filter, facet filters, sort) and its URL form. Pure functions, no DOM:
// the browser script (src/scripts/table.ts) wires them to the page; the unit tests call them directly.

export type SortDir = 'asc' | 'desc';
export interface SortState {
	/** Column key: the section column's field (`version`, `module`, …). */
	key: string;
	dir: SortDir;
}

/** What a reader chose: `?q=…&version=…&stage=…&sort=-version`. */
export interface ViewState {
	/** Free text; every word must occur somewhere in the row. */
	q: string;
	/** Facet key → chosen value (absent: all values). */
	facets: Record<string, string>;
	sort: SortState | undefined;
}

/** What a table offers: sortable column keys and, per facet, the values present in its rows. */
export interface ViewSchema {
	columns: readonly string[];
	facets: Readonly<Record<string, readonly string[]>>;
}

/** A row as the filter sees it: its text (cells, id, paths, identifiers) and its facet values. */
export interface FilterRow {
	text: string;
	facets: Readonly<Record<string, string | undefined>>;
}

export const emptyView = (): ViewState => ({ q: '', facets: {}, sort: undefined });

/** The value of `key` in `params` when it is one of `options`. */
export function pickOption(params: URLSearchParams, key: string, options: readonly string[]): string | undefined {
	const value = params.get(key);
	return value !== null && options.includes(value) ? value : undefined;
}

/** Reads the view from a query string. Unknown columns and facet values are dropped, so an old link never breaks. */
export function parseView(params: URLSearchParams, schema: ViewSchema): ViewState {
	const facets: Record<string, string> = {};
	for (const [key, options] of Object.entries(schema.facets)) {
		const value = pickOption(params, key, options);
		if (value !== undefined) facets[key] = value;
	}
	const rawSort = params.get('sort') ?? '';
	const dir: SortDir = rawSort.startsWith('-') ? 'desc' : 'asc';
	const key = rawSort.replace(/^[-+]/, '');
	return {
		q: (params.get('q') ?? '').trim(),
		facets,
		sort: schema.columns.includes(key) ? { key, dir } : undefined,
	};
}

/** Writes the view into a copy of `params`, in a fixed order: `q`, one parameter per facet, `sort` (`-key` when descending). Other parameters are kept. */
export function writeView(state: ViewState, params: URLSearchParams, schema: ViewSchema): URLSearchParams {
	const keys = ['q', ...Object.keys(schema.facets), 'sort'];
	const next = new URLSearchParams([...params].filter(([key]) => !keys.includes(key)));
	const add = (key: string, value: string | undefined) => value && next.append(key, value);
	add('q', state.q.trim());
	for (const key of Object.keys(schema.facets)) add(key, state.facets[key]);
	add('sort', state.sort && `${state.sort.dir === 'desc' ? '-' : ''}${state.sort.key}`);
	return next;
}

/** `?a=b` or the empty string. */
export const queryString = (params: URLSearchParams): string => {
	const text = params.toString();
	return text ? `?${text}` : '';
};

/** Whether the view hides rows. */
export const isFiltered = (state: ViewState): boolean => state.q !== '' || Object.keys(state.facets).length > 0;

/** The same view with every filter cleared; the sort is kept. */
export const withoutFilters = (state: ViewState): ViewState => ({ ...state, q: '', facets: {} });

/** Header click cycle: ascending → descending → data order. */
export function nextSort(current: SortState | undefined, key: string): SortState | undefined {
	if (current?.key !== key) return { key, dir: 'asc' };
	return current.dir === 'asc' ? { key, dir: 'desc' } : undefined;
}

/** Folds text for matching: case, width and compatibility forms. */
export const foldText = (text: string): string => text.normalize('NFKC').toLowerCase();

/** Whether a row passes the view's filters: every word of `q` occurs in its text and every chosen facet matches. */
export function rowMatches(row: FilterRow, state: Pick<ViewState, 'q' | 'facets'>): boolean {
	for (const [key, value] of Object.entries(state.facets)) {
		if (row.facets[key] !== value) return false;
	}
	const text = foldText(row.text);
	return foldText(state.q)
		.split(/\s+/)
		.filter(Boolean)
		.every((word) => text.includes(word));
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/;

/** Compares Kubernetes versions numerically (`v1.9` < `v1.10`); `undefined` when either is not a version. */
export function compareVersions(a: string, b: string): number | undefined {
	const x = VERSION.exec(a.trim());
	const y = VERSION.exec(b.trim());
	if (!x || !y) return undefined;
	for (const index of [1, 2, 3]) {
		const diff = Number(x[index] ?? 0) - Number(y[index] ?? 0);
		if (diff !== 0) return diff;
	}
	return 0;
}

/** Compares two cells: versions as versions, other text with numeric-aware collation in the page's language. */
export function cellComparer(locale?: string): (a: string, b: string) => number {
	const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
	return (a, b) => compareVersions(a, b) ?? collator.compare(a, b);
}

/**
 * The order in which to show rows sorted by `values` (one per row, in data order): indices into `values`.
 * Empty cells go last in both directions; ties keep data order.
 */
export function sortOrder(values: readonly string[], dir: SortDir, compare: (a: string, b: string) => number): number[] {
	const sign = dir === 'desc' ? -1 : 1;
	return values
		.map((value, index) => ({ value: value.trim(), index }))
		.sort((a, b) => {
			if (!a.value || !b.value) return Number(!a.value) - Number(!b.value) || a.index - b.index;
			return sign * compare(a.value, b.value) || a.index - b.index;
		})
		.map((item) => item.index);
}

/** Fills `{name}` placeholders of a UI string (`{shown} of {total} rows`). */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The element id a URL fragment (`#v1.24-x`, `#%E6%9E%84`) points to; a malformed escape is taken as it is. */
export function fragmentId(hash: string): string {
	const raw = hash.replace(/^#/, '');
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}
