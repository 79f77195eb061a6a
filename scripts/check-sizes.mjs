// Size budgets of the built app (brotli, quality 11), a gate of `make dist` and so of `make test`:
// exits 1, naming each figure and its budget, when one is exceeded. Timings stay in `make bench`.
//
//   node scripts/check-sizes.mjs [DIST]      check dist/ against the budgets
//   node scripts/check-sizes.mjs --self-test check that a budget too small for dist/ fails the gate
//
// The first page load is what index.html makes the browser fetch before the home page is
// interactive (the page, its CSS, boot.js, the main app's JS and wasm, the icon), and for a Dutch
// browser also the main app's Dutch texts. The main app's JS imports the split loader
// (`__wasm_split-*.js`, scripts/build-split.sh) as a module: it is fetched before the home page is
// interactive, so it counts too. The split-off chunks (`split_*`, `chunk_*` .wasm) are fetched on
// their page's first visit: each is reported against its own budget.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const KB = 1024;
export const BUDGETS = {
  firstLoad: 240 * KB, // each of the English and the Dutch first page load
  studio: 325 * KB, // review, workshop, compare, educators: loaded on those pages only (321.1 KB on 2026-12-03 with issue 18's Educators page and reference view, +48.5 KB; 300 before: the studio is not split yet)
  worker: 530 * KB, // the report worker, loaded on the first export or import (480.7 KB on 2026-12-03 with our own PDF writer, issue 17; 1783 KB before the issue; 490.4 KB at the start of issue 19, 520.4 KB with it: decision summary, consistency checks, note appendix, workshop summary, HTML export, PDF links, tagged PDF; issue 17 aimed at 600 KB)
  questionnaire: 150 * KB, // each questionnaire's binary form, loaded when one is opened
  chunk: 100 * KB, // each wasm-split chunk of the main app, loaded on its page's first visit
};

/** The wasm-split chunks of the main app in dist/ (build-split.sh names them). */
export const chunksOf = (dist) => readdirSync(dist).filter((f) => /^(split_|chunk_).*\.wasm$/.test(f)).sort();

const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

/** The local files index.html loads: stylesheets, scripts, icons, and the main app's JS and wasm. */
function firstLoadFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set(['index.html']);
  for (const m of html.matchAll(/(?:href|src|data-js|data-wasm)="([^"]+)"/g)) {
    const f = m[1].replace(/^\.\//, '');
    if (/^[a-z]+:|^#|^\//i.test(f) || f === '' || f.endsWith('.json') || f === 'sw.js') continue;
    if (existsSync(join(dist, f))) files.add(f);
  }
  // The static imports of the first load's JS modules (the main JS imports the split loader);
  // dynamic `import(…)`s (the studio) are not followed.
  const queue = [...files].filter((f) => f.endsWith('.js'));
  while (queue.length) {
    const js = readFileSync(join(dist, queue.shift()), 'utf8');
    for (const m of js.matchAll(/^\s*import\s+(?:[\w*{}\s,$]+\s+from\s+)?['"]\.\/([^'"]+\.js)['"]/gm)) {
      if (!files.has(m[1]) && existsSync(join(dist, m[1]))) { files.add(m[1]); queue.push(m[1]); }
    }
  }
  return [...files];
}

export function measure(dist) {
  const size = (f) => br(readFileSync(join(dist, f)));
  const first = firstLoadFiles(dist);
  const english = first.reduce((n, f) => n + size(f), 0);
  const dutch = english + size('i18n/nl.json');
  const studio = ['studio.js', 'studio_bg.wasm', 'studio.css'].filter((f) => existsSync(join(dist, f))).reduce((n, f) => n + size(f), 0);
  const worker = readdirSync(dist).filter((f) => f.startsWith('report_worker')).reduce((n, f) => n + size(f), 0);
  const questionnaires = readdirSync(join(dist, 'questionnaires')).filter((f) => f.endsWith('.bin')).map((f) => [f, size(join('questionnaires', f))]);
  const chunks = chunksOf(dist).map((f) => [f, size(f)]);
  return { first, english, dutch, studio, worker, questionnaires, chunks };
}

/** The lines of the check and the number of budgets exceeded. */
export function check(m, budgets = BUDGETS) {
  const rows = [
    ['First page load, English browser', m.english, budgets.firstLoad],
    ['First page load, Dutch browser', m.dutch, budgets.firstLoad],
    ['Studio', m.studio, budgets.studio],
    ['Report worker', m.worker, budgets.worker],
    ...m.questionnaires.map(([f, n]) => [`Questionnaire ${f}`, n, budgets.questionnaire]),
    ...m.chunks.map(([f, n]) => [`Chunk ${f.replace(/-[0-9a-f]{16}\.wasm$/, '')}`, n, budgets.chunk]),
  ];
  let over = 0;
  const lines = rows.map(([label, value, limit]) => {
    const bad = !(value <= limit);
    if (bad) over++;
    return `${label.padEnd(44)} ${kb(value).padStart(10)}   budget ${kb(limit)}${bad ? `   OVER BUDGET by ${kb(value - limit)}` : '   ok'}`;
  });
  return { lines, over };
}

const args = process.argv.slice(2);
const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (!isMain) {
  // Imported (by bench.mjs) for its budgets and measures: nothing to run.
} else if (args[0] === '--self-test') {
  // The gate must fail when a budget is smaller than what dist/ holds.
  const m = measure('dist');
  const tiny = Object.fromEntries(Object.entries(BUDGETS).map(([k]) => [k, 1]));
  const { over, lines } = check(m, tiny);
  if (over !== 4 + m.questionnaires.length + m.chunks.length || !lines.every((l) => l.includes('OVER BUDGET by'))) {
    console.error('check-sizes self-test: a budget of 1 byte did not fail every figure:\n' + lines.join('\n'));
    process.exit(1);
  }
  console.log(`check-sizes self-test: ok (${over} figures over a 1-byte budget, as they must be)`);
} else {
  const dist = args[0] || 'dist';
  const m = measure(dist);
  const { lines, over } = check(m);
  console.log(`check-sizes: first page load = ${m.first.join(', ')}`);
  for (const l of lines) console.log(over && l.includes('OVER') ? `\x1b[1;31m${l}\x1b[0m` : l);
  if (over) {
    console.error(`check-sizes: ${over} size budget(s) exceeded (see above). Find a real lever first (splitting, a lighter crate, data out of the wasm); failing that, raise the budget by the measured amount in the same commit and say so.`);
    process.exit(1);
  }
}
