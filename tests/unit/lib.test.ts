import { describe, expect, it } from 'vitest';
import { toEntryId } from '../../src/lib/ids.ts';
import { entryPath, githubUrl, rowPath, sectionPath, sitePath } from '../../src/lib/urls.ts';
import { normalizePath, pathContains } from '../../src/lib/related.ts';
import { snippetCode } from '../../src/lib/snippets.ts';
import { formatIssuePath } from '../../src/lib/content-file.ts';
import { buildSidebar } from '../../src/lib/sidebar.ts';
import { realAtlas } from './helpers.ts';

describe('toEntryId', () => {
	it('derives ids from paths and modules', () => {
		expect(toEntryId('pkg/scheduler/framework/')).toBe('pkg-scheduler-framework');
		expect(toEntryId('pkg/scheduler/schedule_one.go')).toBe('pkg-scheduler-schedule_one.go');
		expect(toEntryId('k8s.io/client-go')).toBe('k8s.io-client-go');
		expect(toEntryId('cmd/')).toBe('cmd');
		expect(toEntryId('  Pkg/Foo Bar/ ')).toBe('pkg-foo-bar');
	});
});

describe('urls', () => {
	it('links folders with tree/ and files with blob/ at v1.32.0', () => {
		expect(githubUrl('pkg/scheduler/')).toBe('https://github.com/kubernetes/kubernetes/tree/v1.32.0/pkg/scheduler');
		expect(githubUrl('pkg/scheduler/schedule_one.go', 65)).toBe(
			'https://github.com/kubernetes/kubernetes/blob/v1.32.0/pkg/scheduler/schedule_one.go#L65',
		);
		expect(githubUrl('staging/src/k8s.io/apiserver')).toBe(
			'https://github.com/kubernetes/kubernetes/tree/v1.32.0/staging/src/k8s.io/apiserver',
		);
		expect(githubUrl('build/root/Makefile')).toContain('/tree/');
	});
	it('builds site paths with locale and base', () => {
		expect(sitePath('/code/x/', 'zh-CN')).toBe('/code/x/');
		expect(sitePath('/code/x/', 'en')).toBe('/en/code/x/');
		expect(sitePath('/code/x/', 'en', '/atlas/')).toBe('/atlas/en/code/x/');
		expect(entryPath('codePaths', 'pkg-kubelet')).toBe('/code/pkg-kubelet/');
		expect(sectionPath('kubelet-modules')).toBe('/sections/kubelet-modules/');
		expect(rowPath('kubelet-modules', 'pkg-kubelet-pleg')).toBe('/sections/kubelet-modules/#pkg-kubelet-pleg');
	});
});

describe('path containment', () => {
	it('treats folders as containing their files, ignoring trailing slashes and globs', () => {
		expect(normalizePath('pkg/apis/*/v1/defaults.go')).toBe('pkg/apis');
		expect(pathContains('pkg/scheduler/', 'pkg/scheduler/schedule_one.go')).toBe(true);
		expect(pathContains('pkg/scheduler', 'pkg/scheduler/')).toBe(true);
		expect(pathContains('pkg/sched', 'pkg/scheduler/')).toBe(false);
		expect(pathContains('pkg/scheduler/x.go', 'pkg/scheduler/')).toBe(false);
	});
});

describe('snippets', () => {
	it('fills comment placeholders per language and keeps the code', () => {
		const snippet = {
			id: 's',
			page: 'guide/commands',
			title: { zh: '标题', en: 'Title' },
			lang: 'bash' as const,
			code: '# {{build}}\nmake all\n',
			comments: { build: { zh: '构建', en: 'Build' } },
			errata: [],
		};
		expect(snippetCode(snippet, 'zh-CN')).toBe('# 构建\nmake all');
		expect(snippetCode(snippet, 'en')).toBe('# Build\nmake all');
	});
});

describe('content-file', () => {
	it('formats issue paths', () => {
		expect(formatIssuePath(['changes', 1, 'text', 'en'])).toBe('changes[1].text.en');
	});
});

describe('sidebar', () => {
	it('groups every section under its part, in order, with translations', () => {
		const groups = buildSidebar(realAtlas().sections);
		const links = groups.flatMap((group) => group.items).filter((item) => typeof item === 'object' && 'link' in item);
		for (const section of realAtlas().sections) {
			expect(links.some((item) => 'link' in item && item.link === `/sections/${section.id}/`)).toBe(true);
		}
		expect(groups.map((group) => group.translations['en'])).toEqual([
			'Source tree',
			'Components',
			'Subsystems',
			'Version changes',
			'Troubleshooting and tuning',
			'Developer guide',
			'About',
		]);
	});
});

describe('UI strings', () => {
	it('every custom UI string exists in both languages, and English strings have no Chinese', async () => {
		const { readFileSync } = await import('node:fs');
		const { join } = await import('node:path');
		const { repoRoot } = await import('./helpers.ts');
		const read = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'src/content/i18n', name), 'utf8')) as Record<string, string>;
		const zh = read('zh-CN.json');
		const en = read('en.json');
		expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
		for (const [key, value] of Object.entries(en)) expect(value, key).not.toMatch(/\p{Script=Han}/u);
	});
});

describe('text cells', () => {
	it('turn `backtick` spans into code pieces and keep the rest as text', async () => {
		const { textLine } = await import('../../src/lib/views.ts');
		expect(textLine('Test `--proxy-mode=nftables` first')).toEqual([
			{ text: 'Test ' },
			{ text: '--proxy-mode=nftables', code: true },
			{ text: ' first' },
		]);
		expect(textLine('no code')).toEqual([{ text: 'no code' }]);
	});
});
