import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { Assessment, Home, quick, full, en, findQuestion, recordRequests, expectOnlyStaticSameOrigin, importFile, storageSnapshot, PNG } from './support.mjs';
import { execFileSync } from 'node:child_process';
import { teamAssessment, fileOf } from './teams.mjs';

async function axe(page, what) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

for (const q of [quick, full]) test(`${q.id}: home, every section, dialogs and results have no axe violations`, async ({ page, baseURL }) => {
  test.setTimeout(150_000);
  const requests = recordRequests(page);
  const home = new Home(page);
  await home.goto();
  await axe(page, 'home (empty)');
  await home.start(q);
  const a = new Assessment(page, q);
  await a.textbox('project-name').fill('Axe check');
  await a.choose('ai-role', 'decides');
  for (let s = 0; s < q.sections.length; s++) {
    // Wait until the section is on screen (the previous one's controls may still be there).
    await expect(a.sectionHeading()).toHaveText(en(q.sections[s].title));
    // Open every help and an N/A justification error where there is one.
    const help = page.getByRole('button', { name: /^Help/ });
    for (let n = await help.count(); n > 0; n--) await help.first().click();
    await expect(help).toHaveCount(0);
    const na = page.getByRole('radio', { name: 'Not applicable' }).first();
    if (await na.count()) await na.check();
    await axe(page, `section ${s + 1}`);
    await a.next();
  }
  await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toBeVisible();
  for (const d of await page.locator('details').all()) await d.locator('summary').click();
  await axe(page, 'results');
  await page.getByRole('link', { name: 'Assessments', exact: true }).first().click();
  await page.getByRole('button', { name: /^Delete / }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await axe(page, 'delete dialog');
  await page.keyboard.press('Escape');
  // The information pages are the studio's: the page reloads into it.
  await page.goto('./#/scoring');
  await expect(page.getByRole('heading', { level: 1, name: 'How scoring works' })).toBeVisible();
  await axe(page, 'scoring page');
  await page.goto('./#/privacy');
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  await axe(page, 'privacy page');
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await axe(page, 'delete-all dialog');
  await page.keyboard.press('Escape');
  expectOnlyStaticSameOrigin(requests, baseURL);
});

test('the flow works with the keyboard alone', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  // Skip link first.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  // Tab to the start button and press Enter.
  const start = page.getByRole('button', { name: `Start: ${quick.title.en}` });
  for (let i = 0; i < 10 && !(await start.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');
  const a = new Assessment(page);
  await expect(a.sectionHeading()).toHaveText(quick.sections[0].title.en);
  await page.keyboard.press('Tab');
  // Focus lands in the first field after a few tabs; type into it.
  for (let i = 0; i < 30 && !(await a.textbox('project-name').evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.type('Keyboard project');
  await expect(a.textbox('project-name')).toHaveValue('Keyboard project');
  // Radios: arrow keys pick an option.
  const radio = a.group('ai-type').getByRole('radio').first();
  await radio.focus();
  await page.keyboard.press('Space');
  await expect(radio).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(a.group('ai-type').getByRole('radio').nth(1)).toBeChecked();
});

test('import, storage problems and their dialogs have no axe violations', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('elsa.v1.assessment.damaged', '{"format_version": 1, "assess');
    }
  });
  const home = new Home(page);
  await home.goto();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  await axe(page, 'home with a damaged entry');
  await home.start();
  await new Assessment(page).textbox('project-name').fill('Axe import');
  await home.goto();
  await importFile(page, 'photo.json', PNG);
  await expect(page.locator('.import-status').getByRole('alert')).toBeVisible();
  await axe(page, 'import error');
  const [key, text] = Object.entries(await storageSnapshot(page)).find(([k]) => k.startsWith('elsa.v1.assessment.'));
  await importFile(page, 'same.json', text, 'application/json');
  await expect(page.getByRole('dialog', { name: 'This assessment is already here' })).toBeVisible();
  await axe(page, 'replace-or-keep-both dialog');
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.locator('.import-status')).toContainText('Imported “Axe import”.');
  await axe(page, 'import done');
  void key;
  // Storage that fails on save: the warning with its export button.
  await page.evaluate(() => { Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; });
  await home.savedRow('Axe import').first().getByRole('link', { name: 'Resume Axe import' }).click();
  await new Assessment(page).textbox('organisation').fill('Not saved');
  await expect(page.getByRole('alert').filter({ hasText: 'storage for this site is full' })).toBeVisible();
  await axe(page, 'quota warning');
});

test('storage that is blocked: the in-memory warning has no axe violations', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('no', 'SecurityError'); } }));
  const home = new Home(page);
  await home.goto();
  await expect(page.getByRole('alert').filter({ hasText: 'Your work will not be kept.' })).toBeVisible();
  await axe(page, 'memory-only warning');
});

test('the studio: review mode, the team reply page, the workshop, its presentation and compare have no axe violations', async ({ page }) => {
  const team = teamAssessment(quick, 0, { id: 'axe-team' });
  const requests = recordRequests(page);
  await page.goto('./#/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Review an assessment' })).toBeVisible();
  await axe(page, 'review start page');
  await page.getByLabel('Open a file to review (.json or .pdf)').setInputFiles({ name: 't.json', mimeType: 'application/json', buffer: fileOf(team) });
  await expect(page.getByRole('heading', { level: 1, name: /^Review: / })).toBeVisible();
  const first = page.locator('.review-question').nth(4);
  await first.getByRole('radio', { name: 'Concern' }).check();
  await first.getByLabel('Comment').fill('A concern.');
  for (const d of await page.locator('details').all()) await d.locator('summary').click();
  await page.getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cannot be signed off yet' })).toBeVisible();
  await axe(page, 'review page with a comment and the sign-off problems');
  await page.getByRole('radio', { name: 'Approved', exact: true }).check();
  await page.getByLabel("Reviewer's name").fill('R. Viewer');
  await page.getByLabel(/^Reviewer's role/).fill('Ethicist');
  await page.getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByTestId('review-state')).toHaveText('Signed off: answers unchanged since review');
  await axe(page, 'signed review');
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review an assessment' })).toBeVisible();
  await axe(page, 'list of reviews');

  // The team's reply page, after the reviewed file came back.
  const reviewed = JSON.parse(await page.evaluate(() => localStorage.getItem('elsa.v1.review.axe-team')));
  await page.getByLabel('Open a reviewed file you got back (.json or .pdf)').setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(reviewed)) });
  await expect(page.getByRole('heading', { level: 1, name: /^Review of / })).toBeVisible();
  await axe(page, 'reply page');

  await page.goto('./#/workshop');
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop' })).toBeVisible();
  await axe(page, 'empty workshop');
  await page.getByLabel(/^Choose team files/).setInputFiles([0, 1, 2, 3].map((t) => ({ name: `t${t}.json`, mimeType: 'application/json', buffer: fileOf(teamAssessment(full, t, { id: `axe-${t}` })) })));
  await expect(page.locator('#split-list > li').first()).toBeVisible();
  for (const d of await page.locator('#split-list details').all()) await d.locator('summary').click();
  await axe(page, 'workshop with four teams');
  await page.getByRole('link', { name: 'Start the presentation view' }).click();
  await expect(page.locator('.present-question')).toBeVisible();
  await axe(page, 'presentation view');

  await page.goto('./#/compare');
  await expect(page.getByRole('heading', { level: 1, name: 'Compare two versions' })).toBeVisible();
  await page.getByLabel('or a file (.json or .pdf)').first().setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: fileOf(team) });
  await page.getByLabel('or a file (.json or .pdf)').last().setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: fileOf(teamAssessment(quick, 1, { id: 'axe-team' })) });
  await expect(page.locator('#compare-result')).toBeVisible();
  await axe(page, 'comparison');
  expectOnlyStaticSameOrigin(requests, page.url().replace(/#.*$/, ''));
});

test('the dark colour scheme passes axe (contrast included) on the main pages and the studio', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const team = teamAssessment(quick, 0, { id: 'dark-team' });
  const home = new Home(page);
  await home.goto();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(18, 23, 28)');
  await importFile(page, 'team.json', fileOf(team), 'application/json');
  await expect(page.locator('.import-status')).toContainText('Imported');
  await axe(page, 'home (dark)');
  await page.goto(`./#/a/dark-team/s/${quick.sections[1].id}`);
  await expect(page.getByRole('heading', { level: 1, name: en(quick.sections[1].title) })).toBeVisible();
  await page.locator('.question').first().getByRole('button', { name: /^Help/ }).click();
  await axe(page, 'a section with help open (dark)');
  await page.goto('./#/a/dark-team/results');
  await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toBeVisible();
  await axe(page, 'results (dark)');
  await page.goto('./#/review');
  await page.getByLabel('Open a file to review (.json or .pdf)').setInputFiles({ name: 't.json', mimeType: 'application/json', buffer: fileOf(team) });
  await expect(page.getByRole('heading', { level: 1, name: /^Review: / })).toBeVisible();
  await page.locator('.review-question').nth(4).getByRole('radio', { name: 'Concern' }).check();
  await axe(page, 'review (dark)');
  await page.goto('./#/workshop');
  await page.getByLabel(/^Choose team files/).setInputFiles([0, 1].map((t) => ({ name: `t${t}.json`, mimeType: 'application/json', buffer: fileOf(teamAssessment(full, t, { id: `dk-${t}` })) })));
  await expect(page.locator('#split-list > li').first()).toBeVisible();
  await axe(page, 'workshop (dark)');
});

test('keyboard alone: a whole quick scan, the results and the PDF export, without the mouse', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  const focused = (loc) => loc.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
  const tabTo = async (loc, what) => {
    for (let i = 0; i < 250; i++) {
      if (await focused(loc)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${what}`);
  };
  await tabTo(page.getByRole('button', { name: `Start: ${quick.title.en}` }), 'the start button');
  await page.keyboard.press('Enter');
  const a = new Assessment(page);
  for (let s = 0; s < quick.sections.length; s++) {
    await expect(a.sectionHeading()).toHaveText(en(quick.sections[s].title));
    for (let i = 0; ; i++) {
      const ids = await a.visibleIds();
      if (i >= ids.length) break;
      const { question } = findQuestion(quick, ids[i]);
      const t = question.kind.type;
      if (t === 'profile' || t === 'short_text' || t === 'long_text') {
        await tabTo(a.textbox(ids[i]), ids[i]);
        await page.keyboard.type(ids[i] === 'project-name' ? 'Keyboard only' : `Typed for ${ids[i]}`);
      } else if (t === 'date') {
        await tabTo(a.textbox(ids[i]), ids[i]);
        await page.keyboard.type('01102026');
      } else {
        const role = t === 'multi_choice' ? 'checkbox' : 'radio';
        const first = a.group(ids[i]).getByRole(role).first();
        await tabTo(first, ids[i]);
        await page.keyboard.press('Space');
        await expect(first).toBeChecked();
        // The polite live region says the change was saved.
        await expect(page.locator('.sr-only[role="status"]')).toHaveText('Saved');
      }
    }
    await tabTo(page.getByRole('link', { name: /^Next: |See the results/ }), 'the next link');
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Results: Keyboard only' })).toBeVisible();
  await tabTo(page.getByRole('button', { name: 'Export PDF report' }), 'the PDF export');
  const pending = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const d = await pending;
  const text = execFileSync('pdftotext', [await d.path(), '-']).toString('utf8');
  expect(text).toContain('Keyboard only');
  expect(text).toContain('Executive summary');
});
