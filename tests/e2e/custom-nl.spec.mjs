// Issue 16: the worked example of docs/authoring.md, in a Dutch browser. The hospital's policy
// file (an extension of the full questionnaire) is checked with its base, previewed (conditions
// and scoring in Dutch), kept, and a whole assessment is completed with it up to the Dutch PDF.
// The expected Dutch comes from the catalogue files and the example file itself.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { full, findQuestion, esc, nl } from './support.mjs';

const text = readFileSync(new URL('../../questionnaires/examples/hospital-ai-policy.json', import.meta.url), 'utf8');
const example = JSON.parse(text);
const title = example.title.nl;
/** A question of the example or of its base. */
const question = (id) => (findQuestion(example, id) || findQuestion(full, id)).question;
const yesNo = (id) => nl(id === 'yes' ? 'Yes' : 'No');

async function axe(page, what) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${what}`).toEqual([]);
}

test.use({ locale: 'nl-NL' });

test('the worked example in Dutch: checked with its base, previewed, kept, completed and reported', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByLabel(nl('Choose a questionnaire file (.json)')).setInputFiles({ name: 'hospital-ai-policy.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByText(nl('“{0}” passed the checks.', 'hospital-ai-policy.json'))).toBeVisible();
  const added = example.sections.reduce((n, s) => n + s.questions.length, 0);
  const all = full.sections.reduce((n, s) => n + s.questions.length, 0) + added;
  await expect(page.locator('.check-ok')).toContainText(nl('“{0}” version {1}: {2} sections, {3} questions.', title, example.version, full.sections.length + example.sections.length, all));

  // The preview, in Dutch: a condition in words, the scoring table, every text has Dutch.
  await page.getByRole('button', { name: nl('Preview it first') }).click();
  await expect(page.getByRole('heading', { level: 1, name: nl('Preview: {0}', title) })).toBeVisible();
  const owner = page.locator('li.preview-question[data-question="nw-owner-name"]');
  await expect(owner.locator('.notice')).toHaveText(`${nl('Shown only when:')} ${nl('“{0}” is “{1}”', question('nw-tool-owner').text.nl, yesNo('yes'))}`);
  const advice = question('nw-committee-advice');
  const worst = advice.kind.options.find((o) => o.red_flag);
  const row = page.locator('li.preview-question[data-question="nw-committee-advice"]').getByRole('row', { name: new RegExp('^' + esc(worst.label.nl)) });
  await expect(row).toContainText(`${worst.concern} / 4`);
  await expect(row).toContainText(nl('red flag'));
  await expect(row).toContainText(worst.recommendation.nl);
  await expect(page.locator('li.preview-question')).toHaveCount(all);
  await expect(page.locator('section[aria-labelledby="pv-dutch"]')).toContainText(nl('Every text has Dutch.'));
  await axe(page, 'the Dutch preview');
  await page.getByRole('button', { name: nl('Keep it on this device') }).click();
  await expect(page.getByRole('status').filter({ hasText: nl('Kept on this device. Start an assessment with it on the home page.') })).toBeVisible();

  // Home: the card in Dutch; start an assessment.
  await page.goto('./');
  const card = page.locator('li.card', { hasText: title });
  await expect(card).toContainText(nl('custom'));
  await expect(card).toContainText(nl('Adds to “{0}” version {1}.', full.id, full.version));
  await axe(page, 'the Dutch home page with a questionnaire of your own');
  await page.getByRole('button', { name: nl('Start: {0}', title) }).click();
  await expect(page.getByRole('heading', { level: 1, name: full.sections[0].title.nl })).toBeVisible();
  const id = await page.evaluate(() => location.hash.split('/')[2]);

  // The base's 150 questions are answered through storage (the quick scan's e2e tests answer
  // through the page), written while the app is not open (it would save its own copy over it);
  // the hospital's own sections through the page, in Dutch.
  await page.goto('./sw.js');
  await page.evaluate(({ id, full }) => {
    const key = `elsa.v1.assessment.${id}`;
    const stored = JSON.parse(localStorage.getItem(key));
    for (const s of full.sections) for (const x of s.questions) {
      const k = x.kind;
      const opts = k.type === 'yes_no' ? [{ id: 'yes' }, { id: 'no' }] : (k.options || k.points || []);
      const mid = opts[Math.floor(opts.length / 2)];
      if (k.type === 'profile') stored.assessment.metadata[k.field] = `Noordwaard ${k.field}`;
      else if (k.type === 'multi_choice') stored.assessment.responses[x.id] = { answer: { type: 'choices', ids: [mid.id] } };
      else if (opts.length) stored.assessment.responses[x.id] = { answer: { type: 'choice', id: mid.id } };
      else if (k.type === 'date') stored.assessment.responses[x.id] = { answer: { type: 'date', value: '2026-10-01' } };
      else stored.assessment.responses[x.id] = { answer: { type: 'text', value: `Antwoord op ${x.id}` } };
    }
    localStorage.setItem(key, JSON.stringify(stored));
  }, { id, full });
  await page.goto(`./#/a/${id}/s/${example.sections[0].id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(example.sections[0].title.nl);
  await expect(page.locator('#app-title, header').first()).toBeVisible();
  for (const s of example.sections) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(s.title.nl);
    const shown = await page.locator('.section-body .question').evaluateAll((els) => els.map((e) => e.id.replace(/^q-/, '')));
    expect(shown.length).toBeGreaterThan(0);
    for (const qid of shown) {
      const x = question(qid);
      const group = page.getByRole('group', { name: new RegExp('^\\d+\\. ' + esc(x.text.nl)) });
      if (['short_text', 'long_text'].includes(x.kind.type)) {
        await page.getByLabel(new RegExp('^\\d+\\. ' + esc(x.text.nl))).fill('Dr. E. Bakker, klinisch fysicus');
      } else if (x.kind.type === 'yes_no') {
        await group.getByRole('radio', { name: yesNo('yes'), exact: true }).check();
      } else {
        // The red flag of the committee question; the first option elsewhere.
        const o = qid === 'nw-committee-advice' ? worst : (x.kind.options || x.kind.points)[0];
        await group.getByRole(x.kind.type === 'multi_choice' ? 'checkbox' : 'radio', { name: o.label.nl, exact: true }).check();
      }
    }
    await page.getByRole('link', { name: new RegExp('^' + esc(nl('Next:')) + '|' + esc(nl('See the results'))) }).click();
  }

  // Results: complete, the red flag and its Dutch recommendation.
  await expect(page.getByRole('heading', { level: 1, name: new RegExp('^' + esc(nl('Results: {0}', ''))) })).toBeVisible();
  const answered = await page.getByRole('table', { name: nl('Score, level, red flags and answered questions per section') }).locator('tbody tr', { has: page.locator('th') }).locator('td:last-child').allTextContents();
  expect(answered).toHaveLength(full.sections.length - 2 + example.sections.length);
  for (const cell of answered) expect(cell, 'every shown question answered').toMatch(/^(\d+)\/\1$/);
  await expect(page.locator('section[aria-labelledby="flags-heading"]')).toContainText(advice.text.nl);
  await expect(page.locator('.recs', { hasText: worst.recommendation.nl })).toHaveCount(1);
  await axe(page, 'the Dutch results of a questionnaire of your own');

  // The Dutch PDF has the hospital's sections and recommendation.
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: nl('Export PDF report') }).click();
  const d = await pending;
  const path = join(mkdtempSync(join(tmpdir(), 'elsa-custom-nl-')), d.suggestedFilename());
  await d.saveAs(path);
  const pdf = execFileSync('pdftotext', [path, '-']).toString('utf8').replace(/\s+/g, ' ');
  for (const s of example.sections) expect(pdf).toContain(s.title.nl);
  expect(pdf).toContain(worst.recommendation.nl.slice(0, 60));
});
