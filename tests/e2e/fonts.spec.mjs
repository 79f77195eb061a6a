// Issue 17: the report worker carries a subset of its fonts. A report whose texts stay inside
// the subset fetches no font; one with letters outside it (Georgian here) that the full font
// has is made with the full fonts, fetched from the app's own folder for that report, and every
// letter is in the PDF (checked with pdftotext), never a box.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Home, quick, recordRequests, expectOnlyStaticSameOrigin } from './support.mjs';

async function exportPdf(page, args = []) {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  const d = await pending;
  const path = join(mkdtempSync(join(tmpdir(), 'elsa-fonts-')), d.suggestedFilename());
  await d.saveAs(path);
  return execFileSync('pdftotext', [...args, path, '-']).toString('utf8').replace(/\s+/g, ' ');
}

test('letters outside the built-in fonts are fetched for that report only, and all are in the PDF', async ({ page, baseURL }) => {
  const requests = recordRequests(page);
  const home = new Home(page);
  await home.goto();
  await home.start();
  const name = page.getByLabel(/What is the name of the project or AI tool\?/);
  await name.fill('Ωμέγα Кириллица ≥ ✓ pilot');
  const id = await page.evaluate(() => location.hash.split('/')[2]);
  await page.goto(`./#/a/${id}/results`);
  let text = await exportPdf(page);
  expect(text).toContain('Ωμέγα Кириллица ≥ ✓ pilot');
  const fonts = () => requests.filter((r) => /\/fonts\/DejaVuSans(-Bold)?\.ttf$/.test(r.url)).length;
  expect(fonts(), 'inside the subset: no font fetched').toBe(0);

  await page.goto(`./#/a/${id}/s/${quick.sections[0].id}`);
  await page.getByLabel(/What is the name of the project or AI tool\?/).fill('გამარჯობა Բարեւ pilot');
  await page.goto(`./#/a/${id}/results`);
  text = await exportPdf(page);
  expect(text).toContain('გამარჯობა Բարեւ pilot');
  expect(fonts(), 'the full regular and bold fonts, once each').toBe(2);
  expectOnlyStaticSameOrigin(requests, baseURL);
});

// Issue 19: Chinese, Japanese and Korean are drawn with the fallback face, which the page
// fetches only for such a report (not the full DejaVu faces, which it does not need); every
// character is in the PDF, none replaced by a marker.
test('Chinese, Japanese and Korean fetch the fallback face for that report only', async ({ page, baseURL }) => {
  const requests = recordRequests(page);
  const home = new Home(page);
  await home.goto();
  await home.start();
  const cjk = '患者の同意 中文说明 환자 동의';
  await page.getByLabel(/What is the name of the project or AI tool\?/).fill(`Pilot ${cjk}`);
  const id = await page.evaluate(() => location.hash.split('/')[2]);
  await page.goto(`./#/a/${id}/results`);
  const count = (re) => requests.filter((r) => re.test(r.url)).length;
  expect(count(/\/fonts\/DroidSansFallback\.ttf$/), 'not fetched before it is needed').toBe(0);
  const text = await exportPdf(page);
  expect(text).toContain(`Pilot ${cjk}`);
  expect(text).not.toMatch(/\d characters? not shown\]/);
  expect(count(/\/fonts\/DroidSansFallback\.ttf$/), 'the fallback face, once').toBe(1);
  expect(count(/\/fonts\/DejaVuSans(-Bold)?\.ttf$/), 'no full DejaVu faces').toBe(0);
  expectOnlyStaticSameOrigin(requests, baseURL);
});

// Issue 19: a word wider than its line (here in the cover title) breaks where the hyphenation
// patterns of the report's language allow, with a hyphen; the page fetches the patterns only
// for such a report.
test('a word wider than its line fetches the hyphenation patterns and breaks at a syllable', async ({ page, baseURL }) => {
  const requests = recordRequests(page);
  const home = new Home(page);
  await home.goto();
  await home.start();
  const name = page.getByLabel(/What is the name of the project or AI tool\?/);
  await name.fill('Sepsis early warning');
  const id = await page.evaluate(() => location.hash.split('/')[2]);
  await page.goto(`./#/a/${id}/results`);
  const patterns = () => requests.filter((r) => /\/hyph\/hyph-en\.txt$/.test(r.url)).length;
  await exportPdf(page);
  expect(patterns(), 'an ordinary report: no patterns fetched').toBe(0);

  const long = 'Counterrevolutionarinessinstrumentationarchitecturesdevelopmentprogramme';
  await page.goto(`./#/a/${id}/s/${quick.sections[0].id}`);
  await page.getByLabel(/What is the name of the project or AI tool\?/).fill(long);
  await page.goto(`./#/a/${id}/results`);
  // -layout: pdftotext otherwise joins a word broken at a line's end.
  const text = await exportPdf(page, ['-layout']);
  expect(patterns(), 'the English patterns, once').toBe(1);
  // The title's first line ends with a hyphen at a syllable, and the rest follows.
  const m = text.match(/(Counter\w*)- (\w+)/);
  expect(m, text.slice(0, 400)).not.toBeNull();
  expect(long.startsWith(m[1]) && long.slice(m[1].length).startsWith(m[2])).toBe(true);
  expectOnlyStaticSameOrigin(requests, baseURL);
});

// Without the patterns (offline before they were ever fetched): the report is still made, the
// long word cut between characters as before.
test('a report is still made when the hyphenation patterns cannot be fetched', async ({ page }) => {
  await page.route('**/hyph/**', (route) => route.abort());
  const home = new Home(page);
  await home.goto();
  await home.start();
  const long = 'Counterrevolutionarinessinstrumentationarchitecturesdevelopmentprogramme';
  await page.getByLabel(/What is the name of the project or AI tool\?/).fill(long);
  const id = await page.evaluate(() => location.hash.split('/')[2]);
  await page.goto(`./#/a/${id}/results`);
  const text = await exportPdf(page, ['-layout']);
  expect(text).toContain('Counterrevolutionarinessinstrumentation');
  expect(text).toContain('Progress:');
});
