import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentError, contentWith, realContentDir, repoRoot } from './helpers.ts';

describe('bad content is rejected with file, entry and field', () => {
	it('accepts the real content', () => {
		expect(contentError(realContentDir)).toBeUndefined();
	});

	it('malformed YAML names the file', () => {
		const dir = contentWith('packages.yaml', (text) => text.replace('- id: pkg-apis', '- id: pkg-apis\n  purpose: [unclosed'));
		expect(contentError(dir)).toMatch(/^content\/packages\.yaml: malformed YAML/);
	});

	it('a missing required field names file, entry and field', () => {
		const dir = contentWith('troubleshooting.yaml', (text) => text.replace('\n  logKeywords: [FailedScheduling, Unschedulable]', ''));
		expect(contentError(dir)).toMatch(/^content\/troubleshooting\.yaml, entry "pod-pending", field "logKeywords": missing required field/);
	});

	it('a missing English text names the field', () => {
		const dir = contentWith('staging-modules.yaml', (text) => text.replace('purpose: { zh: 外部 API 类型定义, en: Definitions of the external (versioned) API types }', 'purpose: { zh: 外部 API 类型定义 }'));
		expect(contentError(dir)).toMatch(/content\/staging-modules\.yaml, entry "k8s\.io-api", field "purpose\.en"/);
	});

	it('an unknown section names the field', () => {
		const dir = contentWith('code-paths.yaml', (text) => text.replace('section: scheduler-framework', 'section: scheduler-frameworks'));
		expect(contentError(dir)).toMatch(/content\/code-paths\.yaml, entry "[^"]+", field "section": unknown section "scheduler-frameworks"/);
	});

	it('a section pointing at the wrong collection is rejected', () => {
		const dir = contentWith('code-paths.yaml', (text) => text.replace('section: scheduler-framework', 'section: pkg-packages'));
		expect(contentError(dir)).toMatch(/field "section": section "pkg-packages" lists packages, not codePaths/);
	});

	it('a version not of the form v1.NN is rejected', () => {
		const dir = contentWith('version-changes.yaml', (text) => text.replace(/version: v1\.16/, 'version: "1.16"'));
		expect(contentError(dir)).toMatch(/content\/version-changes\.yaml, entry "[^"]+", field "version": must be a version of the form v1\.NN/);
	});

	it('a duplicate id is rejected', () => {
		const dir = contentWith('directories.yaml', (text) => `${text}\n- id: cmd\n  section: top-level-directories\n`);
		expect(contentError(dir)).toMatch(/content\/directories\.yaml, entry "cmd", field "id": duplicate id "cmd"/);
	});

	it('a reference to an entry that does not exist is rejected', () => {
		const dir = contentWith('components.yaml', (text) => text.replace('implementedBy: [pkg-scheduler]', 'implementedBy: [pkg-schedulr]'));
		expect(contentError(dir)).toMatch(/content\/components\.yaml, entry "cmd-kube-scheduler", field "implementedBy\[0\]": unknown package or code path "pkg-schedulr"/);
	});

	it('an id not derived from the key is rejected', () => {
		const dir = contentWith('packages.yaml', (text) => text.replace('- id: pkg-features', '- id: pkg-features-2'));
		expect(contentError(dir)).toMatch(/entry "pkg-features-2", field "id": id must be "pkg-features"/);
	});

	it('a column naming an unknown field is rejected', () => {
		const dir = contentWith('sections.yaml', (text) => text.replace('{ field: purpose, label: { zh: 用途, en: Purpose } }', '{ field: purpse, label: { zh: 用途, en: Purpose } }'));
		expect(contentError(dir)).toMatch(/content\/sections\.yaml, entry "top-level-directories", field "columns\[1\]\.field": unknown field "purpse"/);
	});

	it('the site build fails with the same message', () => {
		const dir = contentWith('components.yaml', (text) => text.replace('implementedBy: [pkg-scheduler]', 'implementedBy: [pkg-schedulr]'));
		const outDir = mkdtempSync(join(tmpdir(), 'atlas-dist-'));
		const result = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
			cwd: repoRoot,
			env: { ...process.env, ATLAS_CONTENT_DIR: dir },
			encoding: 'utf8',
		});
		expect(result.status).not.toBe(0);
		expect(`${result.stdout}${result.stderr}`).toContain(
			'content/components.yaml, entry "cmd-kube-scheduler", field "implementedBy[0]": unknown package or code path "pkg-schedulr"',
		);
	}, 120_000);
});
