// Review mode and the way back to the team: a reviewer opens a team's file, comments, gives a
// verdict and signs off on the fingerprint; the reviewed file and the PDF carry it all; the team
// imports it, sees the comments beside its answers and replies; a later change to an answer
// makes the sign-off stale, in the app and in the PDF.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { quick, full, en, findQuestion, optionsOf, storageSnapshot, importFile, Assessment } from './support.mjs';
import { teamAssessment, fileOf, expectedFingerprint, download } from './teams.mjs';

const CONCERN = 'No subgroup results for patients with a low income — “why not”?';
const QUESTION = 'How often is this checked, and by whom?';
const CONDITIONS = 'Report the subgroup analysis before go-live.';
const pdfText = (path) => execFileSync('pdftotext', ['-layout', path, '-']).toString('utf8');
const squash = (s) => s.replace(/\s+/g, ' ');

/** Open a team file in review mode. */
async function openForReview(page, buffer, name = 'team.json') {
  await page.goto('./#/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Review an assessment' })).toBeVisible();
  await page.getByLabel('Open a file to review (.json or .pdf)').setInputFiles({ name, mimeType: 'application/json', buffer });
  await expect(page.getByRole('heading', { level: 1, name: /^Review: / })).toBeVisible();
}

/** Comment on two questions, fill the overall review and sign off. */
async function reviewAndSign(page, q1, q2) {
  const c1 = page.locator(`#q-${q1}`);
  await c1.getByRole('radio', { name: 'Concern' }).check();
  await c1.getByLabel('Comment').fill(CONCERN);
  const c2 = page.locator(`#q-${q2}`);
  await c2.getByLabel('Comment').fill(QUESTION);
  // A comment typed without a status becomes a question.
  await expect(c2.getByRole('radio', { name: 'Question' })).toBeChecked();

  await page.getByRole('radio', { name: 'Approved with conditions' }).check();
  await page.getByRole('button', { name: 'Sign off' }).click();
  const problems = page.getByRole('alert').filter({ hasText: 'cannot be signed off yet' });
  await expect(problems).toContainText('Write the conditions of the approval.');
  await expect(problems).toContainText("Fill in the reviewer's name.");
  await expect(page.getByTestId('review-state')).toHaveText('Draft: not signed off');
  // Each problem is tied to its field, and the list moves the focus there.
  const name = page.getByLabel("Reviewer's name");
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription("Fill in the reviewer's name.");
  await problems.getByRole('button', { name: "Fill in the reviewer's role." }).click();
  await expect(page.getByLabel(/^Reviewer's role/)).toBeFocused();

  await page.getByLabel(/^Conditions/).fill(CONDITIONS);
  await page.getByLabel("Reviewer's name").fill('Dr. Anouk de Vries');
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await expect(problems).not.toContainText("Fill in the reviewer's name.");
  await page.getByLabel(/^Reviewer's role/).fill('Member, medical ethics committee');
  await page.getByLabel('Review date').fill('2026-11-28');
  await page.getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByTestId('review-state')).toHaveText('Signed off: answers unchanged since review');
  // Signed: the verdict is locked until the sign-off is withdrawn.
  await expect(page.getByRole('radio', { name: 'Approved', exact: true })).toBeDisabled();
}

const choiceIds = (q) => q.sections.flatMap((s) => s.questions).filter((x) => x.kind.type === 'single_choice').map((x) => x.id);

test('a reviewer comments, signs off, and exports the reviewed file and a PDF with the verdict', async ({ page }) => {
  const team = teamAssessment(quick, 0, { id: 'rev-one' });
  const [q1, q2] = choiceIds(quick);
  await openForReview(page, fileOf(team));
  // The team's answers are shown, read-only; the fingerprint is that of the documented canonical form.
  const first = page.locator(`#q-${q1}`);
  const picked = optionsOf(findQuestion(quick, q1).question).find((o) => o.id === team.responses[q1].answer.id).label;
  await expect(first.locator('.team-answer')).toContainText(picked);
  await expect(first.getByRole('radio', { name: picked })).toHaveCount(0);
  await expect(page.getByTestId('fingerprint')).toHaveText(expectedFingerprint(team));
  await expect(page.getByText('This detects changes; it is not an electronic signature').first()).toBeVisible();

  await reviewAndSign(page, q1, q2);

  // Kept on this device, apart from the user's own assessments, across a reload.
  const keys = Object.keys(await storageSnapshot(page));
  expect(keys).toEqual(['elsa.v1.review.rev-one']);
  await page.reload();
  await expect(page.getByTestId('review-state')).toHaveText('Signed off: answers unchanged since review');
  await expect(page.locator(`#q-${q1}`).getByLabel('Comment')).toHaveValue(CONCERN);

  // The reviewed file: format 3, the team's answers untouched, the review with the fingerprint.
  const json = await download(page, 'Export reviewed file (JSON)');
  expect(json.name).toMatch(/^elsa-sepsis-early-warning-\d{4}-\d{2}-\d{2}-reviewed\.json$/);
  const file = JSON.parse(json.bytes.toString('utf8'));
  expect(file.format_version).toBe(4);
  expect(file.assessment.responses).toEqual(team.responses);
  const r = file.assessment.review;
  expect(r.verdict).toBe('approved_with_conditions');
  expect(r.conditions).toBe(CONDITIONS);
  expect(r.reviewer_name).toBe('Dr. Anouk de Vries');
  expect(r.date).toBe('2026-11-28');
  expect(r.comments[q1]).toEqual({ status: 'concern', text: CONCERN });
  expect(r.comments[q2]).toEqual({ status: 'question', text: QUESTION });
  expect(r.sign_off.fingerprint).toBe(expectedFingerprint(team));

  // The PDF: the verdict on the cover and, with the whole review, on the summary page; each
  // comment after its question.
  const pdf = await download(page, 'Export PDF with review');
  const text = pdfText(pdf.path);
  const pages = text.split('\f').map(squash);
  expect(pages[0]).toContain('Ethics review: Approved with conditions — Answers unchanged since the sign-off');
  const summary = pages.find((p) => p.includes('Executive summary'));
  expect(summary).toContain('Verdict: Approved with conditions');
  expect(summary).toContain(CONDITIONS);
  expect(summary).toContain('Dr. Anouk de Vries');
  expect(summary).toContain('Answers unchanged since the sign-off');
  const all = squash(text);
  const at = (s) => all.indexOf(s);
  const t1 = en(findQuestion(quick, q1).question.text);
  expect(at(t1)).toBeGreaterThan(-1);
  expect(at(CONCERN.slice(0, 30))).toBeGreaterThan(at(t1));
  expect(at(QUESTION)).toBeGreaterThan(at(CONCERN.slice(0, 30)));
});

test('the team imports the reviewed file, replies beside its answers, and a later change makes the sign-off stale', async ({ page }) => {
  const team = teamAssessment(quick, 0, { id: 'rev-two' });
  const [q1, q2] = choiceIds(quick);
  // The team has its own assessment on this device.
  await page.goto('./');
  await importFile(page, 'ours.json', fileOf(team), 'application/json');
  await expect(page.locator('.import-status')).toContainText('Imported “Sepsis early warning”');

  // A reviewer (here, in the same browser) reviews the exported file.
  await openForReview(page, fileOf(team));
  await reviewAndSign(page, q1, q2);
  const reviewed = await download(page, 'Export reviewed file (JSON)');

  // Back to the team: import it over its own assessment.
  await page.goto('./');
  await importFile(page, reviewed.name, reviewed.bytes, 'application/json');
  const dialog = page.getByRole('dialog', { name: 'This assessment is already here' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await page.getByRole('link', { name: 'See its results' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Results: / })).toBeVisible();
  await page.getByRole('link', { name: 'Read the review and reply' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review of “Sepsis early warning”' })).toBeVisible();
  await expect(page.getByTestId('verdict')).toHaveText('Approved with conditions');
  await expect(page.getByTestId('review-state')).toHaveText('Signed off: answers unchanged since review');

  // Each comment beside the team's current answer, with a reply box.
  const item = page.locator(`.reply-item[data-question="${q1}"]`);
  const picked = optionsOf(findQuestion(quick, q1).question).find((o) => o.id === team.responses[q1].answer.id).label;
  await expect(item.locator('.team-answer')).toContainText(picked);
  await expect(item.locator('.review-comment')).toContainText(CONCERN);
  const REPLY = 'We added the subgroup table in appendix B.';
  await item.getByLabel('Your reply').fill(REPLY);
  await item.getByLabel('Your reply').press('Tab');
  await expect.poll(async () => JSON.parse((await storageSnapshot(page))['elsa.v1.assessment.rev-two']).assessment.review.comments[q1].reply).toBe(REPLY);
  // Replies do not change the answers, so the sign-off stays current.
  await page.reload();
  await expect(page.locator(`.reply-item[data-question="${q1}"]`).getByLabel('Your reply')).toHaveValue(REPLY);
  await expect(page.getByTestId('review-state')).toHaveText('Signed off: answers unchanged since review');

  // The team changes an answer in its assessment: the sign-off is stale, here and in the PDF.
  const { section, question } = findQuestion(quick, q2);
  await page.goto(`./#/a/rev-two/s/${section.id}`);
  const other = optionsOf(question).find((o) => o.id !== team.responses[q2].answer.id);
  await new Assessment(page, quick).choose(q2, other.id);
  await page.goto('./#/review/reply/rev-two');
  await expect(page.getByTestId('review-state')).toHaveText('Stale: answers changed since review');
  await expect(page.getByTestId('fingerprint')).not.toHaveText(expectedFingerprint(team));
  const pdf = await download(page, 'Export PDF report');
  expect(squash(pdfText(pdf.path).split('\f')[0])).toContain('Stale: answers changed since review');

  // The reviewer opens the team's new file: the replies and the stale state show, the review is kept.
  await page.goto('./#/a/rev-two/results');
  const back = await download(page, 'Export answers (JSON)');
  await openForReview(page, back.bytes);
  await expect(page.getByText('Your comments and verdict are kept')).toBeVisible();
  await expect(page.getByTestId('review-state')).toHaveText('Stale: answers changed since review');
  await expect(page.locator(`#q-${q1} .reply`)).toContainText(REPLY);
  await expect(page.locator(`#q-${q1}`).getByLabel('Comment')).toHaveValue(CONCERN);
});

test('"Got a review back?" adds the review to the own assessment and keeps the answers changed meanwhile', async ({ page }) => {
  const team = teamAssessment(quick, 2, { id: 'rev-three' });
  const [q1, q2] = choiceIds(quick);
  await page.goto('./');
  await importFile(page, 'ours.json', fileOf(team), 'application/json');
  await expect(page.locator('.import-status')).toContainText('Imported');
  await openForReview(page, fileOf(team));
  await reviewAndSign(page, q1, q2);
  const reviewed = await download(page, 'Export reviewed file (JSON)');
  // Meanwhile the team changed an answer.
  const { section, question } = findQuestion(quick, q2);
  await page.goto(`./#/a/rev-three/s/${section.id}`);
  const other = optionsOf(question).find((o) => o.id !== team.responses[q2].answer.id);
  await new Assessment(page, quick).choose(q2, other.id);
  const before = JSON.parse((await storageSnapshot(page))['elsa.v1.assessment.rev-three']).assessment.responses;

  await page.goto('./#/review');
  await page.getByLabel('Open a reviewed file you got back (.json or .pdf)').setInputFiles({ name: reviewed.name, mimeType: 'application/json', buffer: reviewed.bytes });
  await expect(page.getByRole('heading', { level: 1, name: 'Review of “Sepsis early warning”' })).toBeVisible();
  const stored = JSON.parse((await storageSnapshot(page))['elsa.v1.assessment.rev-three']).assessment;
  expect(stored.responses).toEqual(before);
  expect(stored.review.comments[q1].text).toBe(CONCERN);
  await expect(page.getByTestId('review-state')).toHaveText('Stale: answers changed since review');
});

test('a reviewer can open a PDF report, and a full questionnaire renders in review mode', async ({ page }) => {
  const team = teamAssessment(full, 3, { id: 'rev-four' });
  await page.goto('./');
  await importFile(page, 'full.json', fileOf(team), 'application/json');
  await page.getByRole('link', { name: 'See its results' }).click();
  const pdf = await download(page, 'Export PDF report');
  await page.goto('./#/review');
  await page.getByLabel('Open a file to review (.json or .pdf)').setInputFiles({ name: pdf.name, mimeType: 'application/pdf', buffer: pdf.bytes });
  await expect(page.getByRole('heading', { level: 1, name: 'Review: Sepsis early warning' })).toBeVisible();
  for (const sec of full.sections) await expect(page.getByRole('heading', { level: 2, name: en(sec.title), exact: true })).toBeVisible();
  // The reviewer sees the same legal triage as the team: per framework, its status and duties.
  const triage = page.getByRole('region', { name: 'Legal triage: conclusions and duties' });
  await expect(triage).toContainText('Indicative, not legal advice.');
  for (const f of ['EU AI Act', 'GDPR', 'MDR', 'Dutch public sector']) await expect(triage.getByRole('heading', { level: 3, name: new RegExp(`^${f}: `) })).toBeVisible();
  const last = full.sections.at(-1).questions.at(-1);
  await expect(page.locator(`#q-${last.id} .team-answer`)).toBeVisible();
  await expect(page.getByTestId('fingerprint')).toHaveText(expectedFingerprint(team));
});
