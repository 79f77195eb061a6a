// Issue 19 in the browser: the results page puts "stop" conclusions among the red flags, asks
// the team to check answers that contradict each other (with links to them), and says why the
// overall level was raised; the PDF made in the browser opens with the decision summary on
// page 2, and a long note continues in the appendix on the page it names.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Home, full, en, findQuestion, importFile } from './support.mjs';
import { fileOf } from './teams.mjs';

const choice = (id) => ({ answer: { type: 'choice', id } });
const words = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ');
const LONG = `STARTMARK ${words} ENDMARK`;

function assessment() {
  return {
    id: 'decision-e2e', questionnaire_id: full.id, questionnaire_version: full.version,
    created: '2026-12-01T09:00:00.000Z', modified: '2026-12-01T10:00:00.000Z',
    metadata: { project_name: 'Decision check', organisation: '', assessors: 'A. Jansen (data scientist)', intended_use: '', intended_users: '', clinical_setting: '', target_population: '', data_sources: '' },
    responses: {
      'ai-role': choice('recommends'),
      'lt-ai-system': choice('learned'),
      'lt-how-obtained': choice('own-use'),
      'lt-art5-practices': { answer: { type: 'choices', ids: ['manipulation'] } },
      'lt-medical-purpose': choice('no-general-information'),
      'np-why-ai': { answer: { type: 'choice', id: 'written-figures' }, note: LONG },
      'ls-subgroup-performance': choice('gaps-found'),
      'reassessment-date': { answer: { type: 'date', value: '2027-06-01' } },
    },
  };
}

test('results and the browser-made PDF lead with what a committee decides on', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await importFile(page, 'decision.json', fileOf(assessment()), 'application/json');
  await expect(page.locator('.import-status')).toContainText('Imported “Decision check”.');
  await page.locator('.import-status').getByRole('link', { name: 'See its results' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results: Decision check' })).toBeVisible();

  // The stop conclusion is a red flag, listed first; the low-SES gap left unfixed is one too.
  const flags = page.getByRole('region', { name: 'Red flags' });
  await expect(flags.getByRole('listitem').first()).toContainText('Stop: Possibly a prohibited AI practice under the EU AI Act (art. 5)');
  await expect(flags.getByRole('link', { name: en(findQuestion(full, 'ls-subgroup-performance').question.text) })).toBeVisible();
  // Why the overall level is what it is.
  await expect(page.locator('.overall')).toContainText('Raised to this level because the legal triage says: Possibly a prohibited AI practice');
  await expect(page.locator('.overall-level')).toHaveText('Critical concern');

  // Answers that contradict each other, with links to both questions.
  const checks = page.getByRole('region', { name: 'Answers to check' });
  const item = checks.locator('[data-check="general-information-vs-patient-advice"]');
  await expect(item).toContainText('You say the tool has no medical purpose');
  const purpose = en(findQuestion(full, 'lt-medical-purpose').question.text);
  await expect(item.getByRole('link', { name: en(findQuestion(full, 'ai-role').question.text) })).toBeVisible();
  await item.getByRole('link', { name: purpose }).click();
  await expect(page).toHaveURL(/lt-medical-purpose/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Results: Decision check' })).toBeVisible();

  // The PDF, made in the browser.
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  const d = await pending;
  const path = join(mkdtempSync(join(tmpdir(), 'elsa-decision-')), d.suggestedFilename());
  await d.saveAs(path);
  const pageText = (n) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const two = pageText(2);
  // Page 2 opens with the decision summary: the stop first, the level, the headline, the status.
  expect(two).toMatch(/^ ?Decision check .*? Decision summary State: Draft: not signed off by a reviewer/);
  expect(two.indexOf('STOP — Possibly a prohibited AI practice')).toBeLessThan(two.indexOf('▲ Red flag'));
  expect(two).toContain('Overall level: Critical concern');
  expect(two).toMatch(/EU AI Act Prohibited AI yes Possibly a prohibited AI practice/);
  expect(two).toContain('Next assessment: 1 June 2027');
  expect(two).toContain('Assessors: A. Jansen (data scientist)');
  expect(two).toContain('Answers that contradict each other: 1');
  expect(pageText(3)).toContain('Executive summary');
  // The long note: its start in the answers, the rest in the appendix on the page named.
  const all = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const m = all.match(/… continued in the appendix, note A1 \(page (\d+)\)\./);
  expect(m, 'the reference to the appendix').not.toBeNull();
  const appendix = pageText(Number(m[1]));
  expect(appendix).toContain('Note A1: question');
  expect(appendix).toContain('STARTMARK');
  expect(all).toContain('ENDMARK');
  expect(all.split('ENDMARK').length - 1).toBe(1);

  // The accessible HTML export: the same summary, with the document language and real
  // structure, and nothing that loads from elsewhere.
  const pendingHtml = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export accessible HTML' }).click();
  const h = await pendingHtml;
  expect(h.suggestedFilename()).toMatch(/^elsa-decision-check-\d{4}-\d{2}-\d{2}\.html$/);
  const htmlPath = join(mkdtempSync(join(tmpdir(), 'elsa-html-')), h.suggestedFilename());
  await h.saveAs(htmlPath);
  const html = readFileSync(htmlPath, 'utf8');
  expect(html).toContain('<html lang="en">');
  expect(html).not.toMatch(/<script|<link|src=|https?:/);
  // Open it as a reader would: headings in order, tables with headers.
  await page.goto('file://' + htmlPath);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ELSA self-assessment report');
  const parts = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(parts.slice(0, 2)).toEqual(['Decision summary', 'Executive summary']);
  expect(parts).toContain('Methodology');
  await expect(page.getByRole('columnheader', { name: 'Because the triage concludes' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'STOP — Possibly a prohibited AI practice' }).first()).toBeVisible();
});
