// Offline use and "nothing leaves the device", with the service worker on. Each test runs its
// own server on a copy of dist/, so it can count every request the server gets, stop the server,
// or put a new build in place.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { Assessment, Home, answerEverything, importFile } from './support.mjs';

async function setUp(browser) {
  const dir = mkdtempSync(join(tmpdir(), 'elsa-dist-'));
  cpSync('dist', dir, { recursive: true });
  const server = await serve(dir);
  const baseURL = `http://127.0.0.1:${server.port}/`;
  const context = await browser.newContext({ baseURL, serviceWorkers: 'allow', acceptDownloads: true });
  const page = await context.newPage();
  const home = new Home(page);
  await home.goto();
  // The service worker has cached this build and controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  return { dir, server, baseURL, context, page, home };
}

async function save(download) {
  const path = join(mkdtempSync(join(tmpdir(), 'elsa-dl-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

test('after the first visit no request goes out: a whole assessment, exports, an import and a reload', async ({ browser }) => {
  const { server, baseURL, context, page, home } = await setUp(browser);
  const origin = new URL(baseURL).origin;
  const seen = [];
  context.on('request', (r) => seen.push(r.url()));
  const firstVisit = server.requests.length;
  expect(firstVisit).toBeGreaterThan(0);

  await home.start();
  await answerEverything(page);
  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  const pdfPath = await save(await pdf);
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export answers (JSON)' }).click();
  const jsonPath = await save(await json);
  const md = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  await md;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Results: / })).toBeVisible();
  await home.goto();
  await importFile(page, 'again.json', readFileSync(jsonPath), 'application/json');
  await page.getByRole('dialog', { name: 'This assessment is already here' }).getByRole('button', { name: 'Keep both' }).click();
  await importFile(page, 'again.pdf', readFileSync(pdfPath), 'application/pdf');
  await page.getByRole('dialog', { name: 'This assessment is already here' }).getByRole('button', { name: 'Keep both' }).click();
  await expect(home.savedRow('Answer to project-name')).toHaveCount(3);

  // The studio too: a review opened from the exported file, and a workshop of two files.
  await page.goto(`${baseURL}#/review`);
  await page.getByLabel('Open a file to review (.json or .pdf)').setInputFiles(jsonPath);
  await expect(page.getByRole('heading', { level: 1, name: /^Review: / })).toBeVisible();
  await page.goto(`${baseURL}#/workshop`);
  await page.getByLabel(/^Choose team files/).setInputFiles([jsonPath, pdfPath]);
  // The PDF carries the same file as the JSON: it is recognised and counted once.
  await expect(page.getByRole('alert')).toContainText('was not added: team 1 has the same file');
  await expect(page.locator('input.team-label')).toHaveCount(1);
  await expect(page.locator('#workshop-scores')).toBeVisible();

  // The server saw nothing after the first visit but the browser's own check for a new
  // version of sw.js (a GET that carries no data).
  const later = server.requests.slice(firstVisit);
  expect(later.filter((r) => r !== 'GET /sw.js'), `requests after the first visit: ${later.join(', ')}`).toEqual([]);
  // And nothing the pages or workers asked for left the origin.
  const away = seen.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
  expect(away).toEqual([]);
  await context.close();
  await server.close();
});

test('offline after the first visit: a reload, a full assessment and the PDF export work', async ({ browser }) => {
  const { server, context, page, home } = await setUp(browser);
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'ELSA self-assessment for AI in healthcare' })).toBeVisible();
  await home.start();
  await answerEverything(page);
  await expect(page.getByRole('heading', { name: 'Scores per section' })).toBeVisible();
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  const path = await save(await pending);
  const text = execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
  expect(text).toContain('Answer to project-name');
  expect(text).toContain('Executive summary');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Results: / })).toBeVisible();
  await context.close();
});

test('a new version: the user is told, every tab moves to it together, and the old cache goes', async ({ browser }) => {
  const { dir, server, context, page, home } = await setUp(browser);
  await home.start();
  await new Assessment(page).textbox('project-name').fill('Across versions');
  const other = await context.newPage();
  await new Home(other).goto();
  const cachesBefore = await page.evaluate(() => caches.keys());
  expect(cachesBefore).toHaveLength(1);

  // Put a new build in place: a changed page, and its service worker.
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', '<meta name="elsa-build" content="second"></head>'));
  execFileSync('node', ['scripts/gen-sw.mjs', dir]);
  await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });

  const banner = page.getByRole('status').filter({ hasText: 'A new version of this tool is ready.' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), 'axe on the new-version notice').toEqual([]);
  // Until the user says so, the open pages keep the build they started with.
  expect(await page.locator('meta[name="elsa-build"]').count()).toBe(0);
  await banner.getByRole('button', { name: 'Reload to update' }).click();
  for (const p of [page, other]) {
    await p.waitForFunction(() => document.querySelector('meta[name="elsa-build"]'), null, { timeout: 30_000 });
    await expect(p.getByRole('heading', { level: 1 })).toBeVisible();
  }
  const cachesAfter = await page.evaluate(() => caches.keys());
  expect(cachesAfter).toHaveLength(1);
  expect(cachesAfter[0]).not.toBe(cachesBefore[0]);
  await new Home(other).goto();
  await expect(new Home(other).savedRow('Across versions')).toBeVisible();
  await context.close();
  await server.close();
});

test('the service worker precaches only after the page is usable, and does not download again what the page has', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'elsa-dist-'));
  cpSync('dist', dir, { recursive: true });
  const server = await serve(dir);
  const baseURL = `http://127.0.0.1:${server.port}/`;
  const context = await browser.newContext({ baseURL, serviceWorkers: 'allow' });
  // Note when the page registers its service worker, and how far the page was then.
  await context.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.elsaRegistered = { at: performance.now(), shell: document.getElementById('shell') !== null, state: document.readyState };
      return register.apply(this, args);
    };
  });
  const page = await context.newPage();
  await new Home(page).goto();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const registered = await page.evaluate(() => window.elsaRegistered);
  // Registered after the load event and after the app replaced the static shell (it is usable)…
  expect(registered.state).toBe('complete');
  expect(registered.shell).toBe(false);
  // …and after the main wasm had fully arrived.
  const wasmEnd = await page.evaluate(() => Math.max(...performance.getEntriesByType('resource').filter((e) => /elsa-[0-9a-f]+_bg\.wasm$/.test(e.name)).map((e) => e.responseEnd)));
  expect(wasmEnd).toBeGreaterThan(0);
  expect(registered.at).toBeGreaterThan(wasmEnd);
  const urls = server.answers.map((a) => a.url);
  const mainWasm = urls.find((u) => /^\/elsa-[0-9a-f]+_bg\.wasm$/.test(u));
  expect(urls.indexOf('/sw.js')).toBeGreaterThan(urls.indexOf(mainWasm));
  // The precache fetched what the page had not loaded (the report worker, a questionnaire)…
  for (const later of ['/report_worker_bg.wasm', '/questionnaires/elsa-health-ai.bin']) {
    expect(server.answers.filter((a) => a.url === later && a.status === 200)).toHaveLength(1);
  }
  // …and only revalidated what the page already had: the main wasm came once, then a 304.
  const wasm = server.answers.filter((a) => a.url === mainWasm).map((a) => a.status);
  expect(wasm).toEqual([200, 304]);
  await context.close();
  await server.close();
});
