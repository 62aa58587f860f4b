/**
 * Stable entry id from a key (a path, module or name): lower-case, `/` and other separators become `-`,
 * a trailing slash is dropped. `pkg/scheduler/framework/` → `pkg-scheduler-framework`,
 * `k8s.io/client-go` → `k8s.io-client-go`.
 */
export function toEntryId(key: string): string {
	return key
		.trim()
		.toLowerCase()
		.replace(/\/+$/, '')
		.replace(/[^a-z0-9._]+/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '');
}
