// Validates the content folder (schemas, ids, references) without building the site.
import { buildAtlas } from '../src/lib/atlas.ts';
import { contentDir, loadContentDir } from '../src/lib/load-content.ts';

const dir = contentDir();
const allowMissing = process.argv.includes('--allow-missing');
try {
	const atlas = buildAtlas(loadContentDir(dir, { allowMissing }));
	const counts = Object.entries(atlas.data).map(([name, list]) => `${name}: ${list.length}`);
	console.log(`content OK (${dir})\n  ${counts.join('\n  ')}`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
