// The version timeline's filters (area, "what changed between vX and vY"), kept in the URL. Only wires the DOM to
// src/lib/timeline.ts; without this script every change stays visible.
import { fillTemplate, fragmentId, queryString } from '../lib/table-state.ts';
import { inRange, orderedRange, parseTimeline, timelineMatches, writeTimeline, type TimelineState } from '../lib/timeline.ts';

const block = document.querySelector<HTMLElement>('[data-timeline]');
const tools = block?.querySelector<HTMLElement>('[data-table-tools]');

if (block && tools) {
	const select = (name: string) => tools.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
	const selects = { area: select('area'), from: select('from'), to: select('to') };
	const values = (element: HTMLSelectElement | null) => [...(element?.options ?? [])].map((o) => o.value).filter(Boolean);
	const groups = [...block.querySelectorAll<HTMLElement>('[data-version-group]')];
	const items = [...block.querySelectorAll<HTMLElement>('[data-timeline-item]')];
	const itemOf = (element: HTMLElement) => ({ version: element.dataset['version'] ?? '', area: element.dataset['area'] ?? '' });
	const output = tools.querySelector<HTMLElement>('[data-count-output]');
	const empty = block.querySelector<HTMLElement>('[data-empty]');
	const toolClear = tools.querySelector<HTMLElement>('[data-clear]');
	const schema = { areas: values(selects.area), versions: values(selects.to) };
	let state: TimelineState = parseTimeline(new URLSearchParams(location.search), schema);

	const save = () => {
		const query = queryString(writeTimeline(state, new URLSearchParams(location.search)));
		history.replaceState(history.state, '', `${location.pathname}${query}${location.hash}`);
	};
	const showControls = () => {
		for (const key of ['area', 'from', 'to'] as const) {
			const element = selects[key];
			if (element) element.value = state[key] ?? '';
		}
	};
	const filtered = () => Boolean(state.area || state.from || state.to);

	const render = () => {
		let shown = 0;
		for (const item of items) {
			item.hidden = !timelineMatches(itemOf(item), state);
			if (!item.hidden) shown += 1;
		}
		const range = orderedRange(state);
		for (const group of groups) {
			const own = items.filter((item) => group.contains(item));
			const inside = inRange(group.dataset['version'] ?? '', range);
			// Versions without changes stay on the axis unless an area is chosen.
			group.hidden = !inside || (own.length > 0 ? own.every((item) => item.hidden) : Boolean(state.area));
		}
		if (output) output.textContent = fillTemplate(tools.dataset['count'] ?? '', { shown, total: items.length });
		if (empty) empty.hidden = shown > 0;
		if (toolClear) toolClear.hidden = !filtered();
	};

	const clear = () => {
		state = { area: undefined, from: undefined, to: undefined };
		showControls();
		render();
		save();
	};

	/** Shows the change a `#id` points to, clearing the filters when they hide it. */
	const target = (scroll: boolean) => {
		const id = fragmentId(location.hash);
		const item = items.find((candidate) => candidate.id === id);
		if (!item) return;
		if (!timelineMatches(itemOf(item), state)) clear();
		for (const marked of document.querySelectorAll('.atlas-target')) marked.classList.remove('atlas-target');
		item.classList.add('atlas-target');
		if (scroll) item.scrollIntoView({ block: 'start' });
	};

	for (const key of ['area', 'from', 'to'] as const) {
		selects[key]?.addEventListener('change', () => {
			state = orderedRange({ ...state, [key]: selects[key]?.value || undefined });
			showControls();
			render();
			save();
		});
	}
	for (const button of block.querySelectorAll('[data-clear]')) button.addEventListener('click', clear);
	window.addEventListener('hashchange', () => target(true));

	block.dataset['enhanced'] = '';
	showControls();
	target(false);
	render();
	if (location.hash) target(true);
}
