// Issue 7 (WCAG 2.1 AA, reflow): every page is usable at 320 CSS pixels wide and at 200% zoom
// (a 1280 px window at 200% is 640 CSS pixels) without horizontal scrolling of the page. Tables
// and charts may scroll inside their own region. Screenshots of each page are kept with the
// test results to look at.
import { test, expect } from '@playwright/test';
import { Home, quick, full, importFile } from './support.mjs';
import { teamAssessment, fileOf } from './teams.mjs';

const noSideScroll = async (page, what) => {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${what}: the page scrolls sideways (${scroll} > ${width})`).toBeLessThanOrEqual(width);
};

for (const [label, viewport] of [['320 px', { width: 320, height: 720 }], ['200% zoom', { width: 640, height: 450 }]]) {
  test(`no horizontal scrolling at ${label}: main app and studio pages`, async ({ page }, info) => {
    await page.setViewportSize(viewport);
    const shot = async (name) => page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
    const team = teamAssessment(quick, 0, { id: 'reflow' });
    const home = new Home(page);
    await home.goto();
    await importFile(page, 'team.json', fileOf(team), 'application/json');
    await expect(page.locator('.import-status')).toContainText('Imported');
    await noSideScroll(page, 'home'); await shot('home');
    await page.goto(`./#/a/reflow/s/${quick.sections[1].id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await noSideScroll(page, 'a section'); await shot('section');
    await page.goto('./#/a/reflow/results');
    await expect(page.getByRole('heading', { level: 1, name: /^Results/ })).toBeVisible();
    await noSideScroll(page, 'results'); await shot('results');
    for (const [hash, heading] of [['#/scoring', 'How scoring works'], ['#/privacy', 'Your data']]) {
      await page.goto(`./${hash}`);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await noSideScroll(page, hash); await shot(hash.slice(2));
    }
    await page.goto('./#/review');
    await page.getByLabel('Open a file to review (.json or .pdf)').setInputFiles({ name: 't.json', mimeType: 'application/json', buffer: fileOf(team) });
    await expect(page.getByRole('heading', { level: 1, name: /^Review: / })).toBeVisible();
    await noSideScroll(page, 'review'); await shot('review');
    await page.goto('./#/workshop');
    await page.getByLabel(/^Choose team files/).setInputFiles([0, 1, 2].map((t) => ({ name: `t${t}.json`, mimeType: 'application/json', buffer: fileOf(teamAssessment(full, t, { id: `r-${t}` })) })));
    await expect(page.locator('#split-list > li').first()).toBeVisible();
    await noSideScroll(page, 'workshop'); await shot('workshop');
    await page.goto('./#/workshop/present/1');
    await expect(page.locator('.present-question')).toBeVisible();
    await noSideScroll(page, 'presentation'); await shot('presentation');
    await page.goto('./#/compare');
    await page.getByLabel('or a file (.json or .pdf)').first().setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: fileOf(team) });
    await page.getByLabel('or a file (.json or .pdf)').last().setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: fileOf(teamAssessment(quick, 1, { id: 'reflow' })) });
    await expect(page.locator('#compare-result')).toBeVisible();
    await noSideScroll(page, 'compare'); await shot('compare');
  });
}
