// Compare over time: an exported file (before) against the assessment as it is now (after): the
// answers that changed, the change in score per section, and the red flags resolved or raised.
import { test, expect } from '@playwright/test';
import { quick, en, findQuestion, optionsOf, importFile, storageSnapshot } from './support.mjs';
import { teamAssessment, fileOf } from './teams.mjs';

/** A question with a red-flag option, and an option without concern. */
function flagQuestion(q) {
  for (const s of q.sections) for (const x of s.questions) {
    const opts = x.kind.options || [];
    const flag = opts.find((o) => o.red_flag);
    const calm = opts.find((o) => !o.red_flag && (o.concern ?? 0) === 0);
    if (flag && calm) return { section: s, question: x, flag, calm };
  }
  throw new Error('no red-flag question');
}

test('compare an exported file with the current assessment: changed answers, scores and red flags', async ({ page }) => {
  const f = flagQuestion(quick);
  const plain = quick.sections.flatMap((s) => s.questions).find((x) => x.kind.type === 'single_choice' && x.id !== f.question.id && (x.kind.options || []).length > 2);
  const before = teamAssessment(quick, 0, { id: 'cmp-1', change: (a) => { a.responses[f.question.id] = { answer: { type: 'choice', id: f.flag.id } }; } });
  const after = structuredClone(before);
  after.responses[f.question.id] = { answer: { type: 'choice', id: f.calm.id } };
  const other = optionsOf(plain).find((o) => o.id !== before.responses[plain.id].answer.id);
  after.responses[plain.id] = { answer: { type: 'choice', id: other.id }, note: 'Changed after the mitigation meeting.' };
  after.modified = '2026-11-20T10:00:00.000Z';

  // The current version is the user's own assessment; the old one is a file.
  await page.goto('./');
  await importFile(page, 'after.json', fileOf(after), 'application/json');
  await expect(page.locator('.import-status')).toContainText('Imported');
  const own = await storageSnapshot(page);

  await page.goto('./#/compare');
  await expect(page.getByRole('heading', { level: 1, name: 'Compare two versions' })).toBeVisible();
  await page.getByLabel('or a file (.json or .pdf)').first().setInputFiles({ name: 'before.json', mimeType: 'application/json', buffer: fileOf(before) });
  await page.getByRole('group', { name: 'After' }).getByLabel('One of your assessments').selectOption('cmp-1');
  const result = page.locator('#compare-result');
  await expect(result).toBeVisible();

  // Exactly the two changed answers, in questionnaire order, with before and after in words.
  const rows = result.locator('#changed-answers tbody tr');
  const order = quick.sections.flatMap((s) => s.questions).map((x) => x.id).filter((id) => id === f.question.id || id === plain.id);
  await expect(rows).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    const id = order[i];
    const x = findQuestion(quick, id).question;
    await expect(rows.nth(i).locator('th')).toContainText(en(x.text));
    const label = (oid) => optionsOf(x).find((o) => o.id === oid).label;
    await expect(rows.nth(i).locator('td').nth(0)).toHaveText(label(before.responses[id].answer.id));
    await expect(rows.nth(i).locator('td').nth(1)).toContainText(label(after.responses[id].answer.id));
  }
  await expect(rows.filter({ hasText: en(plain.text) }).locator('td').nth(1)).toContainText('note changed');

  // The red flag is resolved and none raised; its section's score went down.
  await expect(result.locator('#flags-resolved')).toContainText(en(f.question.text));
  await expect(result.locator('#flags-raised')).toHaveText('None.');
  const secRow = result.locator('#section-changes tbody tr').filter({ hasText: en(f.section.title) });
  await expect(secRow.locator('td').nth(2)).toContainText('less concern');
  // Other sections without changes say so.
  const untouched = quick.sections.find((s) => s.id !== f.section.id && !s.questions.some((x) => x.id === plain.id) && s.dimension !== 'profile' && s.dimension !== 'triage');
  expect(untouched, 'the quick scan has a scored section this test leaves unchanged').toBeTruthy();
  await expect(result.locator('#section-changes tbody tr').filter({ hasText: en(untouched.title) }).locator('td').nth(2)).toHaveText('no change');

  // Comparing changes nothing.
  expect(await storageSnapshot(page)).toEqual(own);
});
