// Issue 18: the workshop in a box. The Educators page lists the worked cases (read, print, load
// the example teams, start a practice assessment); the workshop view shows a case's reference
// next to the teams; the presentation view reveals the reference answer on request.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const cases = readdirSync('cases').sort().map((id) => JSON.parse(readFileSync(`cases/${id}/case.json`, 'utf8')));
const axe = async (page, what) => {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), what).toEqual([]);
};
const noSideScroll = async (page, what) => {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(width);
};

test('the Educators page, reached from the home page, lists the three cases; a case card reads on the page; axe and 320 px', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Workshop cases for educators' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop cases for educators' })).toBeVisible();
  expect(cases).toHaveLength(3);
  for (const c of cases) await expect(page.getByRole('heading', { level: 2, name: c.title.en })).toBeVisible();
  const first = page.getByRole('article', { name: cases[0].title.en });
  await first.getByText(`Read the case card: ${cases[0].title.en}`).click();
  await expect(first.getByRole('heading', { level: 3, name: cases[0].card[0].heading.en })).toBeVisible();
  await axe(page, 'educators');
  await page.setViewportSize({ width: 320, height: 720 });
  await noSideScroll(page, 'educators at 320 px');
});

test('one click loads a case\'s example teams; the reference view and the presentation\'s reveal', async ({ page }) => {
  const c = cases[2];
  await page.goto('./#/educators');
  await page.getByRole('button', { name: `Load the example teams of ${c.title.en} into the workshop` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop', exact: true })).toBeVisible({ timeout: 20_000 });
  const teams = readdirSync(`cases/${c.id}`).filter((f) => f.startsWith('team-')).length;
  await expect(page.getByRole('heading', { level: 2, name: `Teams (${teams})` })).toBeVisible();
  // The files name their case: its reference is chosen and shown.
  await expect(page.getByLabel('Show the reference answers of a worked case')).toHaveValue(c.id);
  await expect(page.getByRole('heading', { level: 3, name: `Reference: ${c.title.en}` })).toBeVisible();
  await expect(page.locator('#reference-scores tbody tr')).toHaveCount(6);
  const rows = page.locator('#reference-list .reference-row');
  expect(await rows.count()).toBeGreaterThan(3);
  await expect(rows.first()).toContainText('Reference answer:');
  await expect(rows.first()).toContainText('Teams with another answer');
  // A question the case explains shows its reasoning.
  const explained = Object.keys(c.reference.questions);
  const withWhy = page.locator('#reference-list .reference-row').filter({ hasText: 'Why:' });
  expect(await withWhy.count()).toBeGreaterThan(0);
  expect(explained).toContain(await withWhy.first().getAttribute('data-question'));
  await axe(page, 'workshop with the reference');
  await page.setViewportSize({ width: 320, height: 720 });
  await noSideScroll(page, 'workshop with the reference at 320 px');
  await page.setViewportSize({ width: 1280, height: 800 });
  // The presentation view: the reference answer is hidden until the facilitator reveals it.
  await page.getByRole('link', { name: 'Start the presentation view' }).click();
  const reveal = page.getByRole('button', { name: 'Show the reference answer' });
  await expect(reveal).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#present-reference-answer')).toBeHidden();
  await reveal.click();
  await expect(page.locator('#present-reference-answer')).toBeVisible();
  await expect(page.locator('#present-reference-answer')).toContainText('Reference answer:');
  await expect(page.getByRole('button', { name: 'Hide the reference answer' })).toHaveAttribute('aria-expanded', 'true');
  await axe(page, 'presentation with the reference');
});

test('the case card and the guide download as PDFs, in English and in Dutch', async ({ page }) => {
  const c = cases[0];
  await page.goto('./#/educators');
  const card = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download the case card of ${c.title.en} (PDF)` }).click();
  const d = await card;
  expect(d.suggestedFilename()).toBe(`elsa-case-${c.id}-card-en.pdf`);
  const text = execFileSync('pdftotext', [await d.path(), '-']).toString('utf8').split(/\s+/).join(' ');
  expect(text).toContain(c.card[0].heading.en);
  expect(text).not.toContain('Reference answer');
  await page.getByRole('button', { name: 'NL Nederlands' }).click();
  const guide = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download de handleiding voor de begeleider van ${c.title.nl} (pdf)` }).click();
  const g = await guide;
  expect(g.suggestedFilename()).toBe(`elsa-case-${c.id}-guide-nl.pdf`);
  const nlText = execFileSync('pdftotext', [await g.path(), '-']).toString('utf8').split(/\s+/).join(' ');
  expect(nlText).toContain('Leerdoelen');
  expect(nlText).toContain('Referentieantwoord:');
});

test('a practice assessment of a case starts in the main app, with the case as its project', async ({ page }) => {
  const c = cases[1];
  await page.goto('./#/educators');
  await page.getByRole('button', { name: `Start a practice assessment of ${c.title.en}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Project profile' })).toBeVisible();
  await expect(page.getByRole('textbox').first()).toHaveValue(c.title.en);
  expect(page.url()).toContain(`#/a/case-${c.id}-`);
});
