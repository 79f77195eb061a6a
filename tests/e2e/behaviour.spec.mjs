import { test, expect } from '@playwright/test';
import { Assessment, Home, full, quick, en, findQuestion, esc } from './support.mjs';
import { download } from './teams.mjs';

/** "2026-12-03" → "3 December 2026", as the app writes dates in English. */
const longDate = (iso) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

test('full questionnaire: help shows and hides, required questions are marked, N/A needs a reason, conditions hide and keep answers', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await home.start(full);
  const a = new Assessment(page, full);
  const sectionTitle = (id) => en(full.sections.find((s) => s.id === id).title);

  // Required marker, for sight and for screen readers.
  await expect(a.textbox('project-name')).toBeVisible();
  await expect(page.locator('#q-project-name')).toContainText('(required)');

  // Help toggles, with aria-expanded, and shows the sources.
  await a.choose('ai-role', 'recommends');
  await a.gotoSection(sectionTitle('human-oversight'));
  const q = findQuestion(full, 'ho-output-check').question;
  const group = a.group('ho-output-check');
  const help = group.getByRole('button', { name: /^Help/ });
  await expect(help).toHaveAttribute('aria-expanded', 'false');
  await help.click();
  await expect(group.getByRole('button', { name: /^Hide help/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(group.getByText(q.references[0], { exact: false })).toBeVisible();
  await group.getByRole('button', { name: /^Hide help/ }).click();
  await expect(group.getByText(q.references[0], { exact: false })).toBeHidden();

  // A condition: the override question shows only when the AI recommends or decides.
  const override = findQuestion(full, 'ho-override').question;
  const hard = override.kind.options[override.kind.options.length - 1];
  await expect(a.group('ho-override')).toBeVisible();
  await a.choose('ho-override', hard.id);
  await a.gotoSection(sectionTitle('profile'));
  await a.choose('ai-role', 'informs');
  await a.gotoSection(sectionTitle('human-oversight'));
  await expect(a.group('ho-override')).toHaveCount(0);
  // Switching back shows the question again with its answer kept.
  await a.gotoSection(sectionTitle('profile'));
  await a.choose('ai-role', 'decides');
  await a.gotoSection(sectionTitle('human-oversight'));
  const hardRadio = a.group('ho-override').getByRole('radio', { name: en(hard.label), exact: true });
  await expect(hardRadio).toBeChecked();
  // "Clear answer" removes an answer.
  await a.group('ho-override').getByRole('button', { name: /Clear answer/ }).click();
  await expect(hardRadio).not.toBeChecked();

  // N/A: a justification is required, and the field says so.
  await a.gotoSection(sectionTitle('robustness'));
  const na = a.group('rs-calibration');
  await na.getByRole('radio', { name: 'Not applicable' }).check();
  const why = na.getByLabel(/Why does this question not apply/);
  await expect(why).toHaveAttribute('aria-invalid', 'true');
  await expect(na.getByText('Give a short reason why this question does not apply')).toBeVisible();
  await why.fill('The tool gives no risk, only a list of documents.');
  await expect(why).toHaveAttribute('aria-invalid', 'false');

  // Legal triage questions offer "Don't know" but are not scored.
  await a.gotoSection(sectionTitle('legal-triage'));
  await expect(page.getByText(new RegExp(esc(`not scored: they decide which legal duties probably apply (see the results). Legal content checked on ${longDate(full.legal_as_of)}.`)))).toBeVisible();
  await expect(a.group('lt-medical-purpose').getByRole('radio', { name: "Don't know" })).toBeVisible();
});

test('full questionnaire: legal triage shows likely conclusions with the answers behind them', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await home.start(full);
  const a = new Assessment(page, full);
  await a.textbox('project-name').fill('Triage check');
  await a.choose('ai-type', 'llm');
  await a.choose('ai-role', 'informs');
  await a.gotoSection(en(full.sections.find((s) => s.id === 'legal-triage').title));
  // "None of these" excludes the other options, both ways.
  await a.choose('lt-art50', 'none');
  await a.choose('lt-art50', 'chatbot');
  const none = a.group('lt-art50').getByRole('checkbox', { name: 'None of these', exact: true });
  await expect(none).not.toBeChecked();
  await a.choose('lt-art22', 'yes');
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  const triage = page.getByRole('region', { name: 'Legal triage' });
  await expect(triage).toContainText('Indicative, not legal advice.');
  const rule = full.triage.find((r) => r.id === 'gdpr-automated-decision');
  const item = triage.getByRole('listitem').filter({ hasText: en(rule.conclusion) });
  await expect(item).toContainText('because you answered');
  await expect(item.getByRole('link', { name: en(findQuestion(full, 'lt-art22').question.text) })).toBeVisible();
  const chatbot = full.triage.find((r) => r.id === 'ai-act-transparency-chatbot');
  await expect(triage).toContainText(en(chatbot.conclusion));
});

const duty = (id) => en(full.duties.find((d) => d.id === id).text);
const conclusion = (id) => en(full.triage.find((r) => r.id === id).conclusion);

test('the legal triage says which duties apply, for which role, from which date, and what does not apply', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await home.start(full);
  const a = new Assessment(page, full);
  await a.textbox('project-name').fill('Hospital chatbot');
  await a.textbox('assessment-date').fill('2026-12-03');
  await a.gotoSection(en(full.sections.find((s) => s.id === 'legal-triage').title));
  await a.choose('lt-ai-system', 'learned');
  await a.choose('lt-how-obtained', 'own-use');
  await a.choose('lt-in-use', 'in-use-unchanged');
  await a.choose('lt-deployer-type', 'private-public-service');
  await a.choose('lt-personal-data', 'patients');
  await a.choose('lt-gdpr-role', 'controller');
  await a.choose('lt-medical-purpose', 'no-general-information');
  await a.choose('lt-actual-function', 'no');
  await a.choose('lt-art50', 'chatbot');
  await a.choose('lt-art50', 'generates-content');
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  const triage = page.getByRole('region', { name: 'Legal triage' });
  await expect(triage).toContainText(`Legal content checked on ${longDate(full.legal_as_of)}. Dates and statuses are given for 3 December 2026, the assessment date.`);

  // The AI Act: applies, the roles from how the tool was obtained, and the dated duties.
  const aia = triage.getByRole('region', { name: /^EU AI Act: applies/ });
  await expect(aia).toContainText('Your role: provider, deployer.');
  await expect(aia).toContainText(conclusion('ai-act-role-provider'));
  const table = aia.getByRole('table', { name: /^Duties \(\d+\)$/ });
  const row = (id) => table.getByRole('row').filter({ hasText: duty(id) });
  await expect(row('aia-ai-literacy')).toContainText('in force since 2 February 2025');
  await expect(row('aia-50-1-interaction')).toContainText('in force since 2 August 2026');
  await expect(row('aia-50-1-interaction')).toContainText('EU AI Act art. 50(1)');
  // Already on the market before 2 August 2026: marking was due by 2 December 2026.
  await expect(row('aia-50-2-marking')).toContainText('in force since 2 December 2026');
  await expect(row('aia-50-2-marking')).toContainText('art. 111(4)');
  await expect(aia.getByRole('columnheader')).toHaveText(['Duty', 'Role', 'Source', 'When']);

  // Explicit negatives: checked and found not to apply, with the reason.
  const mdr = triage.getByRole('region', { name: /^MDR: does not apply/ });
  await expect(mdr).toContainText(conclusion('mdr-not-device'));
  await expect(triage.getByRole('region', { name: /^Dutch public sector: does not apply/ })).toContainText(conclusion('nl-not-public'));
  const gdpr = triage.getByRole('region', { name: /^GDPR: applies/ });
  await expect(gdpr).toContainText('Your role: controller.');
  await expect(gdpr.getByRole('row').filter({ hasText: duty('gdpr-records') })).toContainText('in force since 25 May 2018');

  // The same in the Markdown export.
  const md = await download(page, 'Export Markdown');
  const text = md.bytes.toString('utf8');
  expect(text).toContain('### EU AI Act: applies');
  expect(text).toContain(`| ${duty('aia-50-1-interaction')} | provider | EU AI Act art. 50(1); EU AI Act art. 50(5) | in force since 2 August 2026 |`);
});

test('a rule-based tool is not an AI system: the AI Act questions are not asked and no AI Act duty follows', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await home.start(full);
  const a = new Assessment(page, full);
  await a.textbox('project-name').fill('Score calculator');
  await a.gotoSection(en(full.sections.find((s) => s.id === 'legal-triage').title));
  await expect(a.group('lt-art50')).toBeVisible();
  await a.choose('lt-ai-system', 'rules-only');
  for (const id of ['lt-art50', 'lt-in-use', 'lt-annex-iii-other', 'lt-gpai']) await expect(a.group(id)).toHaveCount(0);
  // "Don't know" opens the helper question instead.
  await a.dontKnow('lt-ai-system');
  await expect(a.group('lt-ai-learned')).toBeVisible();
  await a.choose('lt-ai-learned', 'no');
  await expect(a.group('lt-art50')).toHaveCount(0);
  await a.choose('lt-personal-data', 'staff');
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  const triage = page.getByRole('region', { name: 'Legal triage' });
  const aia = triage.getByRole('region', { name: /^EU AI Act: does not apply/ });
  await expect(aia).toContainText(conclusion('ai-act-not-ai-system'));
  await expect(aia.getByRole('table')).toHaveCount(0);
  // Staff data alone bring the GDPR in.
  await expect(triage.getByRole('region', { name: /^GDPR: applies/ })).toContainText(conclusion('gdpr-personal-data'));
});

test('the scoring page states the rules and the bands of the file', async ({ page }) => {
  await page.goto('./#/scoring');
  await expect(page.getByRole('heading', { level: 1, name: 'How scoring works' })).toBeVisible();
  for (const b of quick.bands) await expect(page.getByRole('rowheader', { name: en(b.label) }).first()).toBeVisible();
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
  const q = findQuestion(quick, 'ho-output-check').question;
  const worst = q.kind.options.reduce((m, o) => ((o.concern ?? 0) > (m.concern ?? 0) ? o : m));
  await a.choose('ho-output-check', worst.id);
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results: Links back' })).toBeVisible();
  // The recommendation of the chosen option, and the red flag.
  await expect(page.getByText(en(worst.recommendation))).toBeVisible();
  if (worst.red_flag) await expect(page.getByRole('heading', { name: 'Red flags' })).toBeVisible();
  // An unanswered required question links back to itself, focused.
  const missing = page.getByRole('region', { name: 'Required questions not answered yet' });
  const orgText = en(findQuestion(quick, 'organisation').question.text);
  await missing.getByRole('link', { name: orgText }).click();
  await expect(a.sectionHeading()).toHaveText(en(quick.sections[0].title));
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
  await expect(page.getByRole('alert')).toContainText('The PDF report could not be made', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Export PDF report' })).toBeEnabled();
  await page.unroute('**/report_worker*');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  expect((await download).suggestedFilename()).toMatch(/^elsa-report-retry-\d{4}-\d{2}-\d{2}\.pdf$/);
});
