// The workshop view: twelve team files of the full questionnaire, loaded at once; labels from
// the files and editable; the section table with mean, median and spread; the questions sorted
// by disagreement (checked against an independent computation); the presentation view; the
// CSV; drag and drop; and clearing the workshop without touching the user's own assessments.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { full, quick, en, findQuestion, optionsOf, storageSnapshot, importFile } from './support.mjs';
import { teamAssessment, fileOf, expectedSplits, parseCsv, download } from './teams.mjs';

const TEAMS = 12;
const teams = Array.from({ length: TEAMS }, (_, t) => teamAssessment(full, t, { id: `ws-${t}` }));
const files = teams.map((a, t) => ({ name: `team-${t + 1}.json`, mimeType: 'application/json', buffer: fileOf(a) }));

async function loadWorkshop(page) {
  await page.goto('./#/workshop');
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop' })).toBeVisible();
  await page.getByLabel(/^Choose team files/).setInputFiles(files);
  await expect(page.locator('#workshop-status')).toContainText(`Added ${TEAMS} team files; the workshop has ${TEAMS} teams.`);
}

test('twelve team files: labels, section statistics, disagreement order, presentation and CSV', async ({ page }) => {
  // One own assessment, which the workshop must never touch.
  await page.goto('./');
  await importFile(page, 'own.json', fileOf(teamAssessment(quick, 5, { id: 'own-one', project: 'My own project' })), 'application/json');
  await expect(page.locator('.import-status')).toContainText('Imported');
  const own = Object.fromEntries(Object.entries(await storageSnapshot(page)).filter(([k]) => k.startsWith('elsa.v1.assessment.')));

  await loadWorkshop(page);
  // Labels come from the assessors field, in file order.
  const labels = page.locator('input.team-label');
  await expect(labels).toHaveCount(TEAMS);
  for (let t = 0; t < TEAMS; t++) await expect(labels.nth(t)).toHaveValue(`Team ${t + 1}`);
  await labels.nth(2).fill('Blue table');
  await labels.nth(2).press('Tab');

  // Section table: a row per team plus mean, median and spread.
  const table = page.locator('#workshop-scores');
  await expect(table.locator('tbody tr')).toHaveCount(TEAMS + 3);
  await expect(table.locator('tbody tr').nth(2).locator('th')).toHaveText('Blue table');
  for (const stat of ['Mean', 'Median', 'Spread']) await expect(table.getByRole('rowheader', { name: stat })).toBeVisible();
  await expect(page.getByRole('img', { name: /Section scores per team as dots/ })).toBeVisible();

  // Disagreement: the same order as an independent computation, the split questions first.
  const expected = expectedSplits(full, teams).filter((s) => s.disagreement > 0);
  const shown = await page.locator('#split-list > li').evaluateAll((els) => els.map((e) => e.dataset.question));
  expect(shown).toEqual(expected.slice(0, 15).map((s) => s.id));
  const top = expected[0];
  const topItem = page.locator(`#split-list > li[data-question="${top.id}"]`);
  await expect(topItem.locator('.disagreement')).toHaveText(`${Math.round(top.disagreement * 100)}%`);
  const { question } = findQuestion(full, top.id);
  // Which teams gave which answer, with the edited label.
  for (const [key, members] of top.groups) {
    const label = key === 'dont_know' ? "Don't know" : key.split('+').map((id) => optionsOf(question).find((o) => o.id === id).label).join('; ');
    const names = members.map((t) => (t === 2 ? 'Blue table' : `Team ${t + 1}`)).join(', ');
    await expect(topItem.locator('.groups li').filter({ hasText: label })).toContainText(names);
  }
  await topItem.getByText('Help text for the discussion').click();
  await expect(topItem.locator('details.help')).toContainText(en(question.help).slice(0, 40));
  await page.getByRole('button', { name: /^Show every question/ }).click();
  const every = expectedSplits(full, teams);
  await expect(page.locator('#split-list > li')).toHaveCount(every.length);

  // Presentation view: large type, one question at a time, arrow keys move on.
  await page.getByRole('link', { name: 'Start the presentation view' }).click();
  await expect(page.getByRole('heading', { level: 1, name: en(question.text) })).toBeVisible();
  await expect(page.locator('main.present')).toBeVisible();
  const size = await page.locator('.present-question').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThanOrEqual(32);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1, name: en(findQuestion(full, every[1].id).question.text) })).toBeVisible();
  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(page.getByRole('heading', { level: 1, name: en(question.text) })).toBeVisible();
  await expect(page.getByRole('button', { name: '← Previous' })).toBeDisabled();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByRole('heading', { level: 1, name: en(findQuestion(full, every[1].id).question.text) })).toBeVisible();
  // The answer bars are drawn to scale (the most common answer is the longest).
  const widths = await page.locator('.present-bar rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
  expect(widths[0]).toBe(100);
  expect([...widths].sort((a, b) => b - a)).toEqual(widths);
  await page.getByRole('link', { name: 'Exit presentation' }).click();

  // CSV: a row per team with its label, scores, every answer and note.
  const csv = await download(page, 'Export CSV (all answers and scores)');
  expect(csv.name).toMatch(/^elsa-workshop-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(csv.bytes.toString('utf8'));
  expect(rows).toHaveLength(TEAMS + 1);
  const head = rows[0];
  expect(head.slice(0, 5)).toEqual(['Team', 'Project', 'Assessors', 'Last changed', 'Overall score']);
  expect(rows.map((r) => r.length)).toEqual(rows.map(() => head.length));
  expect(rows.slice(1).map((r) => r[0])).toEqual(teams.map((_, t) => (t === 2 ? 'Blue table' : `Team ${t + 1}`)));
  const col = head.findIndex((h) => h.startsWith(`${top.id}: `));
  expect(col).toBeGreaterThan(4);
  teams.forEach((a, t) => {
    const ans = a.responses[top.id].answer;
    const want = ans.type === 'dont_know' ? "Don't know" : ans.type === 'choice' ? optionsOf(question).find((o) => o.id === ans.id).label : ans.ids.map((id) => optionsOf(question).find((o) => o.id === id).label).join('; ');
    expect(rows[t + 1][col]).toBe(want);
  });

  // The PDF summary names the teams and opens with the most split question.
  const pdf = await download(page, 'Export PDF summary');
  const text = execFileSync('pdftotext', [pdf.path, '-']).toString('utf8').replace(/\s+/g, ' ');
  expect(text).toContain('Workshop summary');
  expect(text).toContain('Blue table');
  expect(text).toContain(en(question.text).slice(0, 40));
  // Issue 19: the case once on the cover; one team table; per question the counts in concern
  // order, and the judgement question most divided by the measure that accounts for the
  // number of options first (computed here independently).
  expect(text).toContain('Case: Sepsis early warning');
  expect(text.match(/Sepsis early warning/g).length).toBe(1);
  const judged = [];
  for (const s of full.sections) {
    if (s.dimension === 'profile' || s.dimension === 'triage') continue;
    for (const x of s.questions) {
      const sp = expected.find((e) => e.id === x.id);
      if (!sp) continue;
      const answered = [...sp.groups.values()].reduce((n, g) => n + g.length, 0);
      const top = Math.max(...[...sp.groups.values()].map((g) => g.length));
      const k = Math.min(optionsOf(x).length, answered);
      const d = k <= 1 ? 0 : Math.min(1, (1 - top / answered) / (1 - 1 / k));
      if (d > 0) judged.push({ x, d, answered });
    }
  }
  judged.sort((a, b) => b.d - a.d);
  const lead = judged[0];
  expect(text).toContain(`1. ${en(lead.x.text)}`);
  expect(text).toContain(`disagreement ${Math.round(lead.d * 100)}% · answered by ${lead.answered} of 12 teams`);
  expect(text).toContain('To discuss: (1) Teams that chose');
  expect(text).toContain('Questions all teams answered the same');

  // Kept across a reload, apart from the own assessments; clearing removes only the workshop.
  await page.reload();
  await expect(page.locator('input.team-label').nth(2)).toHaveValue('Blue table');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Clear workshop' }).click();
  await expect(page.getByText('No team files loaded yet.')).toBeVisible();
  const after = await storageSnapshot(page);
  expect(after['elsa.v1.workshop']).toBeUndefined();
  expect(Object.fromEntries(Object.entries(after).filter(([k]) => k.startsWith('elsa.v1.assessment.')))).toEqual(own);
});

test('files can be dropped; a file of another questionnaire or a broken file is refused by name', async ({ page }) => {
  await page.goto('./#/workshop');
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop' })).toBeVisible();
  const drop = async (list) => page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    document.querySelector('.drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, list);
  await drop([
    { name: 'a.json', text: fileOf(teams[0]).toString() },
    { name: 'b.json', text: fileOf(teams[1]).toString() },
    { name: 'quick.json', text: fileOf(teamAssessment(quick, 0)).toString() },
    { name: 'broken.json', text: '{"format": "elsa-assessment", ' },
    { name: 'a again.json', text: fileOf(teams[0]).toString() },
  ]);
  await expect(page.locator('#workshop-status')).toContainText('Added 2 team files; the workshop has 2 teams.');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('“quick.json” was not added: it answers the questionnaire “elsa-quick-scan”');
  await expect(alert).toContainText('“broken.json” could not be opened. This file is not an assessment file: it is not valid JSON');
  await expect(alert).toContainText('“a again.json” was not added: team 1 has the same file');
  await expect(page.locator('input.team-label')).toHaveCount(2);
});

test('with the storage full, the workshop stays in the tab: the presentation view shows it, nothing says "No workshop loaded"', async ({ page }) => {
  await page.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === 'elsa.v1.workshop') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  await loadWorkshop(page);
  await expect(page.getByText("This browser's storage is full, so the workshop is kept in this tab only.")).toBeVisible();
  expect((await storageSnapshot(page))['elsa.v1.workshop']).toBeUndefined();
  await page.getByRole('link', { name: 'Start the presentation view' }).click();
  await expect(page.locator('.present-question')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No workshop loaded' })).toHaveCount(0);
  // And back: the workshop page still has every team.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `Teams (${TEAMS})` })).toBeVisible();
});

test('a stored value that is not a workshop is left untouched and named, until new files replace it', async ({ page }) => {
  await page.goto('./#/workshop');
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop' })).toBeVisible();
  const foreign = fileOf(teams[0]).toString();
  await page.evaluate((v) => localStorage.setItem('elsa.v1.workshop', v), foreign);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('The saved workshop could not be read (it is not a workshop). It was left untouched');
  await expect(page.getByText('No team files loaded yet.')).toBeVisible();
  expect((await storageSnapshot(page))['elsa.v1.workshop']).toBe(foreign);
  await page.getByLabel(/^Choose team files/).setInputFiles(files.slice(0, 2));
  await expect(page.locator('#workshop-status')).toContainText('Added 2 team files; the workshop has 2 teams.');
  const stored = JSON.parse((await storageSnapshot(page))['elsa.v1.workshop']);
  expect(stored.format).toBe('elsa-workshop');
  expect(stored.teams.map((t) => t.assessment.id)).toEqual(['ws-0', 'ws-1']);
});

test('renaming a team keeps the keyboard focus where Tab put it; an empty name becomes the team number', async ({ page }) => {
  await loadWorkshop(page);
  const labels = page.locator('input.team-label');
  await labels.nth(1).fill('Green table');
  await labels.nth(1).press('Tab');
  await expect(page.getByRole('button', { name: 'Remove Green table' })).toBeFocused();
  await labels.nth(0).fill('   ');
  await labels.nth(0).press('Tab');
  await expect(labels.nth(0)).toHaveValue('Team 1');
  await expect(page.getByRole('button', { name: 'Remove Team 1', exact: true })).toBeFocused();
  const stored = JSON.parse((await storageSnapshot(page))['elsa.v1.workshop']);
  expect(stored.teams.slice(0, 2).map((t) => t.label)).toEqual(['Team 1', 'Green table']);
  // Removing a team moves the later ones up, with their names.
  await page.getByRole('button', { name: 'Remove Green table' }).click();
  await expect(labels).toHaveCount(TEAMS - 1);
  await expect(labels.nth(1)).toHaveValue('Team 3');
});
