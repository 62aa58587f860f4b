declare module 'virtual:atlas/pagefind-ui-scopes' {
	const scopes: import('../lib/pagefind-ui-markup.ts').PagefindUiScopes;
	export default scopes;
}
