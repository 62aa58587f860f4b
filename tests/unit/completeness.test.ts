// Every table row and prose section of the seed document exists on the site (when ../shared is present).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toEntryId } from '../../src/lib/ids.ts';
import { realAtlas, repoRoot, sharedDir } from './helpers.ts';

const seedDir = join(sharedDir, 'seed');
const seedFile = existsSync(seedDir) ? readdirSync(seedDir).find((name) => name.endsWith('.txt')) : undefined;

interface SeedTable {
	heading: string;
	keys: string[];
}

/** The seed's Markdown tables in order: nearest heading and each row's first cell (bold and code marks removed). */
function seedTables(text: string): SeedTable[] {
	const tables: SeedTable[] = [];
	let heading = '';
	let current: SeedTable | undefined;
	for (const line of text.split('\n')) {
		if (line.startsWith('#')) heading = line.replace(/^#+\s*/, '');
		if (!line.startsWith('|')) {
			current = undefined;
			continue;
		}
		if (!current) {
			current = { heading, keys: [] };
			tables.push(current);
			continue; // header row
		}
		if (/^\|[\s|:-]+\|$/.test(line)) continue; // separator
		const first = line.split('|')[1]?.trim().replace(/\*\*/g, '').replace(/`/g, '') ?? '';
		current.keys.push(first);
	}
	return tables;
}

/** Seed table order → section ids of content/sections.yaml. */
const tableSections = [
	'top-level-directories',
	'control-plane-components',
	'client-tools',
	'pkg-packages',
	'staging-modules',
	'scheduler-framework',
	'kubelet-modules',
	'apiserver-modules',
	'workload-controllers',
	'node-service-controllers',
	'api-changes',
	'runtime-changes',
	'scheduler-changes',
	'network-changes',
	'storage-changes',
	'troubleshooting-paths',
	'performance-paths',
	'customization-scenarios',
];

/** Seed prose sections → the page that carries them (both languages). */
const proseSections: Record<string, string> = {
	'文档概览': 'about',
	'staging 目录说明': 'guide/staging-publishing',
	'构建与测试命令': 'guide/commands',
	'开发环境搭建': 'guide/dev-setup',
	'常见开发任务': 'guide/dev-tasks',
	'定制化构建流程': 'guide/custom-build',
	'自定义调度器配置': 'guide/scheduler-yaml',
	'部署自定义调度器': 'guide/scheduler-yaml',
	'调度器插件接口': 'guide/interfaces',
	'控制器接口': 'guide/interfaces',
	'CRI 接口': 'guide/interfaces',
	'学习路径建议': 'guide/learning-path',
};

describe.skipIf(!seedFile)('the site covers the whole seed', () => {
	const text = seedFile ? readFileSync(join(seedDir, seedFile), 'utf8') : '';
	const tables = seedTables(text);

	it('has 18 tables with 137 rows', () => {
		expect(tables).toHaveLength(18);
		expect(tables.reduce((sum, table) => sum + table.keys.length, 0)).toBe(137);
	});

	it('every seed row exists in content/ by its key', () => {
		const atlas = realAtlas();
		tables.forEach((table, index) => {
			const sectionId = tableSections[index]!;
			const rows = atlas.rows.filter((row) => row.entry.section === sectionId);
			expect(rows.length, `${sectionId} (${table.heading})`).toBe(table.keys.length);
			for (const key of table.keys) {
				const found = rows.some((row) => {
					const entry = row.entry as unknown as Record<string, unknown>;
					switch (row.collection) {
						case 'versionChanges':
							return row.entry.id.startsWith(`${key}-`);
						case 'troubleshooting':
							return row.entry.symptom.zh.includes(key.replace(/\s+/g, ' '));
						case 'tuning':
						case 'customizations':
							return row.entry.scenario.zh.includes(key);
						case 'stagingModules':
							return row.entry.module === key;
						default:
							return entry['id'] === toEntryId(key);
					}
				});
				expect(found, `${sectionId}: seed row "${key}" has no entry`).toBe(true);
			}
		});
	});

	it('every code block of the seed is a snippet and every prose section has its page in both languages', () => {
		const blocks = text.match(/^```[a-z]+$/gm) ?? [];
		const snippets = realAtlas().data.snippets;
		expect(snippets.length).toBeGreaterThanOrEqual(blocks.length);
		for (const [heading, page] of Object.entries(proseSections)) {
			expect(text, `seed heading ${heading}`).toContain(heading);
			for (const prefix of ['', 'en/']) {
				expect(existsSync(join(repoRoot, 'src/content/docs', `${prefix}${page}.mdx`)), `${prefix}${page}.mdx`).toBe(true);
			}
		}
		for (const snippet of snippets) {
			const mdx = readFileSync(join(repoRoot, 'src/content/docs', `${snippet.page}.mdx`), 'utf8');
			expect(mdx, `${snippet.page}.mdx shows snippet ${snippet.id}`).toContain(`<Snippet id="${snippet.id}"`);
		}
	});
});
