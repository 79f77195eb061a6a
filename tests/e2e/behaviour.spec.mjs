import { test, expect } from '@playwright/test';
import { Assessment, Home, starter, en, findQuestion } from './support.mjs';

test('help shows and hides, required questions are marked, N/A needs a reason, conditions hide and keep answers', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await home.start();
  const a = new Assessment(page);

  // Required marker, for sight and for screen readers.
  await expect(a.textbox('project-name')).toBeVisible();
  await expect(page.locator('#q-project-name')).toContainText('(required)');

  // Help toggles, with aria-expanded.
  await a.choose('ai-role', 'recommends');
  await a.next();
  const q = findQuestion(starter, 'oversight-review').question;
  const group = a.group('oversight-review');
  const help = group.getByRole('button', { name: /^Help/ });
  await expect(help).toHaveAttribute('aria-expanded', 'false');
  await help.click();
  await expect(group.getByRole('button', { name: /^Hide help/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(group.getByText(q.references[0], { exact: false })).toBeVisible();
  await group.getByRole('button', { name: /^Hide help/ }).click();
  await expect(group.getByText(q.references[0], { exact: false })).toBeHidden();

  // N/A: a justification is required, and the field says so.
  const na = a.group('patient-informed');
  await na.getByRole('radio', { name: 'Not applicable' }).check();
  const why = na.getByLabel(/Why does this question not apply/);
  await expect(why).toHaveAttribute('aria-invalid', 'true');
  await expect(na.getByText('Give a short reason why this question does not apply')).toBeVisible();
  await why.fill('Used for research only.');
  await expect(why).toHaveAttribute('aria-invalid', 'false');

  // A condition: the override questions show only when the AI recommends or decides.
  await expect(a.group('override-possible')).toBeVisible();
  await a.choose('override-possible', 'no');
  await a.gotoSection(en(starter.sections[0].title));
  await a.choose('ai-role', 'informs');
  await a.next();
  await expect(a.group('override-possible')).toHaveCount(0);
  // Switching back shows the question again with its answer kept.
  await a.gotoSection(en(starter.sections[0].title));
  await a.choose('ai-role', 'decides');
  await a.next();
  await expect(a.group('override-possible').getByRole('radio', { name: 'No', exact: true })).toBeChecked();

  // "Clear answer" removes an answer.
  await a.group('override-possible').getByRole('button', { name: /Clear answer/ }).click();
  await expect(a.group('override-possible').getByRole('radio', { name: 'No', exact: true })).not.toBeChecked();
});

test('a storage failure is shown to the user, and the answer stays on screen', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await home.start();
  // From now on every write fails as when the quota is exceeded.
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const a = new Assessment(page);
  await a.textbox('project-name').fill('Kept in the tab');
  await expect(page.getByRole('alert')).toContainText('could not be saved on this device');
  await expect(page.getByRole('alert')).toContainText('storage for this site is full');
  await expect(a.textbox('project-name')).toHaveValue('Kept in the tab');
});

test('an unreadable saved entry is reported and left untouched', async ({ page }) => {
  await page.addInitScript(() => {
    if (!localStorage.getItem('elsa.v1.assessment.broken')) localStorage.setItem('elsa.v1.assessment.broken', '{"format_version": 1, "assess');
  });
  const home = new Home(page);
  await home.goto();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  expect(await page.evaluate(() => localStorage.getItem('elsa.v1.assessment.broken'))).toBe('{"format_version": 1, "assess');
});

test('the scoring page states the rules and the bands of the file', async ({ page }) => {
  await page.goto('./#/scoring');
  await expect(page.getByRole('heading', { level: 1, name: 'How scoring works' })).toBeVisible();
  for (const b of starter.bands) await expect(page.getByRole('rowheader', { name: en(b.label) })).toBeVisible();
  await expect(page.getByText(/Don.t know.{1,3} counts as the highest concern/)).toBeVisible();
});

test('results link back to unanswered required questions and show the recommendations of the answers', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await home.start();
  const a = new Assessment(page);
  await a.textbox('project-name').fill('Links back');
  await a.choose('ai-role', 'decides');
  await a.next();
  const q = findQuestion(starter, 'oversight-review').question;
  const worst = q.kind.options.reduce((m, o) => ((o.concern ?? 0) > (m.concern ?? 0) ? o : m));
  await a.choose('oversight-review', worst.id);
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results: Links back' })).toBeVisible();
  // The recommendation of the chosen option, and the red flag.
  await expect(page.getByText(en(worst.recommendation))).toBeVisible();
  if (worst.red_flag) await expect(page.getByRole('heading', { name: 'Red flags' })).toBeVisible();
  // An unanswered required question links back to itself, focused.
  const missing = page.getByRole('region', { name: 'Required questions not answered yet' });
  const orgText = en(findQuestion(starter, 'organisation').question.text);
  await missing.getByRole('link', { name: orgText }).click();
  await expect(a.sectionHeading()).toHaveText(en(starter.sections[0].title));
  await expect(page.locator('#q-organisation')).toBeFocused();
});

test('a report worker that cannot load gives a clear error, and a retry works', async ({ page }) => {
  test.setTimeout(60_000);
  const home = new Home(page);
  await home.goto();
  await home.start();
  const a = new Assessment(page);
  await a.textbox('project-name').fill('Retry');
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await page.route('**/report_worker*', (route) => route.abort());
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  await expect(page.getByRole('alert')).toContainText('The report could not be made', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Export PDF report' })).toBeEnabled();
  await page.unroute('**/report_worker*');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  expect((await download).suggestedFilename()).toMatch(/^elsa-report-retry-\d{4}-\d{2}-\d{2}\.pdf$/);
});
