import { test, expect } from '@playwright/test';
import { Assessment, Home, quick as starter, en } from './support.mjs';

test('saved assessments are listed with progress, resumed, and deleted only after confirmation', async ({ page }) => {
  const home = new Home(page);
  await home.goto();
  await expect(page.getByText('No saved assessments on this device yet.')).toBeVisible();
  await home.start();
  const a = new Assessment(page);
  await a.textbox('project-name').fill('Triage chatbot');
  await a.choose('ai-type', 'llm');
  // Go to another section so that resuming has somewhere to return to.
  await a.next();
  await expect(a.sectionHeading()).toHaveText(en(starter.sections[1].title));

  await page.getByRole('link', { name: 'Assessments', exact: true }).first().click();
  const row = home.savedRow('Triage chatbot');
  await expect(row).toBeVisible();
  await expect(row.getByRole('progressbar', { name: 'Progress of Triage chatbot' })).toHaveAttribute('value', /^[1-9]\d*$/);

  await row.getByRole('link', { name: 'Resume Triage chatbot' }).click();
  await expect(a.sectionHeading()).toHaveText(en(starter.sections[1].title));
  await page.goBack();

  // Cancel keeps it.
  await home.savedRow('Triage chatbot').getByRole('button', { name: 'Delete Triage chatbot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this assessment?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('“Triage chatbot”');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(home.savedRow('Triage chatbot')).toBeVisible();

  // Escape closes the dialog too, and keeps the assessment.
  await home.savedRow('Triage chatbot').getByRole('button', { name: 'Delete Triage chatbot' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(home.savedRow('Triage chatbot')).toBeVisible();

  // Confirm removes it, also from storage.
  await home.savedRow('Triage chatbot').getByRole('button', { name: 'Delete Triage chatbot' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(home.savedRow('Triage chatbot')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('No saved assessments on this device yet.')).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('elsa.')));
  expect(keys).toEqual([]);
});

test('the privacy page explains where data is kept, and "Delete all my data" removes every key after confirmation', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('elsa.v1.assessment.broken', '{"format_version": 1, "assess');
      localStorage.setItem('not-ours', 'keep me');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const home = new Home(page);
  await home.goto();
  await home.start();
  const a = new Assessment(page);
  await a.textbox('project-name').fill('To be deleted');
  // Regression: the link once had the header's own colour and could not be seen.
  const link = page.getByRole('link', { name: 'Where your data is kept' });
  const [fg, bg] = await link.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.closest('header')).backgroundColor]);
  expect(fg).not.toBe(bg);
  expect(fg).toBe('rgb(255, 255, 255)');
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible();
  await expect(page.getByText('Nothing is sent anywhere.').first()).toBeVisible();
  await expect(page.getByText('This removes the 1 saved assessment, your reviews, your workshop and every other setting')).toBeVisible();
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all your data?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('elsa.')).length)).toBe(2);
  await page.getByRole('button', { name: 'Delete all my data' }).click();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted. 2 stored items removed' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(['not-ours']);
  await page.getByRole('link', { name: 'Assessments', exact: true }).first().click();
  await expect(page.getByText('No saved assessments on this device yet.')).toBeVisible();
});
