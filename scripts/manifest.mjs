// `npm run manifest`: custom-elements.json from the components, its modules in path order (the
// analyzer reads files in whatever order they come, so the same sources could give another file).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cem = fileURLToPath(new URL('../node_modules/@custom-elements-manifest/analyzer/cem.js', import.meta.url));
execFileSync(process.execPath, [cem, 'analyze', '--litelement', '--globs', 'src/components/**/*.ts', '--outdir', '.'], { cwd: root, stdio: 'inherit' });
const file = `${root}custom-elements.json`;
const manifest = JSON.parse(readFileSync(file, 'utf8'));
manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
