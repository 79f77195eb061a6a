// Issue 15: the action plan. Actions made in one click from a recommendation, a knowledge gap and
// a legal duty on the results page; edited (owner, due date, status, won't-do reason); kept over
// a reload; in the PDF report, the CSV and the calendar file; "finding resolved — close?" after
// an answer changes; the reviewer's read-only view and the team's link from the verdict's
// conditions; the keyboard-only path; axe and reflow.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Home, full, en, findQuestion, optionsOf, importFile } from './support.mjs';
import { teamAssessment, fileOf, planAction, parseCsv } from './teams.mjs';

async function download(page, name, role = 'button') {
  const pending = page.waitForEvent('download');
  await page.getByRole(role, { name }).click();
  const d = await pending;
  const path = join(mkdtempSync(join(tmpdir(), 'elsa-plan-')), d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

async function load(page, a) {
  const home = new Home(page);
  await home.goto();
  await importFile(page, 'team.json', fileOf(a), 'application/json');
  await expect(page.locator('.import-status')).toContainText('Imported');
}

const stored = (page, id) => page.evaluate((id) => {
  const key = Object.keys(localStorage).find((k) => k.endsWith(id));
  return JSON.parse(localStorage.getItem(key));
}, id);
const storedActions = async (page, id) => {
  const s = await stored(page, id);
  return (s.assessment || s).actions || [];
};

const form = (page) => page.locator('form.action-form');
const filters = (page) => page.getByRole('group', { name: 'Filter the actions' });
const card = (page, title) => page.locator('article.action', { has: page.getByRole('heading', { name: title, exact: true }) });

test('actions from a recommendation, a gap and a duty; edited, kept over a reload, and in the PDF, CSV and calendar', async ({ page }) => {
  await load(page, teamAssessment(full, 1, { id: 'plan-team' }));
  await page.goto('./#/a/plan-team/results');
  await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toBeVisible();

  // One click each; the button becomes a link to the plan and takes the focus.
  const make = async (scope, what) => {
    const button = scope.getByRole('button', { name: /^Make an action: / }).first();
    await expect(button, what).toBeVisible();
    const label = await button.getAttribute('aria-label');
    await button.click();
    const link = scope.getByRole('link', { name: label.replace('Make an action: ', 'In the action plan: '), exact: true }).first();
    await expect(link).toBeFocused();
    return label.replace('Make an action: ', '');
  };
  const rec = await make(page.locator('.recs'), 'a recommendation');
  const gap = await make(page.locator('section[aria-labelledby="gaps-heading"]'), 'a knowledge gap');
  const duty = await make(page.locator('table.duties'), 'a legal duty');
  await expect(page.locator('.plan-summary .plan-counts')).toContainText('3 Open');
  const actions = await storedActions(page, 'plan-team');
  expect(actions.map((x) => x.source)).toEqual(['recommendation', 'gap', 'duty']);
  expect(actions.map((x) => x.id)).toEqual(['a1', 'a2', 'a3']);
  expect(actions[0].title).toBe(rec);
  expect(actions[1].title).toBe(`Find out: ${gap}`);
  expect(actions[2].title).toBe(duty);
  expect(actions[2].duties.length).toBe(1);

  await page.getByRole('link', { name: 'Open the action plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Action plan: Sepsis early warning' })).toBeVisible();
  await expect(page.locator('article.action')).toHaveCount(3);

  // Edit: owner, a due date in the past (overdue), in progress.
  await page.getByRole('button', { name: `Edit: ${rec}` }).click();
  await expect(form(page).getByLabel('Title')).toBeFocused();
  await expect(form(page).getByLabel('Title')).toHaveValue(rec);
  await form(page).getByLabel('Owner (a name or a role)').fill('Privacy officer');
  await form(page).getByLabel('Due date').fill('2026-01-15');
  await form(page).getByLabel('Status').selectOption({ label: 'In progress' });
  await page.getByRole('button', { name: 'Save the action' }).click();
  const recCard = card(page, rec);
  await expect(recCard).toContainText('Privacy officer');
  await expect(recCard.locator('.badge', { hasText: 'Overdue' })).toBeVisible();
  await expect(page.locator('article.action').first()).toContainText(rec); // overdue first
  await expect(page.locator('.plan-counts li.overdue')).toContainText('1 Overdue');

  // Won't do needs a reason: refused with a message, then saved.
  await page.getByRole('button', { name: `Edit: Find out: ${gap}` }).click();
  await form(page).getByLabel('Status').selectOption({ label: "Won't do" });
  await page.getByRole('button', { name: 'Save the action' }).click();
  await expect(page.getByRole('alert')).toContainText('Write why this action will not be done.');
  await expect(page.locator('#action-problems')).toBeFocused();
  await form(page).getByLabel(/^Why will it not be done\?/).fill('The supplier answers this in the contract.');
  await page.getByRole('button', { name: 'Save the action' }).click();
  await expect(card(page, `Find out: ${gap}`)).toContainText('The supplier answers this in the contract.');

  // A free action.
  await page.getByRole('button', { name: 'Add an action' }).click();
  await form(page).getByLabel('Title').fill('Train the ward nurses');
  await form(page).getByLabel('Description').fill('=SUM(A1:A2) hours of training');
  await form(page).getByLabel('Owner (a name or a role)').fill('Ward manager');
  await form(page).getByLabel('Due date').fill('2027-03-01');
  await page.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByRole('heading', { name: 'Train the ward nurses' })).toBeFocused();
  await expect(page.locator('article.action')).toHaveCount(4);

  // Kept over a reload.
  await page.reload();
  await expect(page.locator('article.action')).toHaveCount(4);
  await expect(card(page, rec)).toContainText('Privacy officer');
  await expect(page.locator('.plan-counts')).toContainText('1 In progress');
  await expect(page.locator('.plan-counts')).toContainText("1 Won't do");

  // Filters.
  await filters(page).getByLabel('Owner').selectOption('Privacy officer');
  await expect(page.getByText('Showing 1 of 4 actions.')).toBeVisible();
  await expect(page.locator('article.action')).toHaveCount(1);
  await filters(page).getByLabel('Status').selectOption({ label: 'Done' });
  await expect(page.getByText('Showing 0 of 4 actions.')).toBeVisible();
  await page.getByRole('button', { name: 'Show all actions' }).click();
  await filters(page).getByLabel('Source').selectOption({ label: 'Legal duty' });
  await expect(page.locator('article.action')).toHaveCount(1);
  await expect(page.locator('article.action')).toContainText(duty);
  await page.getByRole('button', { name: 'Show all actions' }).click();

  // CSV: every action, in plan order, formulas defused.
  const csv = await download(page, 'Download the plan (CSV)');
  expect(csv.name).toMatch(/^elsa-action-plan-sepsis-early-warning-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(csv.text); // checks the byte-order mark
  expect(rows[0].slice(0, 4)).toEqual(['Title', 'Description', 'Owner', 'Due date']);
  expect(rows.length).toBe(5);
  expect(rows[1][0]).toBe(rec);
  expect(rows[1][4]).toBe('Yes');
  // A formula typed by the user is defused for spreadsheets.
  expect(rows.find((r) => r[0] === 'Train the ward nurses')[1]).toBe("'=SUM(A1:A2) hours of training");

  // Calendar: the open actions with a due date; not the one we won't do.
  const ics = await download(page, 'Download due dates (calendar, .ics)');
  expect(ics.name).toMatch(/\.ics$/);
  expect(ics.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics.text).toContain('DUE;VALUE=DATE:20270301');
  expect(ics.text).toContain('DUE;VALUE=DATE:20260115');
  expect(ics.text).toContain('STATUS:IN-PROCESS');
  expect(ics.text).not.toContain('Find out');

  // The PDF report has the plan.
  await page.getByRole('link', { name: 'Back to the results' }).click();
  const pdf = await download(page, 'Export PDF report');
  const text = execFileSync('pdftotext', [pdf.path, '-']).toString('utf8').replace(/\s+/g, ' ');
  expect(text).toContain('Action plan');
  expect(text).toContain('Train the ward nurses');
  expect(text).toContain('Ward manager');
  expect(text).toContain('Privacy officer');
  expect(text).toContain('The supplier answers this in the contract.');
});

test('when an answer no longer gives the finding, the plan asks "finding resolved — close?" and never closes by itself', async ({ page }) => {
  await load(page, teamAssessment(full, 1, { id: 'loop-team' }));
  await page.goto('./#/a/loop-team/results');
  const item = page.locator('.recs li').filter({ has: page.getByRole('button', { name: /^Make an action: / }) }).first();
  const button = item.getByRole('button', { name: /^Make an action: / });
  const href = await item.getByRole('link').first().getAttribute('href');
  const qid = href.split('/q/')[1];
  await button.click();
  await page.goto('./#/a/loop-team/plan');
  await expect(page.locator('article.action')).toHaveCount(1);
  await expect(page.getByText('Finding resolved — close?')).toHaveCount(0);

  // Answer the question without concern.
  const { question } = findQuestion(full, qid);
  const calm = optionsOf(question).find((o) => o.concern === 0);
  await page.goto(`./${href}`);
  const group = page.getByRole('group', { name: new RegExp(en(question.text).slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first();
  if (question.kind.type === 'multi_choice') {
    for (const box of await group.getByRole('checkbox', { checked: true }).all()) await box.uncheck();
    await group.getByRole('checkbox', { name: calm.label, exact: true }).check();
  } else {
    await group.getByRole('radio', { name: calm.label, exact: true }).check();
  }
  await page.goto('./#/a/loop-team/plan');
  await expect(page.getByText('Finding resolved — close?')).toBeVisible();
  await expect(page.getByText('The finding of 1 open action is resolved.')).toBeVisible();
  expect((await storedActions(page, 'loop-team'))[0].status).toBe('open');
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.locator('article.action .badge').first()).toHaveText('Done');
  await expect(page.getByText('Finding resolved — close?')).toHaveCount(0);
  expect((await storedActions(page, 'loop-team'))[0].status).toBe('done');
});

test('keyboard alone: add an action, edit it and save, without the mouse', async ({ page }) => {
  await load(page, teamAssessment(full, 0, { id: 'kb-team' }));
  await page.goto('./#/a/kb-team/plan');
  await expect(page.getByRole('heading', { level: 1, name: /^Action plan/ })).toBeVisible();
  const tabTo = async (loc, what) => {
    for (let i = 0; i < 80; i++) {
      if (await loc.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${what}`);
  };
  await tabTo(page.getByRole('button', { name: 'Add an action' }), 'Add an action');
  await page.keyboard.press('Enter');
  await expect(form(page).getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Ask the patient panel');
  await page.keyboard.press('Tab'); // description
  await page.keyboard.type('Two sessions, one in Dutch and one in Arabic.');
  await page.keyboard.press('Tab'); // owner
  await page.keyboard.type('Patient liaison');
  await tabTo(form(page).getByLabel('Due date'), 'the due date');
  await page.keyboard.type('05012027'); // the browser's en-US date field: month, day, year
  await tabTo(page.getByRole('button', { name: 'Add the action' }), 'the add button');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: 'Ask the patient panel' });
  await expect(heading).toBeFocused();
  const [x] = await storedActions(page, 'kb-team');
  expect([x.title, x.owner, x.due, x.description]).toEqual(['Ask the patient panel', 'Patient liaison', '2027-05-01', 'Two sessions, one in Dutch and one in Arabic.']);

  await tabTo(page.getByRole('button', { name: 'Edit: Ask the patient panel' }), 'Edit');
  await page.keyboard.press('Enter');
  await expect(form(page).getByLabel('Title')).toBeFocused();
  await tabTo(form(page).getByLabel('Status'), 'the status');
  await page.keyboard.press('ArrowDown'); // In progress
  await tabTo(page.getByRole('button', { name: 'Save the action' }), 'Save');
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();
  expect((await storedActions(page, 'kb-team'))[0].status).toBe('in_progress');
});

/** A team with a plan: every status, an overdue action, a long text, an old link. */
function withPlan(id) {
  return teamAssessment(full, 1, {
    id,
    change: (a) => {
      const q = full.sections.find((s) => s.dimension !== 'profile' && s.dimension !== 'triage').questions[0].id;
      a.actions = [
        planAction('a1', 'Write the data protection impact assessment', { owner: 'Privacy officer', due: '2026-02-01', priority: 'high', source: 'recommendation', questions: [q] }),
        planAction('a2', 'A'.repeat(90) + ' very long title without spaces', { owner: 'Ward manager', due: '2027-06-30', status: 'in_progress', description: 'x'.repeat(400) }),
        planAction('a3', 'Publish the model card', { status: 'done', owner: 'Data scientist' }),
        planAction('a4', 'Ask about a removed question', { status: { wont_do: { reason: 'Not relevant any more.' } }, source: 'gap', questions: ['gone-question'] }),
      ];
      a.review = {
        reviewer_name: 'Dr. Reviewer', reviewer_role: 'Ethics committee', date: '2026-11-25', verdict: 'approved_with_conditions',
        conditions: 'Re-assess after six months of use.', comments: {}, sign_off: null,
      };
    },
  });
}

test('the reviewer reads the plan; the team links the verdict\'s conditions to an action', async ({ page }) => {
  const team = withPlan('rv-team');
  await page.goto('./#/review');
  await page.getByLabel('Open a file to review (.json or .pdf)').setInputFiles({ name: 't.json', mimeType: 'application/json', buffer: fileOf({ ...team, review: undefined }) });
  await expect(page.getByRole('heading', { level: 1, name: /^Review: / })).toBeVisible();
  const section = page.locator('section[aria-labelledby="plan-h"]');
  await expect(section.getByRole('heading', { name: "The team's action plan" })).toBeVisible();
  await expect(section.locator('article.action')).toHaveCount(4);
  await expect(section.locator('article.action').first()).toContainText('Write the data protection impact assessment');
  await expect(section.locator('article.action').first()).toContainText('Overdue');
  await expect(section).toContainText('No longer in this questionnaire version: gone-question');
  await expect(section.getByRole('button')).toHaveCount(0);
  await expect(section.getByRole('textbox')).toHaveCount(0);

  // The team's side: the returned review's conditions become an action.
  await load(page, team);
  // The home page leads back to the plan.
  await expect(page.getByRole('link', { name: 'Action plan of Sepsis early warning: 2 open' })).toHaveText('Plan (2 open)');
  await page.goto('./#/review/reply/rv-team');
  await expect(page.getByText('Re-assess after six months of use.')).toBeVisible();
  await page.getByRole('button', { name: "Make an action: the reviewer's conditions" }).click();
  await expect(page.getByRole('link', { name: "In the action plan: the reviewer's conditions" })).toBeFocused();
  const made = (await storedActions(page, 'rv-team')).find((x) => x.source === 'review');
  expect([made.title, made.description, made.priority]).toEqual(["Meet the reviewer's conditions", 'Re-assess after six months of use.', 'high']);
  await page.getByRole('link', { name: "In the action plan: the reviewer's conditions" }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Action plan/ })).toBeVisible();
  await expect(page.locator('article.action')).toHaveCount(5);
});

test('the plan page and the results with their buttons have no axe violations and reflow at 320 px and 200%', async ({ page }) => {
  await load(page, withPlan('ax-team'));
  const axe = async (what) => {
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([]);
  };
  await page.goto('./#/a/ax-team/plan');
  await expect(page.locator('article.action')).toHaveCount(4);
  await axe('plan');
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByRole('alert')).toContainText('Give the action a title.');
  await axe('plan with the form and its problem');
  await page.goto('./#/a/ax-team/results');
  await expect(page.getByRole('button', { name: /^Make an action: / }).first()).toBeVisible();
  await axe('results with "Make an action"');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#/a/ax-team/plan');
  await expect(page.locator('article.action')).toHaveCount(4);
  await axe('plan (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  for (const viewport of [{ width: 320, height: 720 }, { width: 640, height: 450 }]) {
    await page.setViewportSize(viewport);
    for (const hash of ['#/a/ax-team/plan', '#/a/ax-team/results']) {
      await page.goto(`./${hash}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (hash.endsWith('plan')) await page.getByRole('button', { name: 'Edit: Publish the model card' }).click();
      const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scroll, `${hash} at ${viewport.width} px`).toBeLessThanOrEqual(width);
    }
  }
});

test('Dutch: the plan page speaks Dutch', async ({ page }) => {
  await load(page, withPlan('nl-team'));
  await page.evaluate(() => localStorage.setItem('elsa.v1.lang', 'nl'));
  await page.goto('./#/a/nl-team/plan');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Actieplan: / })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Actie toevoegen' })).toBeVisible();
  await expect(page.locator('.plan-counts')).toContainText('Te laat');
  await expect(page.locator('article.action').first()).toContainText('Eigenaar');
});

test('compare over time shows the actions added, closed and still open', async ({ page }) => {
  const before = teamAssessment(full, 0, { id: 'cmp-plan', change: (a) => {
    a.actions = [planAction('a1', 'Write the DPIA', { owner: 'Privacy officer' }), planAction('a2', 'Train the nurses', { owner: 'Ward manager', due: '2027-02-01' })];
  } });
  const after = teamAssessment(full, 0, { id: 'cmp-plan', change: (a) => {
    a.actions = [
      planAction('a1', 'Write the DPIA', { owner: 'Privacy officer', status: 'done' }),
      planAction('a2', 'Train the nurses', { owner: 'Ward manager', due: '2027-02-01', status: 'in_progress' }),
      planAction('a3', 'Ask the patient panel', { owner: 'Patient liaison' }),
    ];
    a.modified = '2026-12-01T10:00:00.000Z';
  } });
  await page.goto('./#/compare');
  await page.getByLabel('or a file (.json or .pdf)').first().setInputFiles({ name: 'before.json', mimeType: 'application/json', buffer: fileOf(before) });
  await page.getByLabel('or a file (.json or .pdf)').last().setInputFiles({ name: 'after.json', mimeType: 'application/json', buffer: fileOf(after) });
  const plan = page.locator('#plan-changes');
  await expect(plan.getByRole('heading', { name: 'Action plan' })).toBeVisible();
  await expect(plan.locator('#actions-added h4')).toHaveText('Actions added (1)');
  await expect(plan.locator('#actions-added li')).toContainText('Ask the patient panel');
  await expect(plan.locator('#actions-closed h4')).toHaveText('Actions closed (1)');
  await expect(plan.locator('#actions-closed li')).toContainText('Write the DPIA');
  await expect(plan.locator('#actions-open h4')).toHaveText('Actions still open (1)');
  await expect(plan.locator('#actions-open li')).toContainText('Train the nurses');
  await expect(plan.locator('#actions-removed')).toHaveCount(0);
});
