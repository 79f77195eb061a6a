// Writes dist/sw.js: the service worker that keeps the app working offline.
// Usage: node scripts/gen-sw.mjs [dist]
//
// It lists every file of the build (app shell, main wasm, report worker, questionnaires) and a
// version made from their contents. On first visit the service worker caches exactly these
// files under `elsa-<version>`; it answers from that cache only, so a page never mixes files of
// two builds. A new build has a new version: its service worker caches the new files beside the
// old ones and waits until the user accepts "a new version is ready" (boot.js), then the old
// cache is deleted.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dist = process.argv[2] || 'dist';
const walk = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
const all = walk(dist)
  .map((p) => relative(dist, p).split('\\').join('/'))
  .filter((f) => f !== 'sw.js' && !f.endsWith('schema.json'))
  .sort();
// The full fonts (1.4 MB), the CJK fallback face (3.3 MB) and the hyphenation patterns (0.2 MB)
// are fetched only for a report with a character outside the report worker's built-in subset
// (issue 17), with Chinese, Japanese or Korean, or with a word wider than its line (issue 19):
// cached when first fetched, not on install (without the patterns, offline, a word is cut as
// before; the report is still made).
const lazy = (f) => (f.startsWith('fonts/') && f.endsWith('.ttf')) || f.startsWith('hyph/');
const files = all.filter((f) => !lazy(f));
const later = all.filter(lazy);
const hash = createHash('sha256');
for (const f of all) hash.update(f).update('\0').update(readFileSync(join(dist, f))).update('\0');
const version = hash.digest('hex').slice(0, 16);
const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace("['__FILES__']", JSON.stringify(files.map((f) => `./${f}`)))
  .replace("['__LATER__']", JSON.stringify(later.map((f) => `./${f}`)));
if (sw.includes('__FILES__') || sw.includes('__LATER__')) throw new Error('gen-sw: the template has no placeholders');
writeFileSync(join(dist, 'sw.js'), sw);
console.log(`gen-sw: dist/sw.js caches ${files.length} files as version ${version}, and ${later.length} more when first used`);
