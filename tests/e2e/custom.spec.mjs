// Issue 16: a questionnaire of your own in the browser. A file with three
// errors shows all three with their lines; an extension of the quick scan is checked with its
// base, kept on this device, used for an assessment whose results and PDF include the added
// section, kept over a reload, and cannot be removed while an assessment uses it.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Home, quick, en } from './support.mjs';

/** "line L, column C" of the `nth` occurrence of `needle` in `text` (an independent oracle). */
function place(text, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  const before = text.slice(0, at).split('\n');
  return `line ${before.length}, column ${[...before[before.length - 1]].length + 1}`;
}

const choose = (page, name, text) => page.getByLabel('Choose a questionnaire file (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

// A base question the added one depends on: the quick scan's first scored choice question.
const baseQuestion = quick.sections.filter((s) => !['profile', 'triage'].includes(s.dimension)).flatMap((s) => s.questions).find((x) => (x.kind.options || []).length >= 2);

function extension({ condition = baseQuestion.id, version = quick.version, id = 'ward-policy' } = {}) {
  return `{
  "id": "${id}", "version": "1.0.0",
  "title": {"en": "Quick scan plus our ward", "nl": "Quick scan plus onze afdeling"},
  "extends": {"id": "${quick.id}", "version": "${version}"},
  "sections": [{"id": "ward", "title": {"en": "Our ward's AI policy"}, "dimension": "ethical", "questions": [
    {"id": "ward-board", "text": {"en": "Did the ward board approve the tool?"},
     "kind": {"type": "yes_no", "yes": {"concern": 0}, "no": {"concern": 4, "red_flag": true, "recommendation": {"en": "Ask the ward board to approve the tool."}}}},
    {"id": "ward-night", "text": {"en": "Is there a plan for nights?"},
     "show_if": {"equals": {"question": "${condition}", "value": "${baseQuestion.kind.options[0].id}"}},
     "kind": {"type": "yes_no", "yes": {"concern": 0}, "no": {"concern": 2, "recommendation": {"en": "Plan the nights."}}}}
  ]}]
}`;
}

test('a file with three errors: all three are listed with their lines, and nothing is kept', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  const broken = extension({ condition: 'no-such-question' })
    .replace('"version": "1.0.0"', '"version": "1.0"')
    .replace('"id": "ward-night"', '"id": "ward-board"');
  await choose(page, 'broken.json', broken);
  const alert = page.locator('.check-errors');
  await expect(alert).toContainText('“broken.json” cannot be used. 3 problems:');
  const items = alert.locator('li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toHaveText(`version: version "1.0" is not of the form MAJOR.MINOR.PATCH (${place(broken, '"version": "1.0"')})`);
  await expect(alert).toContainText(`unknown question "no-such-question" (${place(broken, '"equals"')})`);
  await expect(alert).toContainText(`duplicate id "ward-board" (${place(broken, '"id": "ward-board"', 1)})`);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('elsa.v1.questionnaire.')))).toEqual([]);
  await expect(page.getByRole('heading', { name: 'Your own questionnaires' })).toHaveCount(0);
});

test('an extension is checked with its base, kept, used for an assessment and its PDF, and kept over a reload', async ({ page, browser }) => {
  const home = new Home(page);
  await home.goto();
  await choose(page, 'ward.json', extension());
  await expect(page.getByText('“ward.json” passed the checks.')).toBeVisible();
  const added = quick.sections.reduce((n, s) => n + s.questions.length, 0) + 2;
  await expect(page.locator('.check-ok')).toContainText(`“Quick scan plus our ward” version 1.0.0: ${quick.sections.length + 1} sections, ${added} questions.`);
  await expect(page.locator('.check-ok')).toContainText('texts have no Dutch');
  await page.getByRole('button', { name: 'Keep it on this device' }).click();
  await expect(page.getByRole('heading', { name: 'Your own questionnaires' })).toBeFocused();
  const card = page.locator('li.card', { hasText: 'Quick scan plus our ward' });
  await expect(card).toContainText('custom');
  await expect(card).toContainText(`Adds to “${quick.id}” version ${quick.version}.`);
  await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze().then((r) => expect(r.violations.map((v) => v.id)).toEqual([]));

  // Kept over a reload, and used like a bundled one.
  await page.reload();
  await page.getByRole('button', { name: 'Start: Quick scan plus our ward' }).click();
  await expect(page.getByRole('heading', { level: 1, name: en(quick.sections[0].title) })).toBeVisible();
  const id = await page.evaluate(() => location.hash.split('/')[2]);
  await page.goto(`./#/a/${id}/s/ward`);
  await expect(page.getByRole('heading', { level: 1, name: "Our ward's AI policy" })).toBeVisible();
  await page.getByRole('group', { name: /Did the ward board approve the tool\?/ }).getByRole('radio', { name: 'No', exact: true }).check();
  await page.goto(`./#/a/${id}/results`);
  await expect(page.locator('section[aria-labelledby="flags-heading"]')).toContainText('Did the ward board approve the tool?');
  await expect(page.locator('.recs')).toContainText('Ask the ward board to approve the tool.');
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  const d = await pending;
  const path = join(mkdtempSync(join(tmpdir(), 'elsa-custom-')), d.suggestedFilename());
  await d.saveAs(path);
  const text = execFileSync('pdftotext', [path, '-']).toString('utf8').replace(/\s+/g, ' ');
  expect(text).toContain("Our ward's AI policy");
  expect(text).toContain('Ask the ward board to approve the tool.');

  // The JSON export carries the questionnaire.
  const pendingJson = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export answers (JSON)' }).click();
  const j = await pendingJson;
  const jsonPath = join(mkdtempSync(join(tmpdir(), 'elsa-custom-')), j.suggestedFilename());
  await j.saveAs(jsonPath);
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(exported.questionnaire.content.id).toBe('ward-policy');

  // Another browser that never loaded the questionnaire: a reviewer opens the PDF, an educator
  // runs a workshop with two team files, and a team imports the file.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('./#/review');
  await other.getByLabel('Open a file to review (.json or .pdf)').setInputFiles(path);
  await expect(other.getByRole('heading', { level: 1, name: /^Review: / })).toBeVisible();
  await expect(other.getByText('Did the ward board approve the tool?').first()).toBeVisible();
  // The reviewer is told that the sign-off covers this questionnaire's content as well.
  await expect(other.getByText('This questionnaire is one of your organisation\'s own, so the fingerprint also covers its content.')).toBeVisible();
  await other.goto('./#/workshop');
  const second = structuredClone(exported);
  second.assessment.id = 'second-team';
  second.assessment.responses['ward-board'] = { answer: { type: 'choice', id: 'yes' } };
  await other.getByLabel(/^Choose team files/).setInputFiles([
    { name: 'team-1.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) },
    { name: 'team-2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(second)) },
  ]);
  await expect(other.locator('input.team-label')).toHaveCount(2);
  await expect(other.locator('#split-list')).toContainText('Did the ward board approve the tool?');
  await other.goto('./');
  await other.getByLabel('Choose a file to import (.json or .pdf)').setInputFiles(jsonPath);
  await expect(other.locator('.import-status')).toContainText('Imported');
  await expect(other.getByRole('heading', { name: 'Your own questionnaires' })).toBeVisible();
  await other.reload();
  await expect(other.getByRole('row', { name: /Quick scan plus our ward \(your own questionnaire\)/ })).toBeVisible();
  await fresh.close();

  // Home: the assessment names its questionnaire; the questionnaire cannot be removed while used.
  await page.goto('./');
  await expect(page.getByRole('row', { name: /Quick scan plus our ward \(your own questionnaire\)/ })).toBeVisible();
  page.once('dialog', (dlg) => dlg.accept());
  await page.getByRole('button', { name: 'Remove Quick scan plus our ward' }).click();
  await expect(page.getByRole('alert')).toContainText('1 assessment(s) on this device use this questionnaire.');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('elsa.v1.questionnaire.')))).toEqual(['elsa.v1.questionnaire.ward-policy@1.0.0']);
});

test('the id and version of a questionnaire that comes with the tool are refused', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  const own = extension({ id: quick.id }).replace('"version": "1.0.0"', `"version": "${quick.version}"`);
  await choose(page, 'same.json', own);
  await expect(page.locator('.check-errors')).toContainText('is a questionnaire that comes with the tool');
});

test('the preview shows every question with its condition and scoring, lists the texts without Dutch, and can keep the file', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await choose(page, 'ward.json', extension());
  await page.getByRole('button', { name: 'Preview it first' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Preview: Quick scan plus our ward' })).toBeVisible();
  const night = page.locator('li.preview-question[data-question="ward-night"]');
  const baseOption = baseQuestion.kind.options[0];
  await expect(night.locator('.notice')).toHaveText(`Shown only when: “${en(baseQuestion.text)}” is “${en(baseOption.label)}”`);
  const board = page.locator('li.preview-question[data-question="ward-board"]');
  await expect(board.getByRole('row', { name: /^No / })).toContainText('4 / 4');
  await expect(board.getByRole('row', { name: /^No / })).toContainText('red flag');
  await expect(board.getByRole('row', { name: /^No / })).toContainText('Ask the ward board to approve the tool.');
  // Every question of the base is there too, and the English-only texts are listed.
  const all = quick.sections.reduce((n, s) => n + s.questions.length, 0) + 2;
  await expect(page.locator('li.preview-question')).toHaveCount(all);
  await expect(page.locator('section[aria-labelledby="pv-dutch"]')).toContainText('texts have no Dutch');
  await page.getByText('Show them').click();
  await expect(page.locator('section[aria-labelledby="pv-dutch"]')).toContainText('Question 8.1: Did the ward board approve the tool?');
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // Not kept until asked.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('elsa.v1.questionnaire.')))).toEqual([]);
  await page.getByRole('button', { name: 'Keep it on this device' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kept on this device.' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('elsa.v1.questionnaire.')))).toEqual(['elsa.v1.questionnaire.ward-policy@1.0.0']);
});

test('keeping a newer version of your own questionnaire moves its assessments forward and keeps their answers', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await choose(page, 'ward-1.json', extension());
  await page.getByRole('button', { name: 'Keep it on this device' }).click();
  await page.getByRole('button', { name: 'Start: Quick scan plus our ward' }).click();
  await expect(page.getByRole('heading', { level: 1, name: en(quick.sections[0].title) })).toBeVisible();
  const id = await page.evaluate(() => location.hash.split('/')[2]);
  await page.goto(`./#/a/${id}/s/ward`);
  await page.getByRole('group', { name: /Did the ward board approve the tool\?/ }).getByRole('radio', { name: 'No', exact: true }).check();
  // Version 1.1.0 asks the board question differently (a new id): the old answer is kept aside.
  await page.goto('./');
  const v2 = extension().replace('"version": "1.0.0"', '"version": "1.1.0"').replace('"id": "ward-board"', '"id": "ward-board-2"');
  await choose(page, 'ward-2.json', v2);
  await page.getByRole('button', { name: 'Keep it on this device' }).click();
  await expect(page.getByText('1 assessment of an older version now uses version 1.1.0; its answers are kept.')).toBeVisible();
  const stored = await page.evaluate((id) => JSON.parse(localStorage.getItem(`elsa.v1.assessment.${id}`)), id);
  expect(stored.assessment.questionnaire_version).toBe('1.1.0');
  expect(stored.assessment.responses['ward-board'].answer).toEqual({ type: 'choice', id: 'no' });
  await page.goto(`./#/a/${id}/results`);
  await expect(page.locator('section[aria-labelledby="removed-heading"]')).toContainText('ward-board');
  // The older version is no longer used, so it can be removed.
  await page.goto('./');
  page.once('dialog', (dlg) => dlg.accept());
  // Two versions with one title: each button names its version.
  await expect(page.getByRole('button', { name: 'Start: Quick scan plus our ward (version 1.1.0)', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Remove Quick scan plus our ward (version 1.0.0)', exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'version 1.0.0' })).toHaveCount(0);
});
