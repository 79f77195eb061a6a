// Sanity check of dist/ after a build: the files the app needs are there, and the main wasm
// does not contain the PDF writer (it must live only in the lazily loaded report worker).
// The main app is split (scripts/build-split.sh): its later pages live in wasm chunks, fetched by
// the loader `__wasm_split-<hash>.js`; "the main app" below is the main wasm plus its chunks.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
const files = readdirSync('dist');
const fail = (m) => { console.error(`check-dist: ${m}`); process.exit(1); };
const need = (re, what) => files.find((f) => re.test(f)) || fail(`no ${what} in dist/ (${files.join(', ')})`);
need(/^index\.html$/, 'index.html');
const mainWasm = need(/^elsa-[0-9a-f]+_bg\.wasm$/, 'main wasm');
need(/^report_worker_bg\.wasm$/, 'worker wasm');
need(/^report_worker_loader\.js$/, 'worker loader');
const studioWasm = need(/^studio_bg\.wasm$/, 'studio wasm');
need(/^studio\.js$/, 'studio loader');
const studio = readFileSync(`dist/${studioWasm}`);
// The PDF writer's font dictionary (report::pdf) marks the writer.
const PDF_WRITER = 'CIDFontType2';
if (!readFileSync('dist/report_worker_bg.wasm').includes(PDF_WRITER)) fail(`report_worker_bg.wasm lacks the PDF writer (${PDF_WRITER}): has the marker changed?`);
if (studio.includes(PDF_WRITER)) fail('studio_bg.wasm carries the PDF writer: it must be built without the pdf feature');
const qfiles = readdirSync('dist/questionnaires').filter((f) => f.endsWith('.bin'));
if (qfiles.length === 0) fail('no questionnaires in dist/questionnaires');
// The split: the main JS imports one content-named loader; the loader fetches exactly the chunks
// in dist/, each named after the hash of its bytes (a cached old chunk never pairs with a new build).
const mainJs = readFileSync(`dist/${mainWasm.replace(/_bg\.wasm$/, '.js')}`, 'utf8');
const loaders = [...mainJs.matchAll(/^import \* as \w+ from "\.\/(__wasm_split-[0-9a-f]{16}\.js)"/gm)].map((m) => m[1]);
if (loaders.length === 0) fail('the main JS imports no split loader: dist/ was not made by scripts/build-split.sh');
if (new Set(loaders).size !== 1 || !files.includes(loaders[0])) fail(`the main JS imports ${[...new Set(loaders)].join(', ')}, which dist/ lacks`);
if (files.some((f) => /^__wasm_split.*\.js$/.test(f) && f !== loaders[0])) fail('dist/ holds a stale split loader');
const loader = readFileSync(`dist/${loaders[0]}`, 'utf8');
const fetched = [...loader.matchAll(/new URL\("\.\/([^"]+)"/g)].map((m) => m[1]);
const chunkFiles = files.filter((f) => /^(split_|chunk_).*\.wasm$/.test(f)).sort();
if (chunkFiles.length === 0) fail('no wasm-split chunks in dist/');
if (JSON.stringify([...fetched].sort()) !== JSON.stringify(chunkFiles)) fail(`the loader fetches ${fetched.join(', ')} but dist/ holds ${chunkFiles.join(', ')}`);
for (const c of chunkFiles) {
  const want = createHash('sha256').update(readFileSync(`dist/${c}`)).digest('hex').slice(0, 16);
  if (!c.endsWith(`-${want}.wasm`)) fail(`${c} is not named after its content (${want})`);
}
// The split feature is the main app's only: the studio and the worker carry no split point.
for (const f of [studioWasm, 'report_worker_bg.wasm']) if (readFileSync(`dist/${f}`).includes('__wasm_split_load_')) fail(`${f} carries split points: the split feature must be off for it`);
const main = Buffer.concat([readFileSync(`dist/${mainWasm}`), ...chunkFiles.map((c) => readFileSync(`dist/${c}`))]);
if (main.includes(PDF_WRITER)) fail(`${mainWasm} or a chunk carries the PDF writer: the UI must be built without the pdf feature`);
// The studio's pages live in their own wasm, not in the first page load.
if (main.includes('Where the teams disagreed')) fail(`${mainWasm} contains the studio's workshop view`);
// The team's whole journey is the main app's: the results page is there, not in the studio.
if (!main.includes('Raised to this level because at least one answer is a red flag.')) fail(`${mainWasm} lacks the results page; the team's journey must not leave the main app`);
// …but in its chunk: the results page is split off the first load.
if (readFileSync(`dist/${mainWasm}`).includes('Raised to this level because at least one answer is a red flag.')) fail(`${mainWasm} itself carries the results page: it belongs in a chunk (is the split feature on in build-split.sh?)`);
// The section pages too (issue 17): the first load carries the home page only.
if (!main.includes('Section score: no scored answers yet.')) fail(`${mainWasm} and its chunks lack the section pages`);
if (readFileSync(`dist/${mainWasm}`).includes('Section score: no scored answers yet.')) fail(`${mainWasm} itself carries the section pages: they belong in a chunk`);
if (studio.includes('Raised to this level because at least one answer is a red flag.')) fail('studio_bg.wasm carries the results page, which is the main app\'s');
if (!studio.includes('Where the teams disagreed')) fail('studio_bg.wasm lacks its workshop view');
const html = readFileSync('dist/index.html', 'utf8');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) fail('index.html has an inline script; the CSP forbids it');
// The service worker caches exactly the files of this build.
const sw = files.includes('sw.js') ? readFileSync('dist/sw.js', 'utf8') : fail('no sw.js (run scripts/gen-sw.mjs)');
// The Dutch interface texts (fetched only when Dutch is chosen); the main wasm must not carry them.
if (!statSync('dist/i18n/nl.json', { throwIfNoEntry: false })) fail('no dist/i18n/nl.json (gen-bundle writes it)');
if (!statSync('dist/i18n/nl-studio.json', { throwIfNoEntry: false })) fail('no dist/i18n/nl-studio.json (gen-bundle writes it)');
if (!statSync('dist/i18n/nl-pages.json', { throwIfNoEntry: false })) fail('no dist/i18n/nl-pages.json (gen-bundle writes it)');
const nlTexts = JSON.parse(readFileSync('dist/i18n/nl.json', 'utf8'));
const nlStudio = JSON.parse(readFileSync('dist/i18n/nl-studio.json', 'utf8'));
if (nlTexts.length < 100 || nlStudio.length <= nlTexts.length) fail(`the Dutch catalogues look wrong (${nlTexts.length} main, ${nlStudio.length} studio texts)`);
if (main.includes('Taal van het rapport') || main.includes('Beoordelingen')) fail(`${mainWasm} carries Dutch interface texts: they belong in i18n/nl.json`);
// The educators' worked cases (issue 18): listed in cases/index.json, each case's files there.
const caseIndex = JSON.parse(readFileSync('dist/cases/index.json', 'utf8'));
const caseFiles = caseIndex.flatMap((c) => ['case.json', 'reference.json', ...c.teams].map((f) => `cases/${c.id}/${f}`));
for (const f of caseFiles) if (!statSync(`dist/${f}`, { throwIfNoEntry: false })) fail(`no dist/${f} (gen-bundle copies the cases)`);
for (const f of [...files.filter((f) => f !== 'sw.js' && f !== 'questionnaires' && f !== 'i18n' && f !== 'fonts' && f !== 'cases' && f !== 'hyph'), ...qfiles.map((q) => `questionnaires/${q}`), 'i18n/nl.json', 'i18n/nl-studio.json', 'i18n/nl-pages.json', 'fonts/LICENSE-DejaVu.txt', 'fonts/LICENSE-DroidSansFallback.txt', 'cases/index.json', ...caseFiles]) {
  if (!sw.includes(`"./${f}"`)) fail(`sw.js does not cache ${f}`);
}
// The full fonts (issue 17) and the CJK fallback face (issue 19): in dist/fonts/, cached by the
// service worker when first fetched (a report with letters outside the worker's built-in
// subset, or with Chinese, Japanese or Korean), not on install.
const laterList = (sw.match(/const LATER = (\[[^\]]*\]);/) || [])[1];
if (!laterList) fail('sw.js has no LATER list');
for (const f of ['fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf', 'fonts/DroidSansFallback.ttf', 'hyph/hyph-en.txt', 'hyph/hyph-nl.txt']) {
  if (!statSync(`dist/${f}`, { throwIfNoEntry: false })) fail(`no dist/${f} (gen-bundle copies it)`);
  if (!JSON.parse(laterList).includes(`./${f}`)) fail(`sw.js does not cache ${f} when first used`);
}
console.log(`check-dist: ok (${mainWasm}: ${statSync(`dist/${mainWasm}`).size} bytes; ${chunkFiles.length} chunks: ${chunkFiles.map((c) => `${c} ${statSync(`dist/${c}`).size}`).join(', ')} bytes; worker: ${statSync('dist/report_worker_bg.wasm').size} bytes)`);
