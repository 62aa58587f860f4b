// Adds the exact lookup above Pagefind's results in Starlight's search dialog, and the search-term
// highlight on the page a result leads to. Starlight's own search component stays as it is.
import { rankShards, type LookupLayout, type Shard } from '../lib/search-query';

const HIGHLIGHT_PARAM = 'highlight';

function withHighlight(href: string, query: string): string {
	const url = new URL(href, location.href);
	url.searchParams.set(HIGHLIGHT_PARAM, query);
	return url.toString();
}

function setupExactLookup(host: HTMLElement): void {
	const folder = host.dataset['lookup'];
	const layoutText = host.dataset['lookupLayout'];
	const label = host.dataset['exactLabel'] ?? '';
	const base = (host.dataset['base'] ?? '/').replace(/\/$/, '');
	const prefix = host.dataset['prefix'] ?? '';
	if (!folder || !layoutText) return;
	const layout = JSON.parse(layoutText) as LookupLayout;
	// Each lookup file is fetched once per page; a failed fetch is retried by the next query.
	const cache = new Map<string, Promise<Shard>>();
	const source = (file: string): Promise<Shard> => {
		let shard = cache.get(file);
		if (!shard) {
			shard = fetch(`${folder}${file}`).then((response) => {
				if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
				return response.json() as Promise<Shard>;
			});
			shard.catch(() => cache.delete(file));
			cache.set(file, shard);
		}
		return shard;
	};

	const section = document.createElement('section');
	section.className = 'atlas-exact';
	section.setAttribute('aria-label', label);
	const heading = document.createElement('p');
	heading.className = 'atlas-exact__label';
	heading.textContent = label;
	const list = document.createElement('ol');
	section.append(heading, list);
	section.hidden = true;

	let current = '';
	const place = () => {
		const form = host.querySelector('form.pagefind-ui__form');
		if (!form || section.parentElement === form) return;
		const drawer = form.querySelector('.pagefind-ui__drawer');
		form.insertBefore(section, drawer);
	};

	const render = async (query: string) => {
		current = query;
		let ranked: Awaited<ReturnType<typeof rankShards>>;
		try {
			ranked = await rankShards(query, layout, source);
		} catch {
			ranked = [];
		}
		if (query !== current) return;
		place();
		list.replaceChildren(
			...ranked.map(({ card }, position) => {
				const item = document.createElement('li');
				const link = document.createElement('a');
				link.className = 'atlas-exact__link';
				link.href = withHighlight(`${base}${prefix}${card.u}`, query);
				link.dataset['rank'] = String(position + 1);
				const title = document.createElement('span');
				title.className = 'atlas-exact__title';
				title.textContent = card.t;
				const kind = document.createElement('span');
				kind.className = 'atlas-exact__kind';
				kind.textContent = card.s;
				link.append(title, kind);
				item.append(link);
				return item;
			}),
		);
		section.hidden = ranked.length === 0;
	};
	host.addEventListener('input', (event) => {
		const input = event.target;
		if (!(input instanceof HTMLInputElement)) return;
		void render(input.value);
	});
	// Pagefind's own results land with the search terms highlighted too.
	host.addEventListener(
		'click',
		(event) => {
			const link = event.target instanceof Element ? event.target.closest('a') : null;
			const input = host.querySelector<HTMLInputElement>('input');
			if (!link || !input?.value || link.classList.contains('atlas-exact__link')) return;
			link.href = withHighlight(link.href, input.value);
		},
		true,
	);
}

async function highlightTerms(base: string): Promise<void> {
	if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
	const module = (await import(/* @vite-ignore */ `${base.replace(/\/$/, '')}/pagefind/pagefind-highlight.js`)) as {
		default: new (options: { highlightParam: string }) => unknown;
	};
	new module.default({ highlightParam: HIGHLIGHT_PARAM });
	// Marks can move content: bring the targeted row or heading back into view.
	if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView({ block: 'center' });
}

const host = document.querySelector<HTMLElement>('site-search-exact[data-lookup]');
if (host) {
	// The button shows "Search" and the shortcut hint ("Ctrl K", "⌘ K" on Apple devices); its accessible name
	// must contain that visible text (WCAG 2.5.3). Spaces between the hint's keys make its text read as words
	// (they do not render: the button and the hint are flex containers); then the hint joins the label.
	const button = host.querySelector<HTMLButtonElement>('button[data-open-modal]');
	const hint = button?.querySelector<HTMLElement>(':scope > kbd');
	if (button && hint) {
		const keys = [...hint.querySelectorAll('kbd')];
		keys.slice(1).forEach((key) => key.before(' '));
		hint.before(' ');
		const text = keys.map((key) => key.textContent?.trim() ?? '').join(' ');
		button.setAttribute('aria-label', `${button.getAttribute('aria-label') ?? ''} ${text}`.trim());
	}
	setupExactLookup(host);
	void highlightTerms(host.dataset['base'] ?? '/');
}
