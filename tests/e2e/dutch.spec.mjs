// The Dutch interface: the first visit follows the browser's language, the EN/NL switch (kept,
// `lang` attribute, answers intact when switching mid-assessment), a whole quick scan in Dutch up
// to the PDF (checked with pdftotext) and the JSON export that records its language, the report
// in the other language, and axe on the Dutch pages. The expected Dutch comes from the
// catalogue files (i18n/nl/*.json) and the questionnaire files, so a text the app fails to
// translate fails here.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { quick, findQuestion, esc, nl } from './support.mjs';

const dutch = (t) => t.nl;

async function axe(page, what) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe violations on ${what}`).toEqual([]);
}

const group = (page, id) => {
  const { question } = findQuestion(quick, id);
  return page.getByRole('group', { name: new RegExp('^\\d+\\. ' + esc(dutch(question.text))) });
};
const optionLabel = (question, optionId, lang) => {
  const k = question.kind;
  if (k.type === 'yes_no') return lang === 'nl' ? nl(optionId === 'yes' ? 'Yes' : 'No') : (optionId === 'yes' ? 'Yes' : 'No');
  return (k.options || k.points).find((o) => o.id === optionId).label[lang];
};

test.describe('a Dutch browser', () => {
  test.use({ locale: 'nl-NL' });

  test('the first visit is in Dutch; switching mid-assessment keeps the answers; the choice is kept', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('heading', { level: 1, name: nl('ELSA self-assessment for AI in healthcare') })).toBeVisible();
    await expect(page.getByRole('button', { name: 'NL Nederlands' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: 'EN English' })).toHaveAttribute('aria-pressed', 'false');
    await expect(page).toHaveTitle(nl('ELSA self-assessment for AI in healthcare'));
    await axe(page, 'Dutch home');

    await page.getByRole('button', { name: nl('Start: {0}', dutch(quick.title)) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(dutch(quick.sections[0].title));
    // Answer in Dutch: a text, a choice, a note.
    const name = page.getByLabel(new RegExp('^\\d+\\. ' + esc(dutch(findQuestion(quick, 'project-name').question.text))));
    await name.fill('Sepsis-waarschuwing');
    const role = findQuestion(quick, 'ai-role').question;
    await group(page, 'ai-role').getByRole('radio', { name: optionLabel(role, 'decides', 'nl'), exact: true }).check();
    await expect(page.locator('.sr-only[role="status"]')).toHaveText(nl('Saved'));
    await axe(page, 'Dutch first section');

    // Switch to English in the middle of the assessment.
    await page.getByRole('button', { name: 'EN English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(quick.sections[0].title.en);
    await expect(page.getByRole('button', { name: 'EN English' })).toBeFocused();
    await expect(page.getByLabel(new RegExp('^\\d+\\. ' + esc(findQuestion(quick, 'project-name').question.text.en)))).toHaveValue('Sepsis-waarschuwing');
    await expect(page.getByRole('group', { name: new RegExp('^\\d+\\. ' + esc(role.text.en)) }).getByRole('radio', { name: optionLabel(role, 'decides', 'en'), exact: true })).toBeChecked();
    expect(await page.evaluate(() => localStorage.getItem('elsa.v1.lang'))).toBe('en');

    // The choice outlives a reload, although the browser says Dutch.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(quick.sections[0].title.en);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // And back: Dutch again, answers still there.
    await page.getByRole('button', { name: 'NL Nederlands' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(dutch(quick.sections[0].title));
    await expect(name).toHaveValue('Sepsis-waarschuwing');
    await expect(group(page, 'ai-role').getByRole('radio', { name: optionLabel(role, 'decides', 'nl'), exact: true })).toBeChecked();
    expect(await page.evaluate(() => localStorage.getItem('elsa.v1.lang'))).toBe('nl');
  });

  test('a whole quick scan in Dutch, its results, the Dutch PDF, the file records its language, and the report in English', async ({ page }) => {
    test.setTimeout(120_000);
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto('./');
    await page.getByRole('button', { name: nl('Start: {0}', dutch(quick.title)) }).click();
    // The first load brings the Dutch texts of the home page and the sections only; those of the
    // results, scoring and data pages come with the first of those pages.
    expect(fetched.filter((p) => p.includes('/i18n/'))).toEqual(['/i18n/nl.json']);
    for (const s of quick.sections) {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(dutch(s.title));
      for (let i = 0; ; i++) {
        const ids = await page.locator('.section-body .question').evaluateAll((els) => els.map((e) => e.id.replace(/^q-/, '')));
        if (i >= ids.length) break;
        const { question } = findQuestion(quick, ids[i]);
        const t = question.kind.type;
        const field = page.getByLabel(new RegExp('^\\d+\\. ' + esc(dutch(question.text))));
        if (t === 'profile' || t === 'short_text' || t === 'long_text') await field.fill(`Antwoord op ${ids[i]}`);
        else if (t === 'date') await field.fill('2026-10-01');
        else {
          const opts = question.kind.type === 'yes_no' ? ['yes', 'no'] : (question.kind.options || question.kind.points).map((o) => o.id);
          const pick = opts[Math.floor(opts.length / 2)];
          await group(page, ids[i]).getByRole(t === 'multi_choice' ? 'checkbox' : 'radio', { name: optionLabel(question, pick, 'nl'), exact: true }).check();
        }
      }
      await page.getByRole('link', { name: new RegExp('^' + esc(nl('Next:')) + '|' + esc(nl('See the results'))) }).click();
    }
    await expect(page.getByRole('heading', { level: 1, name: new RegExp('^' + esc(nl('Results'))) })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: nl('Scores per section') })).toBeVisible();
    expect(fetched.filter((p) => p.includes('/i18n/'))).toEqual(['/i18n/nl.json', '/i18n/nl-pages.json']);
    for (const d of await page.locator('details').all()) await d.locator('summary').click();
    await axe(page, 'Dutch results');
    // Section titles and level labels in Dutch; numbers in Dutch style where they have decimals.
    await expect(page.getByText(dutch(quick.sections[1].title)).first()).toBeVisible();
    // The legal triage in Dutch: per law its status, the dates in Dutch, the duties' table.
    const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
    const dutchDate = (d) => `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`;
    const triage = page.getByRole('region', { name: nl('Legal triage'), exact: true });
    const checked = new Date(`${quick.legal_as_of}T12:00:00Z`);
    await expect(triage).toContainText(nl('Legal content checked on {0}. Dates and statuses are given for {1}, the assessment date.', dutchDate(checked), dutchDate(new Date())));
    for (const law of [nl('EU AI Act'), nl('GDPR'), nl('MDR')]) await expect(triage.getByRole('heading', { level: 3, name: new RegExp(`^${esc(law)}: `) })).toBeVisible();

    // The PDF, in Dutch.
    let pending = page.waitForEvent('download');
    await page.getByRole('button', { name: nl('Export PDF report') }).click();
    let text = execFileSync('pdftotext', [await (await pending).path(), '-']).toString('utf8').replace(/\s+/g, ' ');
    for (const en of ['Executive summary', 'Detailed answers', 'Methodology']) {
      expect(text).toContain(nl(en));
      expect(text).not.toContain(en);
    }
    expect(text).toContain(dutch(quick.sections[1].questions[0].text).replace(/\s+/g, ' ').slice(0, 40));
    const today = new Date();
    expect(text).toContain(`${today.getDate()} ${months[today.getMonth()]} ${today.getFullYear()}`);
    expect(text).not.toContain('GDPR');

    // The JSON export records its language.
    pending = page.waitForEvent('download');
    await page.getByRole('button', { name: nl('Export answers (JSON)') }).click();
    const file = JSON.parse(readFileSync(await (await pending).path(), 'utf8'));
    expect(file.language).toBe('nl');
    expect(file.assessment.metadata.project_name).toBe('Antwoord op project-name');

    // The same report in English, from the Dutch interface.
    await page.getByLabel(nl('Report language')).selectOption('en');
    pending = page.waitForEvent('download');
    await page.getByRole('button', { name: nl('Export PDF report') }).click();
    text = execFileSync('pdftotext', [await (await pending).path(), '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('Executive summary');
    expect(text).toContain(quick.sections[1].questions[0].text.en.replace(/\s+/g, ' ').slice(0, 40));
    expect(text).not.toContain(nl('Executive summary'));
    // The interface stayed Dutch.
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  });

  test('the studio pages in Dutch have no axe violations and keep the language', async ({ page }) => {
    await page.goto('./');
    await page.goto('./#/review');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('button', { name: 'NL Nederlands' })).toHaveAttribute('aria-pressed', 'true');
    await axe(page, 'Dutch review list');
    for (const [path, title] of [['#/workshop', nl('Workshop')], ['#/compare', nl('Compare two versions')]]) {
      await page.goto('./' + path);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await axe(page, `Dutch ${path}`);
    }
    // The information pages are the main app's (a fresh load from the studio).
    for (const [path, title] of [['#/privacy', nl('Your data')], ['#/scoring', nl('How scoring works')]]) {
      await page.goto('about:blank');
      await page.goto('./' + path);
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await axe(page, `Dutch ${path}`);
    }
    // The scoring page shows the Dutch level labels of the questionnaires.
    await expect(page.getByText(dutch(quick.bands[0].label)).first()).toBeVisible();
    // Switching in the studio goes for the main app too.
    await page.goto('about:blank');
    await page.goto('./#/compare');
    await expect(page.getByRole('heading', { level: 1, name: nl('Compare two versions') })).toBeVisible();
    await page.getByRole('button', { name: 'EN English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compare two versions' })).toBeVisible();
    await page.goto('about:blank');
    await page.goto('./#/scoring');
    await expect(page.getByRole('heading', { level: 1, name: 'How scoring works' })).toBeVisible();
  });
});

test('an English browser starts in English, with the switch offering Dutch', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'EN English' })).toHaveAttribute('aria-pressed', 'true');
  // The Dutch texts are not loaded for an English page.
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'ELSA self-assessment for AI in healthcare' })).toBeVisible();
  expect(fetched.filter((u) => u.includes('i18n/'))).toEqual([]);
  await page.getByRole('button', { name: 'NL Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1, name: nl('ELSA self-assessment for AI in healthcare') })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

// Dutch words are longer: every page reflows at 320 px and at 200% zoom in Dutch too.
for (const [label, viewport] of [['320 px', { width: 320, height: 720 }], ['200% zoom', { width: 640, height: 450 }]]) {
  test(`Dutch pages have no horizontal scrolling at ${label}`, async ({ browser }, info) => {
    test.setTimeout(90_000);
    const ctx = await browser.newContext({ locale: 'nl-NL', viewport });
    const page = await ctx.newPage();
    const check = async (what) => {
      const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      await page.screenshot({ path: info.outputPath(`${what.replace(/\W+/g, '-')}.png`), fullPage: true });
      expect(scroll, `${what}: the page scrolls sideways (${scroll} > ${width})`).toBeLessThanOrEqual(width);
    };
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: nl('ELSA self-assessment for AI in healthcare') })).toBeVisible();
    await check('home');
    await page.getByRole('button', { name: nl('Start: {0}', dutch(quick.title)) }).click();
    for (const s of quick.sections) {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(dutch(s.title));
      // Open every help text: the longest Dutch words are there.
      const closed = page.locator('.q-tools button[aria-expanded="false"]');
      for (let n = await closed.count(); n > 0; n--) await closed.first().click();
      await check(`section ${s.id}`);
      await page.getByRole('link', { name: new RegExp('^' + esc(nl('Next:')) + '|' + esc(nl('See the results'))) }).click();
    }
    await expect(page.getByRole('heading', { level: 1, name: new RegExp('^' + esc(nl('Results'))) })).toBeVisible();
    await check('results');
    // Between the main app and the studio boot.js reloads the page: wait for that reload, or the
    // check may run on the page it leaves (seen once, with the scoring page loading its chunk).
    const inStudio = (hash) => ['#/review', '#/workshop', '#/compare'].includes(hash);
    let previous = '#/results';
    for (const hash of ['#/review', '#/workshop', '#/compare', '#/scoring', '#/privacy']) {
      const reload = inStudio(hash) !== inStudio(previous) ? page.waitForEvent('load') : null;
      await page.goto('./' + hash);
      await reload;
      previous = hash;
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await check(hash);
    }
    await ctx.close();
  });
}

test.describe('a Dutch browser without the Dutch texts', () => {
  test.use({ locale: 'nl-NL' });
  test('starts in English and says why, in both languages', async ({ page }) => {
    await page.route('**/i18n/nl.json', (r) => r.fulfill({ status: 404, body: '' }));
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1, name: 'ELSA self-assessment for AI in healthcare' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('alert').filter({ hasText: 'De Nederlandse teksten konden niet worden geladen' })).toContainText('The Dutch texts could not be loaded.');
  });
});
