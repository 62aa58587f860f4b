// "Copy link" on rows, timeline items and headings: copies `origin + pathname + #id`, confirms visibly and marks
// the target. Row buttons are rendered by the components; heading buttons are added here. Strings come from
// `data-*` attributes rendered by src/components/overrides/MarkdownContent.astro (Starlight i18n).

const strings = document.querySelector<HTMLElement>('[data-atlas-copy-strings]')?.dataset ?? {};
const root = document.documentElement;

/** Absolute URL of an element of this page (query left out: a row link stays valid whatever the view). */
const linkTo = (id: string): string => `${location.origin}${location.pathname}#${encodeURIComponent(id)}`;

/** Marks the element a link points to (rows and timeline items are highlighted by CSS). */
function markTarget(id: string): void {
	for (const marked of document.querySelectorAll('.atlas-target')) marked.classList.remove('atlas-target');
	document.getElementById(id)?.classList.add('atlas-target');
}

let toast: HTMLElement | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function confirmCopy(button: HTMLElement, message: string, ok: boolean): void {
	if (!toast) {
		toast = document.createElement('div');
		toast.className = 'atlas-toast';
		toast.setAttribute('role', 'status');
		document.body.append(toast);
	}
	toast.textContent = message;
	toast.dataset['ok'] = String(ok);
	toast.hidden = false;
	for (const other of document.querySelectorAll('[data-copied]')) other.removeAttribute('data-copied');
	button.dataset['copied'] = String(ok);
	clearTimeout(timer);
	timer = setTimeout(() => {
		if (toast) toast.hidden = true;
		button.removeAttribute('data-copied');
	}, 2500);
}

async function copy(button: HTMLElement, id: string): Promise<void> {
	let ok = true;
	try {
		await navigator.clipboard.writeText(linkTo(id));
	} catch {
		// No clipboard access: put the link in the address bar instead, and say so.
		ok = false;
		history.replaceState(history.state, '', `#${encodeURIComponent(id)}`);
	}
	markTarget(id);
	confirmCopy(button, (ok ? strings['copied'] : strings['failed']) ?? '', ok);
}

function copyButton(id: string, name: string): HTMLButtonElement {
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'atlas-copy atlas-copy--heading';
	button.dataset['copy'] = id;
	button.setAttribute('aria-label', `${strings['label'] ?? ''}: ${name}`);
	button.title = strings['label'] ?? '';
	return button;
}

/** Adds a copy button after every h2/h3 with an id in the page content, next to Starlight's anchor link. */
function enhanceHeadings(): void {
	for (const heading of document.querySelectorAll<HTMLElement>('.sl-markdown-content :is(h2, h3)[id]')) {
		let wrapper = heading.parentElement;
		if (!wrapper?.classList.contains('sl-heading-wrapper')) {
			wrapper = document.createElement('div');
			wrapper.className = `sl-heading-wrapper level-${heading.localName} atlas-heading`;
			heading.replaceWith(wrapper);
			wrapper.append(heading);
		}
		wrapper.append(copyButton(heading.id, heading.textContent?.trim() ?? heading.id));
	}
}

if (!root.dataset['atlasCopy']) {
	root.dataset['atlasCopy'] = '';
	enhanceHeadings();
	document.addEventListener('click', (event) => {
		const button = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-copy]') : null;
		const id = button?.dataset['copy'];
		if (button && id) void copy(button, id);
	});
}
