// Sort, filter and shareable views for reference tables (see src/components/TableTools.astro). Only wires the DOM
// to src/lib/table-state.ts. Without this script every row stays visible in data order.
import {
	cellComparer,
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
	type FilterRow,
	type ViewSchema,
	type ViewState,
} from '../lib/table-state.ts';

const hashId = () => fragmentId(location.hash);

function enhance(block: HTMLElement): void {
	const tools = block.querySelector<HTMLElement>('[data-table-tools]');
	const table = block.querySelector('table');
	const body = table?.tBodies[0];
	const headers = [...(table?.tHead?.rows[0]?.cells ?? [])];
	if (!tools || !body) return;
	const text = tools.dataset;
	const rows = [...body.rows];
	const keys = headers.map((th) => th.dataset['sortKey'] ?? '');
	const filterRows: FilterRow[] = rows.map((row) => ({
		text: [row.id, row.dataset['keys'] ?? '', ...[...row.cells].map((cell) => cell.dataset['sort'] ?? '')].join(' '),
		facets: row.dataset,
	}));
	const input = tools.querySelector<HTMLInputElement>('input[name="q"]');
	const selects = [...tools.querySelectorAll<HTMLSelectElement>('select[name]')];
	const output = tools.querySelector<HTMLElement>('[data-count-output]');
	const sortStatus = tools.querySelector<HTMLElement>('[data-sort-status]');
	const empty = block.querySelector<HTMLElement>('[data-empty]');
	const toolClear = tools.querySelector<HTMLElement>('[data-clear]');
	const schema: ViewSchema = {
		columns: keys.filter(Boolean),
		facets: Object.fromEntries(selects.map((select) => [select.name, [...select.options].map((o) => o.value).filter(Boolean)])),
	};
	const compare = cellComparer(document.documentElement.lang || undefined);
	let state: ViewState = parseView(new URLSearchParams(location.search), schema);

	const save = () => {
		const query = queryString(writeView(state, new URLSearchParams(location.search), schema));
		history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
	};
	const showControls = () => {
		if (input) input.value = state.q;
		for (const select of selects) select.value = state.facets[select.name] ?? '';
	};

	function render(): void {
		const column = state.sort ? keys.indexOf(state.sort.key) : -1;
		const order = state.sort
			? sortOrder(rows.map((row) => row.cells[column]?.dataset['sort'] ?? ''), state.sort.dir, compare)
			: rows.map((_, index) => index);
		body?.append(...order.map((index) => rows[index] as HTMLTableRowElement));
		headers.forEach((th, index) => {
			if (state.sort && keys[index] === state.sort.key) {
				th.setAttribute('aria-sort', state.sort.dir === 'asc' ? 'ascending' : 'descending');
			} else th.removeAttribute('aria-sort');
		});
		let shown = 0;
		rows.forEach((row, index) => {
			const match = rowMatches(filterRows[index] as FilterRow, state);
			row.hidden = !match;
			if (match) shown += 1;
		});
		if (output) output.textContent = fillTemplate(text['count'] ?? '', { shown, total: rows.length });
		if (empty) empty.hidden = shown > 0;
		if (toolClear) toolClear.hidden = !isFiltered(state);
	}

	/** Shows the row a `#id` points to: clears the filter when it hides the row, then scrolls to and marks it. */
	function target(scroll: boolean): void {
		const index = rows.findIndex((row) => row.id === hashId());
		const row = rows[index];
		if (!row) return;
		if (!rowMatches(filterRows[index] as FilterRow, state)) {
			state = withoutFilters(state);
			showControls();
			render();
			save();
		}
		for (const marked of document.querySelectorAll('.atlas-target')) marked.classList.remove('atlas-target');
		row.classList.add('atlas-target');
		if (scroll) row.scrollIntoView({ block: 'start' });
	}

	headers.forEach((th, index) => {
		const key = keys[index];
		if (!key) return;
		const label = th.textContent?.trim() ?? key;
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'atlas-sort';
		button.title = fillTemplate(text['sortHint'] ?? '', { column: label });
		button.append(...th.childNodes);
		th.append(button);
		button.addEventListener('click', () => {
			state = { ...state, sort: nextSort(state.sort, key) };
			render();
			save();
			if (sortStatus) {
				const message = state.sort ? text[state.sort.dir === 'asc' ? 'sortedAsc' : 'sortedDesc'] : text['unsorted'];
				sortStatus.textContent = fillTemplate(message ?? '', { column: label });
			}
		});
	});
	input?.addEventListener('input', () => {
		state = { ...state, q: input.value };
		render();
		save();
	});
	for (const select of selects) {
		select.addEventListener('change', () => {
			const facets = { ...state.facets };
			if (select.value) facets[select.name] = select.value;
			else delete facets[select.name];
			state = { ...state, facets };
			render();
			save();
		});
	}
	for (const clear of block.querySelectorAll('[data-clear]')) {
		clear.addEventListener('click', () => {
			state = withoutFilters(state);
			showControls();
			render();
			save();
			input?.focus();
		});
	}
	window.addEventListener('hashchange', () => target(true));

	block.dataset['enhanced'] = '';
	showControls();
	const targeted = rows.some((row) => row.id === hashId());
	if (targeted) target(false);
	render();
	if (targeted) target(true);
}

for (const block of document.querySelectorAll<HTMLElement>('[data-table-block]')) enhance(block);
