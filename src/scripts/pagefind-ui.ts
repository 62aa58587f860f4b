// The search UI inside Starlight's search dialog. Starlight loads `@pagefind/default-ui` and calls
// `new PagefindUI(options)`; the site aliases that import to this module (src/integrations/pagefind-ui.ts).
// It renders the markup of Pagefind's default UI, with the same classes and Svelte scope classes, so Starlight's
// styles and Pagefind's stylesheet give it the same look, at a tenth of the bytes: the default UI bundles Svelte
// and every Pagefind translation. It implements the options Starlight passes; the strings come from Starlight's
// `translations` (the site's `pagefind.*` i18n keys). Filters and result images are not used by the site.
import scopes from 'virtual:atlas/pagefind-ui-scopes';
import type { pagefindUiStrings } from '../lib/pagefind-ui-markup';

type UiString = (typeof pagefindUiStrings)[number] | 'placeholder';

/** What Pagefind's `result.data()` resolves to (the fields the UI reads). */
interface ResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string>;
	sub_results: Array<{ url: string; title: string; excerpt: string; locations: number[] }>;
}

interface PagefindResult {
	id: string;
	data: () => Promise<ResultData>;
}

/** The parts of Pagefind's JS API (`pagefind.js`) the UI calls. */
interface PagefindApi {
	options: (options: Record<string, unknown>) => Promise<void>;
	mergeIndex: (url: string, options: Record<string, unknown>) => Promise<void>;
	preload: (term: string) => Promise<void>;
	search: (term: string) => Promise<{ results: PagefindResult[] } | null>;
}

/** Options Starlight passes (the UI's own); everything else goes to `pagefind.options()` as Pagefind's UI does. */
interface PagefindUiOptions {
	element?: string | HTMLElement;
	bundlePath?: string;
	pageSize?: number;
	resetStyles?: boolean;
	showSubResults?: boolean;
	excerptLength?: number;
	debounceTimeoutMs?: number;
	translations?: Record<string, string>;
	processResult?: (result: ResultData) => ResultData | void;
	processTerm?: (term: string) => string;
	mergeIndex?: Array<{ bundlePath: string } & Record<string, unknown>>;
	[option: string]: unknown;
}

/** Meta fields that are the result itself, not tags. */
const HIDDEN_META = new Set(['title', 'image', 'image_alt', 'url']);
/** Sub-results shown under a page, as Pagefind's UI does: the 3 with most matches, in page order. */
const MAX_SUB_RESULTS = 3;

function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	scope: string,
	className: string,
	text?: string,
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	node.className = `${className} ${scope}`;
	if (text !== undefined) node.textContent = text;
	return node;
}

function fewestSubResults<T extends { url: string; locations: number[] }>(subResults: T[]): T[] {
	if (subResults.length <= MAX_SUB_RESULTS) return subResults;
	const kept = new Set(
		[...subResults]
			.sort((a, b) => b.locations.length - a.locations.length)
			.slice(0, MAX_SUB_RESULTS)
			.map((sub) => sub.url),
	);
	return subResults.filter((sub) => kept.has(sub.url));
}

function link(href: string, title: string): HTMLParagraphElement {
	const paragraph = element('p', scopes.result, 'pagefind-ui__result-title');
	const anchor = element('a', scopes.result, 'pagefind-ui__result-link', title);
	anchor.href = href;
	paragraph.append(anchor);
	return paragraph;
}

/** Pagefind builds excerpts from the indexed text, escaped, with the matches in `<mark>`. */
function excerpt(html: string): HTMLParagraphElement {
	const paragraph = element('p', scopes.result, 'pagefind-ui__result-excerpt');
	paragraph.innerHTML = html;
	return paragraph;
}

/** One result: its page, the page's excerpt when the page itself matched, its best sub-results and meta tags. */
function renderResult(item: HTMLLIElement, data: ResultData, showSubResults: boolean): void {
	const inner = element('div', scopes.result, 'pagefind-ui__result-inner');
	const pageUrl = data.meta['url'] || data.url;
	inner.append(link(pageUrl, data.meta['title'] ?? ''));
	const subResults = showSubResults ? data.sub_results : [];
	const rootMatched = !showSubResults || subResults[0]?.url === pageUrl;
	if (rootMatched) inner.append(excerpt(data.excerpt));
	for (const sub of fewestSubResults(rootMatched ? subResults.slice(1) : subResults)) {
		const nested = element('div', scopes.result, 'pagefind-ui__result-nested');
		nested.append(link(sub.url, sub.title), excerpt(sub.excerpt));
		inner.append(nested);
	}
	const tags = Object.entries(data.meta).filter(([key]) => !HIDDEN_META.has(key));
	if (tags.length > 0) {
		const list = element('ul', scopes.result, 'pagefind-ui__result-tags');
		for (const [key, value] of tags) {
			const tag = element('li', scopes.result, 'pagefind-ui__result-tag', `${key.replace(/^\w/, (c) => c.toUpperCase())}: ${value}`);
			tag.dataset['pagefindUiMeta'] = key;
			list.append(tag);
		}
		inner.append(list);
	}
	item.replaceChildren(inner);
}

/** A result whose data is still loading: the same shapes, greyed (Pagefind's UI shows dots). */
function placeholder(item: HTMLLIElement): void {
	const inner = element('div', scopes.result, 'pagefind-ui__result-inner');
	inner.append(
		element('p', scopes.result, 'pagefind-ui__result-title pagefind-ui__loading', '. '.repeat(18)),
		element('p', scopes.result, 'pagefind-ui__result-excerpt pagefind-ui__loading', '. '.repeat(30)),
	);
	item.replaceChildren(inner);
}

export class PagefindUI {
	readonly #bundlePath: string;
	readonly #pageSize: number;
	readonly #showSubResults: boolean;
	readonly #debounceMs: number;
	readonly #strings: Record<string, string>;
	readonly #processResult: PagefindUiOptions['processResult'];
	readonly #processTerm: PagefindUiOptions['processTerm'];
	readonly #mergeIndex: NonNullable<PagefindUiOptions['mergeIndex']>;
	readonly #pagefindOptions: Record<string, unknown>;
	#pagefind: Promise<PagefindApi> | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#searchId = 0;
	#input: HTMLInputElement;
	#clear: HTMLButtonElement;
	#drawer: HTMLDivElement;
	#area: HTMLDivElement;
	#message: HTMLParagraphElement;
	#results: HTMLOListElement;
	#more: HTMLButtonElement;

	constructor(options: PagefindUiOptions) {
		const {
			element: target = '[data-pagefind-ui]',
			bundlePath = '/pagefind/',
			pageSize = 5,
			resetStyles = true,
			showSubResults = false,
			excerptLength,
			debounceTimeoutMs = 300,
			translations = {},
			processResult,
			processTerm,
			mergeIndex = [],
			// A UI option (the site shows no result images): kept out of Pagefind's options.
			showImages: _showImages,
			...pagefindOptions
		} = options;
		this.#bundlePath = bundlePath;
		this.#pageSize = pageSize;
		this.#showSubResults = showSubResults;
		this.#debounceMs = debounceTimeoutMs;
		this.#strings = translations;
		this.#processResult = processResult;
		this.#processTerm = processTerm;
		this.#mergeIndex = mergeIndex;
		this.#pagefindOptions = { ...pagefindOptions, excerptLength: excerptLength ?? (showSubResults ? 12 : 30) };

		const ui = element('div', scopes.ui, resetStyles ? 'pagefind-ui pagefind-ui--reset' : 'pagefind-ui');
		const form = element('form', scopes.ui, 'pagefind-ui__form');
		form.setAttribute('role', 'search');
		form.setAttribute('aria-label', this.#t('search_label'));
		form.addEventListener('submit', (event) => event.preventDefault());
		this.#input = element('input', scopes.ui, 'pagefind-ui__search-input');
		Object.assign(this.#input, { type: 'text', placeholder: this.#t('placeholder'), title: this.#t('placeholder') });
		this.#input.setAttribute('autocapitalize', 'none');
		this.#input.setAttribute('enterkeyhint', 'search');
		this.#clear = element('button', scopes.ui, 'pagefind-ui__search-clear pagefind-ui__suppressed', this.#t('clear_search'));
		this.#clear.type = 'button';
		this.#drawer = element('div', scopes.ui, 'pagefind-ui__drawer pagefind-ui__hidden');
		this.#area = element('div', scopes.ui, 'pagefind-ui__results-area');
		this.#message = element('p', scopes.ui, 'pagefind-ui__message');
		this.#message.setAttribute('role', 'status');
		this.#results = element('ol', scopes.ui, 'pagefind-ui__results');
		this.#more = element('button', scopes.ui, 'pagefind-ui__button', this.#t('load_more'));
		this.#more.type = 'button';
		this.#more.hidden = true;
		this.#area.append(this.#message, this.#results, this.#more);
		this.#drawer.append(this.#area);
		form.append(this.#input, this.#clear, this.#drawer);
		ui.append(form);

		this.#input.addEventListener('focus', () => void this.#load());
		this.#input.addEventListener('input', () => this.#onInput());
		this.#input.addEventListener('keydown', (event) => {
			if (event.key === 'Escape') this.#reset();
			if (event.key === 'Enter') event.preventDefault();
		});
		this.#clear.addEventListener('click', () => this.#reset());

		const host = typeof target === 'string' ? document.querySelector(target) : target;
		if (!host) throw new Error(`Pagefind UI: no element matches ${String(target)}`);
		host.append(ui);
	}

	/** A UI string: Starlight's translation, else the key (a missing translation shows up in tests). */
	#t(key: UiString, term = '', count?: number): string {
		const text = this.#strings[key] ?? key;
		const formatted = count === undefined ? '' : new Intl.NumberFormat(document.documentElement.lang || 'en').format(count);
		return text.replace('[SEARCH_TERM]', term).replace('[COUNT]', formatted);
	}

	#load(): Promise<PagefindApi> {
		this.#pagefind ??= (async () => {
			const pagefind = (await import(/* @vite-ignore */ `${this.#bundlePath}pagefind.js`)) as PagefindApi;
			await pagefind.options(this.#pagefindOptions);
			for (const { bundlePath, ...indexOptions } of this.#mergeIndex) await pagefind.mergeIndex(bundlePath, indexOptions);
			return pagefind;
		})();
		return this.#pagefind;
	}

	#reset(): void {
		this.#input.value = '';
		this.#input.blur();
		this.#onInput();
	}

	#onInput(): void {
		const term = this.#input.value;
		this.#clear.classList.toggle('pagefind-ui__suppressed', term === '');
		clearTimeout(this.#timer);
		if (term === '') {
			// No term, no results: the next search starts from an empty drawer, as in Pagefind's UI.
			this.#searchId++;
			this.#area.removeAttribute('aria-busy');
			this.#drawer.classList.add('pagefind-ui__hidden');
			this.#message.textContent = '';
			this.#results.replaceChildren();
			this.#more.hidden = true;
			return;
		}
		// Pagefind fetches the index chunks for the words while the user is still typing.
		void this.#load().then((pagefind) => pagefind.preload(term));
		this.#timer = setTimeout(() => void this.#search(term), this.#debounceMs);
	}

	async #search(term: string): Promise<void> {
		const id = ++this.#searchId;
		this.#drawer.classList.remove('pagefind-ui__hidden');
		this.#message.textContent = this.#t('searching', term);
		this.#area.setAttribute('aria-busy', 'true');
		const pagefind = await this.#load();
		const response = await pagefind.search(this.#processTerm?.(term) ?? term);
		if (id !== this.#searchId || !response) return;
		this.#area.removeAttribute('aria-busy');
		const { results } = response;
		const key = results.length === 0 ? 'zero_results' : results.length === 1 ? 'one_result' : 'many_results';
		this.#message.textContent = this.#t(key, term, results.length);
		this.#results.replaceChildren();
		this.#show(results, 0, id);
	}

	/** Appends one page of results from `start`, each filled in when its data arrives. */
	#show(results: PagefindResult[], start: number, id: number): void {
		const end = start + this.#pageSize;
		for (const result of results.slice(start, end)) {
			const item = element('li', scopes.result, 'pagefind-ui__result');
			placeholder(item);
			this.#results.append(item);
			void result.data().then((data) => {
				if (id !== this.#searchId) return;
				renderResult(item, this.#processResult?.(data) ?? data, this.#showSubResults);
			});
		}
		this.#more.hidden = results.length <= end;
		this.#more.onclick = () => this.#show(results, end, id);
	}
}
