// Complete the starter questionnaire as a user would, reload halfway, check the results against
// an independent reading of the scoring rules, export the PDF, and watch every request.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Assessment, Home, quick as starter, en, esc, findQuestion, optionsOf, isChoice, expectedScores,
  recordRequests, expectOnlyStaticSameOrigin,
} from './support.mjs';

const UNICODE_NOTE = 'Şükrü Łukasz Zoë Øster — 30 °C ≥ 5 ± 1 € “quotes”';
const PROJECT = 'Sepsis early warning';

const profile = {
  'project-name': PROJECT,
  organisation: 'UMC Demo, Data Science Hub',
  assessors: 'Zoë Øster, Şükrü Łukasz',
  'assessment-date': '2026-11-29',
  'intended-use': 'Predicts the risk of sepsis on the ward, to alert the nurse.',
  'intended-users': 'Ward nurses',
  'target-population': 'Adult inpatients',
  'data-sources': 'Vital signs and lab values from the hospital record',
};
const profileChoices = { 'ai-type': 'llm', 'ai-role': 'recommends', 'patient-facing': 'yes', 'use-context': 'clinical-care' };
const DONT_KNOW = 'rs-monitoring';
const NOT_APPLICABLE = 'no-such-question';

/** Answer every question the current section shows, in order, recording the picks. */
async function answerSection(a, picks, onQuestion) {
  for (let i = 0; ; i++) {
    const ids = await a.visibleIds();
    if (i >= ids.length) break;
    const id = ids[i];
    const { section, question } = findQuestion(starter, id);
    if (id in profile) {
      await a.textbox(id).fill(profile[id]);
    } else if (id in profileChoices) {
      await a.choose(id, profileChoices[id]);
      picks[id] = [profileChoices[id]];
    } else if (!isChoice(question)) {
      const tb = a.textbox(id);
      if (question.kind.type === 'date') await tb.fill('2026-10-01');
      else await tb.fill(`Our answer to ${id}.`);
    } else if (id === DONT_KNOW) {
      await a.dontKnow(id);
      picks[id] = 'dk';
    } else if (id === NOT_APPLICABLE) {
      await a.notApplicable(id, 'The tool is never used for decisions about one patient.');
      picks[id] = 'na';
    } else {
      const opts = optionsOf(question);
      if (question.kind.type === 'multi_choice') {
        const chosen = [opts[0].id, opts[Math.min(1, opts.length - 1)].id];
        for (const o of chosen) await a.choose(id, o);
        picks[id] = chosen;
      } else {
        // A spread of answers: the middle option, or the second of two.
        const o = opts[Math.floor(opts.length / 2)];
        await a.choose(id, o.id);
        picks[id] = [o.id];
      }
    }
    if (onQuestion) await onQuestion(id, section);
  }
}

test('complete the quick scan, reload halfway, check results and the PDF', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const requests = recordRequests(page);
  const home = new Home(page);
  await home.goto();
  await home.start();
  const a = new Assessment(page);
  const picks = {};

  // Section 1: the profile, plus a note with odd Unicode.
  await answerSection(a, picks);
  await a.note('project-name', UNICODE_NOTE);
  // The section's progress in the navigation follows the answers.
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: new RegExp(esc(en(starter.sections[0].title))) })).toContainText('✓');
  await a.next();

  // Section 2: a condition (the AI recommends) reveals the override question.
  await expect(a.sectionHeading()).toHaveText(en(starter.sections[1].title));
  await expect(a.group('ho-override')).toBeVisible();
  await answerSection(a, picks);
  const scoreBox = page.locator('.live-score');
  const exp2 = expectedScores(starter, picks).sections.find((s) => s.id === starter.sections[1].id);
  await expect(scoreBox).toContainText(`${Math.round(exp2.score)} / 100`);
  await a.next();

  // Section 3, half answered, then a reload: nothing may be lost.
  const s3 = starter.sections[2];
  await expect(a.sectionHeading()).toHaveText(en(s3.title));
  const firstChoice = s3.questions.find(isChoice);
  const opt = optionsOf(firstChoice)[1];
  await a.choose(firstChoice.id, opt.id);
  picks[firstChoice.id] = [opt.id];
  await a.note(firstChoice.id, 'Checked with the DPO on 12 November.');
  const urlBefore = page.url();
  await page.reload();
  expect(page.url()).toBe(urlBefore);
  await expect(a.sectionHeading()).toHaveText(en(s3.title));
  await expect(a.group(firstChoice.id).getByRole('radio', { name: opt.label, exact: true })).toBeChecked();
  await expect(page.locator(`#q-${firstChoice.id}`).getByLabel('Note', { exact: true })).toHaveValue('Checked with the DPO on 12 November.');
  // Earlier sections too.
  await a.gotoSection(en(starter.sections[0].title));
  await expect(a.textbox('project-name')).toHaveValue(PROJECT);
  await expect(page.locator('#q-project-name').getByLabel('Note', { exact: true })).toHaveValue(UNICODE_NOTE);
  await expect(a.group('ai-type').getByRole('radio', { name: optionsOf(findQuestion(starter, 'ai-type').question).find((o) => o.id === 'llm').label })).toBeChecked();
  await a.gotoSection(en(s3.title));
  delete picks[firstChoice.id];
  await answerSection(a, picks);
  await a.next();

  // The remaining sections.
  for (let s = 3; s < starter.sections.length; s++) {
    await expect(a.sectionHeading()).toHaveText(en(starter.sections[s].title));
    await answerSection(a, picks);
    await a.next();
  }

  // Results: every section score and the overall score match the rules.
  await expect(page.getByRole('heading', { level: 1, name: `Results: ${PROJECT}` })).toBeVisible();
  const expected = expectedScores(starter, picks);
  for (const s of expected.sections) {
    const row = page.getByRole('row', { name: new RegExp('^' + esc(s.title)) });
    await expect(row.getByRole('cell').first()).toHaveText(s.score === null ? '—' : String(Math.round(s.score)));
  }
  await expect(page.locator('.overall-score .big')).toHaveText(String(Math.round(expected.overall)));
  // The chart has a text name, and the knowledge gap and N/A are reflected.
  await expect(page.getByRole('img', { name: /Bar chart of the concern score per section/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Knowledge gaps' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Knowledge gaps' }).getByRole('link', { name: en(findQuestion(starter, DONT_KNOW).question.text) })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Required questions not answered yet' })).toHaveCount(0);

  // PDF export: captured download, checked with pdftotext.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^elsa-report-sepsis-early-warning-\d{4}-\d{2}-\d{2}\.pdf$/);
  const dir = mkdtempSync(join(tmpdir(), 'elsa-e2e-'));
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain(PROJECT);
  expect(flat).toContain(UNICODE_NOTE);
  expect(flat).toContain('Checked with the DPO on 12 November.');
  const s2 = expected.sections[0];
  expect(flat).toMatch(new RegExp(esc(s2.title) + ' ' + Math.round(s2.score) + ' '));
  expect(flat).toMatch(/page 1 of \d+/);
  for (const part of ['Executive summary', 'Impact on people with low socio-economic status', 'Priority actions', 'Detailed answers', 'Methodology']) expect(flat).toContain(part);
  // Made in the browser, the PDF carries the real creation date (the browser's clock, sent to
  // the worker), not 1 January 1970, and the document language.
  const info = execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8' });
  const created = Date.parse((info.match(/^CreationDate:\s+(\S+)/m) || [])[1]);
  expect(Math.abs(created - Date.now()), info).toBeLessThan(10 * 60 * 1000);
  expect(readFileSync(path).toString('latin1')).toContain('/Lang(en)');
  // A tagged PDF: headings, paragraphs, lists and tables in a structure tree.
  expect(info).toMatch(/^Tagged:\s+yes/m);
  // The answers travel inside the PDF, as an attachment standard tools can see.
  const attached = execFileSync('pdfdetach', ['-list', path], { encoding: 'utf8' });
  expect(attached).toContain('elsa-assessment.json');
  await expect(page.getByText(/Downloaded “elsa-report-/)).toBeVisible();

  expectOnlyStaticSameOrigin(requests, baseURL);
  // The report worker is fetched only on export, after the page had loaded.
  expect(requests.some((r) => r.url.includes('report_worker'))).toBe(true);
});

test('the report worker is not loaded until the first export', async ({ page }) => {
  const requests = recordRequests(page);
  const home = new Home(page);
  await home.goto();
  await home.start();
  await page.waitForLoadState('networkidle');
  expect(requests.filter((r) => r.url.includes('report_worker'))).toEqual([]);
});

test('the answers can be exported as a JSON file in the stored format', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await home.start();
  const a = new Assessment(page);
  await a.textbox('project-name').fill('Export me');
  await a.note('project-name', UNICODE_NOTE);
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export answers (JSON)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^elsa-export-me-\d{4}-\d{2}-\d{2}\.json$/);
  const dir = mkdtempSync(join(tmpdir(), 'elsa-e2e-'));
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  expect(file.format).toBe('elsa-assessment');
  expect(file.format_version).toBe(4);
  expect(file.tool_version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(file.questionnaire).toEqual({ id: starter.id, version: starter.version });
  expect(file.assessment.questionnaire_id).toBe(starter.id);
  expect(file.assessment.questionnaire_version).toBe(starter.version);
  expect(file.assessment.metadata.project_name).toBe('Export me');
  expect(file.assessment.responses['project-name'].note).toBe(UNICODE_NOTE);
});
