// Issue 17: index.html paints a static shell (the header and the home page's title and
// introduction) before the wasm arrives. It is in the interface language from the first paint,
// says exactly what the app says, sits exactly where the app's own elements will be (no layout
// shift when the app replaces it), shows only the header on other pages and nothing on the
// studio's, and is gone once the app runs.
import { test, expect } from '@playwright/test';
import { nl } from './support.mjs';

const parts = ['header.site-header .brand', 'header.site-header nav', 'header.site-header .lang-switch', 'header.site-header .privacy-notice', 'main h1', 'main .lead'];

/** Text and box of each part inside `root` ('#shell' or the app's body). */
async function measure(page, root) {
  return page.evaluate(({ root, parts }) => parts.map((sel) => {
    const el = document.querySelector(`${root} ${sel}`);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { sel, text: el.innerText.replace(/\s+/g, ' ').trim(), x: r.x, y: r.y, w: r.width, h: r.height };
  }), { root, parts });
}

for (const [locale, lang, title] of [['en-GB', 'en', 'ELSA self-assessment for AI in healthcare'], ['nl-NL', 'nl', nl('ELSA self-assessment for AI in healthcare')]]) {
  test.describe(`a ${lang} browser`, () => {
    test.use({ locale });

    test('the shell before the wasm says and places what the app then shows, without a shift', async ({ page, context }) => {
      // The wasm held back: what is on screen is the shell alone.
      await context.route(/\.wasm$/, (route) => route.abort());
      await page.goto('./');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('#shell h1')).toHaveText(title, { useInnerText: true });
      await expect(page.locator(`#shell .lang-button[lang="${lang}"]`)).toHaveCSS('color', await page.locator('#shell .site-header').evaluate((el) => getComputedStyle(el).backgroundColor));
      const shell = await measure(page, '#shell');
      expect(shell.every(Boolean)).toBe(true);
      await context.unroute(/\.wasm$/);

      // The app: the shell gone, the same texts at the same places, no layout shift.
      const fresh = await context.newPage();
      await fresh.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) window.__shifts.push({ value: e.value, what: e.sources.map((s) => `${s.node && s.node.nodeName} ${s.node && s.node.className} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`) });
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await fresh.goto('./');
      await expect(fresh.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(fresh.locator('#shell')).toHaveCount(0);
      await expect(fresh.locator('main')).toHaveCount(1);
      const app = await measure(fresh, 'body');
      for (let i = 0; i < parts.length; i++) {
        expect(app[i].text, parts[i]).toBe(shell[i].text);
        for (const k of ['x', 'y', 'w', 'h']) expect(Math.abs(app[i][k] - shell[i][k]), `${parts[i]} ${k}: shell ${shell[i][k]}, app ${app[i][k]}`).toBeLessThan(0.5);
      }
      await fresh.waitForTimeout(500);
      const shifts = await fresh.evaluate(() => window.__shifts);
      expect(shifts.reduce((a, b) => a + b.value, 0), JSON.stringify(shifts)).toBe(0);
    });
  });
}

test('other pages show only the header of the shell, the studio none of it', async ({ page, context }) => {
  await context.route(/\.wasm$/, (route) => route.abort());
  await page.goto('./#/scoring');
  await expect(page.locator('#shell header')).toBeVisible();
  await expect(page.locator('#shell main')).toBeHidden();
  await expect(page.locator('html')).toHaveAttribute('data-shell', 'header');
  await page.goto('about:blank');
  await page.goto('./#/review');
  await expect(page.locator('#shell')).toBeHidden();
  // The shell is inert: nothing in it takes the focus.
  await page.goto('about:blank');
  await page.goto('./');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement.closest('#shell') === null)).toBe(true);
});
