// Storage that goes wrong: damaged entries, storage that is missing or throws, a full quota, an
// entry of the previous format, and two tabs on the same assessment.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { Assessment, Home, quick, en, storageSnapshot, importFile } from './support.mjs';

const BROKEN = '{"format_version": 1, "assess';

test('a damaged entry is moved to a backup key, reported, downloadable and removable', async ({ page }) => {
  // Written once, as if an earlier session had left it damaged.
  await page.addInitScript((broken) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('elsa.v1.assessment.broken', broken);
    }
  }, BROKEN);
  const home = new Home(page);
  await home.goto();
  const alert = page.getByRole('alert').filter({ hasText: 'A saved assessment could not be read' });
  await expect(alert).toContainText('Its text is kept unchanged under “elsa.v1.backup.broken”');
  await expect(alert).toContainText('it is not valid JSON');
  let store = await storageSnapshot(page);
  expect(store['elsa.v1.backup.broken']).toBe(BROKEN);
  expect(store['elsa.v1.assessment.broken']).toBeUndefined();

  // The raw text downloads as it was.
  const pending = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download its text' }).click();
  const d = await pending;
  expect(d.suggestedFilename()).toBe('elsa-v1-backup-broken.txt');
  expect(readFileSync(await d.path(), 'utf8')).toBe(BROKEN);

  // The app works around it, and it is still reported after a reload.
  await home.start();
  await new Assessment(page).textbox('project-name').fill('Fresh work');
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'elsa.v1.backup.broken' })).toBeVisible();

  // A second damaged entry with the same id never overwrites the first backup.
  await page.evaluate(() => localStorage.setItem('elsa.v1.assessment.broken', '["not", "an", "assessment"]'));
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'elsa.v1.backup.broken.2' })).toContainText('not an assessment file of this tool');
  store = await storageSnapshot(page);
  expect(store['elsa.v1.backup.broken']).toBe(BROKEN);
  expect(store['elsa.v1.backup.broken.2']).toBe('["not", "an", "assessment"]');

  // Remove asks first; dismissing keeps it.
  page.once('dialog', (dlg) => dlg.dismiss());
  await page.getByRole('alert').filter({ hasText: '“elsa.v1.backup.broken”' }).getByRole('button', { name: 'Remove it' }).click();
  expect((await storageSnapshot(page))['elsa.v1.backup.broken']).toBe(BROKEN);
  page.once('dialog', (dlg) => dlg.accept());
  await page.getByRole('alert').filter({ hasText: '“elsa.v1.backup.broken”' }).getByRole('button', { name: 'Remove it' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '“elsa.v1.backup.broken”' })).toHaveCount(0);
  store = await storageSnapshot(page);
  expect(store['elsa.v1.backup.broken']).toBeUndefined();
  expect(store['elsa.v1.backup.broken.2']).toBeDefined();
  // The user's own assessment was never touched.
  await home.goto();
  await expect(home.savedRow('Fresh work')).toBeVisible();
});

for (const [label, script, reason] of [
  ['throws', () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } }), 'local storage is blocked in this browser'],
  ['is missing', () => Object.defineProperty(window, 'localStorage', { get() { return null; } }), 'this browser offers no local storage'],
]) {
  test(`storage that ${label}: the app works in memory, warns, and offers export`, async ({ page }) => {
    // Blocked in every tab of the browser, as a setting would.
    await page.context().addInitScript(script);
    const home = new Home(page);
    await home.goto();
    const warning = page.getByRole('alert').filter({ hasText: 'Your work will not be kept.' });
    await expect(warning).toContainText(reason);
    await expect(warning).toContainText('it is lost when you close this tab. Export a file to keep it.');
    await home.start();
    const a = new Assessment(page);
    await a.textbox('project-name').fill('Only in memory');
    await a.choose('ai-type', 'llm');
    // The results are in the same app: the work held in memory is right there, in this tab.
    await page.getByRole('link', { name: 'Results', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Results: Only in memory' })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en(quick.sections[0].title));
    // Export rescues the work.
    const pending = page.waitForEvent('download');
    await warning.getByRole('button', { name: 'Export all assessments (JSON)' }).click();
    const d = await pending;
    expect(d.suggestedFilename()).toMatch(/^elsa-only-in-memory-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync(await d.path(), 'utf8'));
    expect(file.assessment.metadata.project_name).toBe('Only in memory');
    expect(file.assessment.responses['ai-type'].answer).toEqual({ type: 'choice', id: 'llm' });
    await expect(warning).toContainText('Downloaded 1 file.');
    // Import works in memory too.
    await page.getByRole('link', { name: 'Assessments', exact: true }).first().click();
    file.assessment.id = 'imported-copy';
    file.assessment.metadata.project_name = 'Imported in memory';
    await importFile(page, 'copy.json', JSON.stringify(file), 'application/json');
    await expect(home.savedRow('Imported in memory')).toBeVisible();
    await expect(home.savedRow('Only in memory')).toBeVisible();
    // The studio (another app) would reload this tab and lose what is only in memory: it opens
    // in a new tab instead, and this one stays as it was.
    const opened = page.context().waitForEvent('page');
    await page.getByRole('link', { name: 'Run a workshop' }).click();
    const other = await opened;
    await expect(other.getByRole('heading', { level: 1, name: 'Workshop' })).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#/');
    await expect(home.savedRow('Only in memory')).toBeVisible();
    await expect(home.savedRow('Imported in memory')).toBeVisible();
    await other.close();
  });
}

test('a full quota: a clear message, nothing lost in the tab, export offered, and saving resumes', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await home.start();
  const a = new Assessment(page);
  await a.textbox('project-name').fill('Before the quota');
  const saved = await storageSnapshot(page);
  await page.evaluate(() => {
    window.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await a.textbox('project-name').fill('Kept in the tab');
  const alert = page.getByRole('alert').filter({ hasText: 'storage for this site is full' });
  await expect(alert).toContainText("This browser's storage for this site is full, so your last change was not saved on this device. It is kept in this tab: export your answers now to keep them");
  await expect(a.textbox('project-name')).toHaveValue('Kept in the tab');
  expect(await storageSnapshot(page)).toEqual(saved);
  const pending = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Export all assessments (JSON)' }).click();
  const file = JSON.parse(readFileSync(await (await pending).path(), 'utf8'));
  expect(file.assessment.metadata.project_name).toBe('Kept in the tab');
  // Room again: the next change saves everything, and the message goes away.
  await page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
  await a.textbox('organisation').fill('Saved again');
  await expect(alert).toHaveCount(0);
  const stored = JSON.parse(Object.values(await storageSnapshot(page))[0]).assessment;
  expect(stored.metadata.project_name).toBe('Kept in the tab');
  expect(stored.metadata.organisation).toBe('Saved again');
});

test('an assessment saved by the previous version (format 1) opens, and is saved in the new format on change', async ({ page }) => {
  const v1 = readFileSync(new URL('../it/data/storage/v1-quick-scan.json', import.meta.url), 'utf8');
  const id = JSON.parse(v1).assessment.id;
  await page.addInitScript(([key, text]) => {
    if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem(key, text); }
  }, [`elsa.v1.assessment.${id}`, v1]);
  const home = new Home(page);
  await home.goto();
  const row = home.savedRow('Sepsis early warning (ICU)');
  await expect(row).toBeVisible();
  // Reading does not rewrite it.
  expect((await storageSnapshot(page))[`elsa.v1.assessment.${id}`]).toBe(v1);
  await row.getByRole('link', { name: 'Resume Sepsis early warning (ICU)' }).click();
  const a = new Assessment(page);
  await a.gotoSection(en(quick.sections[0].title));
  await expect(a.textbox('project-name')).toHaveValue('Sepsis early warning (ICU)');
  await a.textbox('organisation').fill('Upgraded');
  const stored = JSON.parse((await storageSnapshot(page))[`elsa.v1.assessment.${id}`]);
  expect(stored.format_version).toBe(4);
  expect(stored.assessment.metadata.organisation).toBe('Upgraded');
  expect(Object.keys(stored.assessment.responses)).toEqual(Object.keys(JSON.parse(v1).assessment.responses));
});

test('two tabs on one assessment: each takes the other’s newer data, and never overwrites it with older data', async ({ context }) => {
  const one = await context.newPage();
  const home = new Home(one);
  await home.goto();
  await home.start();
  const a1 = new Assessment(one);
  await a1.textbox('project-name').fill('Two tabs');
  const url = one.url();
  const two = await context.newPage();
  await two.goto(url);
  const a2 = new Assessment(two);
  await expect(a2.textbox('project-name')).toHaveValue('Two tabs');

  // A change in one tab shows in the other.
  await a1.textbox('organisation').fill('Typed in tab one');
  await expect(a2.textbox('organisation')).toHaveValue('Typed in tab one');
  await a2.choose('ai-type', 'llm');
  await expect(a1.group('ai-type').getByRole('radio', { checked: true })).toHaveCount(1);

  // Tab two misses an update (written behind its back, no storage event in the writing tab
  // itself); its next change is made on top of the newer data, not over it.
  const key = Object.keys(await storageSnapshot(two)).find((k) => k.startsWith('elsa.v1.assessment.'));
  await two.evaluate((k) => {
    const s = JSON.parse(localStorage.getItem(k));
    s.assessment.metadata.assessors = 'Written elsewhere';
    s.assessment.modified = new Date(Date.now() + 1000).toISOString();
    localStorage.setItem(k, JSON.stringify(s));
  }, key);
  await a2.textbox('intended-use').fill('Typed in tab two');
  const stored = JSON.parse((await storageSnapshot(two))[key]).assessment;
  expect(stored.metadata.assessors).toBe('Written elsewhere');
  expect(stored.metadata.intended_use).toBe('Typed in tab two');
  expect(stored.metadata.organisation).toBe('Typed in tab one');
  await expect(two.getByRole('status').filter({ hasText: 'This assessment was changed in another tab.' })).toBeVisible();
  await expect(a2.textbox('assessors')).toHaveValue('Written elsewhere');
  // And tab one has all of it.
  await expect(a1.textbox('assessors')).toHaveValue('Written elsewhere');
  await expect(a1.textbox('intended-use')).toHaveValue('Typed in tab two');

  // Deleting in one tab removes it from the other's list.
  await home.goto();
  await two.goto(new URL('./', url).href);
  await home.savedRow('Two tabs').getByRole('button', { name: 'Delete Two tabs' }).click();
  await one.getByRole('dialog', { name: 'Delete this assessment?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(new Home(two).savedRow('Two tabs')).toHaveCount(0);
});

test('a change never overwrites a saved copy it cannot read: it stays in the tab, with a warning and the export', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await home.start();
  const a = new Assessment(page);
  await a.textbox('project-name').fill('Mine');
  await expect(page.locator('.sr-only[role="status"]')).toHaveText('Saved');
  const key = Object.keys(await storageSnapshot(page)).find((k) => k.startsWith('elsa.v1.assessment.'));
  // An updated app in another tab saved this assessment in a format this version cannot read.
  const newer = JSON.stringify({ format: 'elsa-assessment', format_version: 9, tool_version: '9.0.0', assessment: { from: 'the future' } });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, newer]);
  await a.textbox('project-name').fill('Mine, changed');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await expect(alert).toContainText('so your change was not saved over it. Your change is kept in this tab: export your answers to keep them.');
  expect((await storageSnapshot(page))[key]).toBe(newer);
  await expect(a.textbox('project-name')).toHaveValue('Mine, changed');
  const pending = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Export all assessments (JSON)' }).click();
  const file = JSON.parse(readFileSync(await (await pending).path(), 'utf8'));
  expect(file.assessment.metadata.project_name).toBe('Mine, changed');
  // A damaged copy is not overwritten either.
  await page.evaluate(([k]) => localStorage.setItem(k, '{"format": "elsa-assessment", "format_version": 3, "assess'), [key]);
  await a.textbox('project-name').fill('Mine, changed again');
  await expect(alert).toBeVisible();
  expect((await storageSnapshot(page))[key]).toBe('{"format": "elsa-assessment", "format_version": 3, "assess');
});
