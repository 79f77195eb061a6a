// Files in and out: JSON and PDF export and import, the replace-or-keep-both choice, every bad
// file refused with its own message and nothing on the device changed, answers to removed
// questions kept and shown, the Markdown export, and the print stylesheet.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Assessment, Home, quick, en, findQuestion, optionsOf, storageSnapshot, importFile, plainPdf, PNG } from './support.mjs';

const NOTE = 'Zoë’s note — “quoted”, 30 °C ≥ 5 ± 1 € 🙂\nsecond line';
const tmp = () => mkdtempSync(join(tmpdir(), 'elsa-files-'));

async function download(page, buttonName) {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: buttonName }).click();
  const d = await pending;
  const path = join(tmp(), d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path, bytes: readFileSync(path) };
}

/** Start the quick scan and give it a name, one choice and a note. */
async function makeOne(page, name) {
  const home = new Home(page);
  await home.goto();
  await home.start();
  const a = new Assessment(page);
  await a.textbox('project-name').fill(name);
  await a.choose('ai-type', 'llm');
  await a.note('project-name', NOTE);
  return a;
}

const importStatus = (page) => page.locator('.import-status');

test('an exported JSON file and PDF report import back; an existing id asks to replace or keep both', async ({ page }) => {
  await makeOne(page, 'Round trip');
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  const json = await download(page, 'Export answers (JSON)');
  const pdf = await download(page, 'Export PDF report');
  expect(pdf.name).toMatch(/^elsa-report-round-trip-\d{4}-\d{2}-\d{2}\.pdf$/);
  const original = JSON.parse(json.bytes.toString('utf8')).assessment;

  const home = new Home(page);
  await home.goto();
  const before = await storageSnapshot(page);

  // Same id: the user is asked. Cancel changes nothing.
  await importFile(page, json.name, json.bytes, 'application/json');
  const dialog = page.getByRole('dialog', { name: 'This assessment is already here' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“Round trip”');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await storageSnapshot(page)).toEqual(before);
  await expect(home.savedRow('Round trip')).toHaveCount(1);

  // Keep both: a copy with a new id and the same answers.
  await importFile(page, json.name, json.bytes, 'application/json');
  await dialog.getByRole('button', { name: 'Keep both' }).click();
  await expect(importStatus(page)).toContainText('Imported “Round trip”.');
  await expect(home.savedRow('Round trip')).toHaveCount(2);
  const after = await storageSnapshot(page);
  const keys = Object.keys(after).filter((k) => k.startsWith('elsa.v1.assessment.'));
  expect(keys).toHaveLength(2);
  const copy = JSON.parse(after[keys.find((k) => !k.endsWith(original.id))]).assessment;
  expect(copy.id).not.toBe(original.id);
  expect(copy.responses).toEqual(original.responses);
  expect(copy.metadata).toEqual(original.metadata);

  // The PDF carries the answers: Replace keeps one entry under the original id.
  await importFile(page, pdf.name, pdf.bytes, 'application/pdf');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(importStatus(page)).toContainText('Imported “Round trip”.');
  const replaced = JSON.parse((await storageSnapshot(page))[`elsa.v1.assessment.${original.id}`]).assessment;
  expect(replaced).toEqual(original);
  await expect(home.savedRow('Round trip')).toHaveCount(2);

  // Into an empty device: no question, and the results are there.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByText('No saved assessments on this device yet.')).toBeVisible();
  await importFile(page, pdf.name, pdf.bytes, 'application/pdf');
  await expect(importStatus(page)).toContainText('Imported “Round trip”.');
  await importStatus(page).getByRole('link', { name: 'See its results' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results: Round trip' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the questions' }).click();
  await expect(new Assessment(page).textbox('project-name')).toHaveValue('Round trip');
  expect(JSON.parse((await storageSnapshot(page))[`elsa.v1.assessment.${original.id}`]).assessment.responses).toEqual(original.responses);
});

test('every bad file is refused with its own message, and nothing on the device changes', async ({ page }) => {
  await makeOne(page, 'Keep me');
  const home = new Home(page);
  await home.goto();
  const before = await storageSnapshot(page);
  const good = JSON.parse(Object.values(before)[0]);
  const variant = (f) => { const c = structuredClone(good); f(c); return JSON.stringify(c); };
  const text = JSON.stringify(good);
  const huge = Buffer.alloc(6 * 1024 * 1024, 32);
  const cases = [
    ['truncated.json', text.slice(0, text.length / 2), 'is not an assessment file: it is not valid JSON (EOF while parsing'],
    ['notes.json', 'These are my notes, not JSON.', 'is not an assessment file: it is not valid JSON (expected value at line 1 column 1)'],
    ['wrong-types.json', variant((c) => { c.assessment.responses = 'none'; }), 'This file is not an assessment file of this tool (invalid type: string "none", expected a map'],
    ['recipe.json', '{"title": "Pancakes", "eggs": 2}', 'This file is not an assessment file of this tool (missing field `format_version`'],
    ['newer.json', variant((c) => { c.format_version = 5; }), 'This file was made by a newer version of this tool (file format 5; this version reads formats up to 4). Update the tool to open it.'],
    ['other-tool.json', variant((c) => { c.questionnaire.id = 'altai'; c.assessment.questionnaire_id = 'altai'; }), 'This assessment uses a questionnaire this tool does not have (“altai”).'],
    ['future.json', variant((c) => { c.questionnaire.version = '9.0.0'; c.assessment.questionnaire_version = '9.0.0'; }), `This assessment uses version 9.0.0 of “${en(quick.title)}”, which this tool does not know (it has version ${quick.version}).`],
    ['huge.json', huge, 'This file is too large to be an assessment (6.0 MB). Files over 5 MB are not accepted.'],
    ['scan.pdf', plainPdf(), 'This PDF has no answers inside it. Only PDF reports made by this tool carry the assessment; import its .json file instead.'],
    ['photo.json', PNG, 'This file is a PNG image, not an assessment.'],
  ];
  for (const [name, content, message] of cases) {
    await importFile(page, name, content);
    const alert = importStatus(page).getByRole('alert');
    await expect(alert, name).toContainText(`“${name}” could not be imported.`);
    await expect(alert, name).toContainText(message);
    await expect(alert, name).toContainText('Nothing on this device was changed.');
    expect(await storageSnapshot(page), name).toEqual(before);
    await expect(home.savedRow('Keep me')).toHaveCount(1);
  }
  // The assessment still opens with its answers.
  await home.savedRow('Keep me').getByRole('link', { name: 'Resume Keep me' }).click();
  await expect(new Assessment(page).textbox('project-name')).toHaveValue('Keep me');
});

test('a file of an older questionnaire version moves forward, keeping answers to removed questions', async ({ page }) => {
  // A real format-1 file saved by tool 0.1.0, made with an older version of the quick scan that
  // still had a question the current version dropped.
  const file = JSON.parse(readFileSync(new URL('../it/data/storage/v1-quick-scan.json', import.meta.url), 'utf8'));
  expect(file.format_version).toBe(1);
  file.assessment.questionnaire_version = '0.9.0';
  file.assessment.responses['retired-question'] = { answer: { type: 'choice', id: 'partly' }, note: 'Kept from the old version' };
  const home = new Home(page);
  await home.goto();
  await importFile(page, 'old.json', JSON.stringify(file), 'application/json');
  await expect(importStatus(page)).toContainText('Imported “Sepsis early warning (ICU)”.');
  await expect(importStatus(page)).toContainText(`It was made with version 0.9.0 of the questionnaire and now uses version ${quick.version}.`);
  await expect(importStatus(page)).toContainText('1 answer to removed questions is kept; the results page lists it under “Answers to removed questions”.');
  await importStatus(page).getByRole('link', { name: 'See its results' }).click();
  const removed = page.getByRole('region', { name: 'Answers to removed questions' });
  await expect(removed).toContainText('retired-question: partly Note: Kept from the old version');
  // Saved in the current format, the old answer still there.
  const stored = JSON.parse((await storageSnapshot(page))[`elsa.v1.assessment.${file.assessment.id}`]);
  expect(stored.format_version).toBe(4);
  expect(stored.questionnaire).toEqual({ id: quick.id, version: quick.version });
  expect(stored.assessment.responses['retired-question'].note).toBe('Kept from the old version');
  // Editing keeps it too.
  await page.getByRole('link', { name: 'Back to the questions' }).click();
  const a = new Assessment(page);
  await a.gotoSection(en(quick.sections[0].title));
  await a.textbox('organisation').fill('Changed after import');
  const again = JSON.parse((await storageSnapshot(page))[`elsa.v1.assessment.${file.assessment.id}`]);
  expect(again.assessment.responses['retired-question'].answer).toEqual({ type: 'choice', id: 'partly' });
});

test('the Markdown export has the scores, every answer and the notes', async ({ page }) => {
  await makeOne(page, 'Markdown *check*');
  const a = new Assessment(page);
  const q = findQuestion(quick, 'ai-type').question;
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  const md = await download(page, 'Export Markdown');
  expect(md.name).toMatch(/^elsa-markdown-check-\d{4}-\d{2}-\d{2}\.md$/);
  const text = md.bytes.toString('utf8');
  expect(text).toContain('# ELSA self-assessment report: Markdown \\*check\\*');
  expect(text).toContain('| Section | Score | Level | Red flags | Answered |');
  for (const s of quick.sections) expect(text).toContain(en(s.title));
  expect(text).toContain(`- **Answer:** ${optionsOf(q).find((o) => o.id === 'llm').label}`);
  expect(text).toContain('> Zoë’s note — “quoted”, 30 °C ≥ 5 ± 1 € 🙂\n> second line');
  await expect(page.locator('.export-bar')).toContainText(`Downloaded “${md.name}”.`);
  void a;
});

test('the results page prints without the controls and with the details unfolded', async ({ page }) => {
  const a = await makeOne(page, 'Print me');
  // A scored answer, so that the results have "what drove the score" details.
  await a.next();
  const id = (await a.visibleIds())[0];
  const opts = optionsOf(findQuestion(quick, id).question);
  await a.choose(id, opts.reduce((m, o) => (o.concern > m.concern ? o : m)).id);
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results: Print me' })).toBeVisible();
  const details = await page.locator('details').count();
  expect(details).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.export-bar')).toBeHidden();
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Scores per section' })).toBeVisible();
  // Print to PDF the way the browser does, and read it back.
  expect(await page.locator('details[open]').count()).toBe(0);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  expect(await page.locator('details[open]').count()).toBe(details);
  const path = join(tmp(), 'printed.pdf');
  writeFileSync(path, await page.pdf({ format: 'A4' }));
  const printed = execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
  expect(printed).toContain('Results: Print me');
  expect(printed).toContain('Scores per section');
  expect(printed).toContain('What drove the score');
  expect(printed).toContain('points');
  expect(printed).not.toContain('Export PDF report');
  expect(printed).not.toContain('Your answers stay on this device');
  // The unfolded details fold again after printing.
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  expect(await page.locator('details[open]').count()).toBe(0);
});
