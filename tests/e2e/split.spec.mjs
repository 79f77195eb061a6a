// Code splitting (issue 14 §1, scripts/build-split.sh): the results, scoring and privacy pages come
// from wasm chunks with content-hashed names, fetched on their first visit; a chunk that cannot be
// fetched shows a message with "Try again", never a panic, and the work in memory is kept.
import { test, expect } from '@playwright/test';
import { Assessment, Home, quick } from './support.mjs';

const track = (page) => {
  const log = { wasm: [], errors: [] };
  page.on('request', (r) => { const u = new URL(r.url()).pathname; if (u.endsWith('.wasm')) log.wasm.push(u.slice(1)); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  return log;
};
const isChunk = (f) => /^(split_|chunk_)/.test(f);
const hashed = /^(split_|chunk_)[a-z0-9_]*-[0-9a-f]{16}\.wasm$/;

test('home fetches the section pages\' chunk ahead when idle, a section page the results chunk; results, scoring and privacy load theirs (content-named, once) and render', async ({ page }) => {
  const log = track(page);
  const home = new Home(page);
  await home.goto();
  // The first load carries the home page only; once the browser is idle, the home page fetches
  // the section pages' chunk ahead (issue 17), so that starting an assessment does not wait.
  const of = (prefix) => log.wasm.filter((f) => f.startsWith(prefix));
  const sectionChunks = await page.evaluate(() => document.querySelector('meta[name="wasm-app"]').dataset.sectionChunks.split(' ').map((f) => f.slice(2)));
  await expect.poll(() => sectionChunks.every((f) => log.wasm.includes(f))).toBe(true);
  expect(of('split_results_page-'), 'the results chunk is not fetched on the home page').toEqual([]);
  expect(of('split_info_pages-')).toEqual([]);
  const sectionFetches = () => log.wasm.filter((f) => sectionChunks.includes(f)).length;
  const before = sectionFetches();
  await home.start(quick);
  expect(sectionFetches(), 'starting fetched no section chunk again: it was there').toBe(before);
  expect(log.wasm.filter((f) => /^elsa-/.test(f)), 'nor the main wasm').toHaveLength(1);
  // On a section page, once the browser is idle, the results page's chunk is fetched ahead, so
  // that "Results" does not wait for it; the other pages' chunk is not fetched.
  await expect.poll(() => of('split_results_page-')).toHaveLength(1);
  expect(of('split_info_pages-')).toEqual([]);
  const ahead = log.wasm.length;
  const a = new Assessment(page, quick);
  await a.textbox('project-name').fill('Split');
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Legal triage' })).toBeVisible();
  expect(log.wasm.length, 'the results page fetched nothing more').toBe(ahead);
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'How scoring works' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How scoring works' })).toBeVisible();
  await page.getByRole('link', { name: 'Where your data is kept' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  // Back to the results: no chunk is fetched again, and the page still works (PDF export).
  await page.goBack(); await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toBeVisible();
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  expect((await pending).suggestedFilename()).toMatch(/\.pdf$/);
  const chunks = log.wasm.filter(isChunk);
  expect(chunks.length).toBeGreaterThanOrEqual(2);
  for (const c of chunks) expect(c).toMatch(hashed);
  expect(new Set(chunks).size, 'each chunk fetched once').toBe(chunks.length);
  expect(log.errors).toEqual([]);
});

test('Dutch: the results page from its chunk, with its Dutch texts', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('elsa.v1.lang', 'nl'));
  const log = track(page);
  await page.goto('./');
  await page.getByRole('button', { name: /^Nieuwe beoordeling starten/ }).first().click();
  await page.getByRole('link', { name: 'Resultaten', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Resultaten/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'PDF-rapport exporteren' })).toBeVisible();
  expect(log.wasm.some((f) => f.startsWith('split_results_page-'))).toBe(true);
  expect(log.errors).toEqual([]);
});

test('a blocked results chunk: a message, no page error, the work kept; unblocked, "Try again" shows the page', async ({ page }) => {
  const log = track(page);
  let block = true;
  await page.route(/\/split_results_page-[0-9a-f]+\.wasm$/, (r) => (block ? r.abort() : r.continue()));
  const home = new Home(page);
  await home.goto();
  await home.start(quick);
  const a = new Assessment(page, quick);
  await a.textbox('project-name').fill('Kept in memory');
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toContainText('Check your connection and try again. Your answers are kept.');
  await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toHaveCount(0);
  // Still blocked: "Try again" fails again, with the same message and no panic.
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toBeVisible();
  // The connection is back: "Try again" loads the chunk, and the results show the work in memory.
  block = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Legal triage' })).toBeVisible();
  await expect(page.locator('main')).toContainText('Kept in memory');
  await expect(alert).toHaveCount(0);
  expect(log.errors).toEqual([]);
});

test('Dutch: a blocked scoring chunk shows the Dutch message; "Opnieuw proberen" loads it', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('elsa.v1.lang', 'nl'));
  const log = track(page);
  let block = true;
  await page.route(/\/split_info_pages-[0-9a-f]+\.wasm$/, (r) => (block ? r.abort() : r.continue()));
  await page.goto('./#/scoring');
  const alert = page.getByRole('alert').filter({ hasText: 'Deze pagina kon niet worden geladen' });
  await expect(alert).toContainText('Controleer je verbinding en probeer het opnieuw. Je antwoorden blijven bewaard.');
  // The rest of the app goes on: the home page works.
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('./#/scoring');
  await expect(alert).toBeVisible();
  block = false;
  await alert.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zo werkt de score' })).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(log.errors).toEqual([]);
});

test('a blocked section-pages chunk: opening an assessment says so, nothing is lost; unblocked, "Try again" shows the questions', async ({ page }) => {
  const log = track(page);
  let block = true;
  await page.route(/\/split_assessment_page-[0-9a-f]+\.wasm$/, (r) => (block ? r.abort() : r.continue()));
  const home = new Home(page);
  await home.goto();
  await page.getByRole('button', { name: /^Start: ELSA quick scan/ }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toContainText('Your answers are kept.');
  // The assessment was made and stored all the same: it is on the home page.
  await page.getByRole('link', { name: 'Assessments', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'ELSA self-assessment for AI in healthcare' })).toBeVisible();
  await page.goBack();
  await expect(alert).toBeVisible();
  block = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  const a = new Assessment(page, quick);
  await a.textbox('project-name').fill('After the chunk came');
  await expect(alert).toHaveCount(0);
  expect(log.errors).toEqual([]);
});

test('opened on a section address, the page fetches the section chunks with the main wasm, each once', async ({ page }) => {
  const log = track(page);
  const home = new Home(page);
  await home.goto();
  await home.start(quick);
  const url = page.url();
  expect(url).toMatch(/#\/a\/[^/]+/);
  log.wasm.length = 0;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Project profile' })).toBeVisible();
  const sectionChunks = await page.evaluate(() => document.querySelector('meta[name="wasm-app"]').dataset.sectionChunks.split(' ').map((f) => f.slice(2)));
  expect(sectionChunks[0]).toMatch(/^split_assessment_page-/);
  // Each once: the loader's own fetch took the preloaded response.
  for (const f of sectionChunks) expect(log.wasm.filter((w) => w === f), f).toHaveLength(1);
  // Started before the main wasm had arrived (in parallel, not after it).
  const t = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource');
    const main = entries.find((e) => /elsa-[0-9a-f]+_bg\.wasm$/.test(e.name));
    const chunk = entries.find((e) => /split_assessment_page-[0-9a-f]+\.wasm$/.test(e.name));
    return { mainEnd: main.responseEnd, chunkStart: chunk.startTime };
  });
  expect(t.chunkStart).toBeLessThan(t.mainEnd);
  expect(log.errors).toEqual([]);
});
