// The team's whole journey runs in one app: from the home page through the sections, the
// results, the scoring explanation and "Your data" to the PDF export, the page is loaded once.
import { test, expect } from '@playwright/test';
import { Assessment, Home, quick, en } from './support.mjs';
import { execFileSync } from 'node:child_process';

test('the team journey from home to the PDF export loads the page once, with one header', async ({ page }) => {
  const documents = [];
  page.on('request', (r) => { if (r.resourceType() === 'document') documents.push(r.url()); });
  const home = new Home(page);
  await home.goto();
  await home.start(quick);
  const a = new Assessment(page, quick);
  await a.textbox('project-name').fill('One page');
  await a.next();
  await expect(a.sectionHeading()).toHaveText(en(quick.sections[1].title));
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toBeVisible();
  // The same header as on the sections: no studio links appear.
  const nav = page.getByRole('navigation', { name: 'Site' });
  await expect(nav.getByRole('link')).toHaveText(['Assessments', 'How scoring works']);
  await expect(page.getByRole('region', { name: 'Legal triage' })).toBeVisible();
  await nav.getByRole('link', { name: 'How scoring works' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How scoring works' })).toBeVisible();
  await page.getByRole('link', { name: 'Where your data is kept' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toBeVisible();
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF report' }).click();
  expect((await pending).suggestedFilename()).toMatch(/^elsa-report-one-page-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(documents, 'one document load for the whole journey').toHaveLength(1);
});

test('the studio says it is the studio, and its links back to the team pages leave it', async ({ page }) => {
  await page.goto('./#/workshop');
  await expect(page.getByRole('link', { name: /Studio for reviewers and educators/ })).toBeVisible();
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'How scoring works' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'How scoring works' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link')).toHaveText(['Assessments', 'How scoring works']);
});

test.describe('just after midnight in Amsterdam', () => {
  test.use({ timezoneId: 'Europe/Amsterdam' });
  test('file names and the report date follow the local date, not the UTC one', async ({ page }) => {
    // 23:30 UTC on 2 December is 00:30 on 3 December in Amsterdam.
    await page.clock.setFixedTime(new Date('2026-12-02T23:30:00Z'));
    const home = new Home(page);
    await home.goto();
    await home.start(quick);
    const a = new Assessment(page, quick);
    await a.textbox('project-name').fill('Night shift');
    await page.getByRole('link', { name: 'Results', exact: true }).click();
    let pending = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export answers (JSON)' }).click();
    expect((await pending).suggestedFilename()).toBe('elsa-night-shift-2026-12-03.json');
    pending = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PDF report' }).click();
    const pdf = await pending;
    expect(pdf.suggestedFilename()).toBe('elsa-report-night-shift-2026-12-03.pdf');
    const text = execFileSync('pdftotext', [await pdf.path(), '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain('3 December 2026');
    expect(text).not.toContain('2 December 2026');
  });
});
