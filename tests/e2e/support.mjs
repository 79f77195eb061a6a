// Page objects and helpers for the end-to-end tests. Locators go by role and label; the
// questionnaire file tells the tests what the questions and options say.
import { expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';

const load = (f) => JSON.parse(readFileSync(new URL(`../../questionnaires/${f}`, import.meta.url), 'utf8'));
/** The quick scan (about 25 questions) and the full questionnaire. */
export const quick = load('elsa-quick-scan.json');
export const full = load('elsa-health-ai.json');
export const en = (t) => (t && t.en) || '';
export const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function findQuestion(q, id) {
  for (const s of q.sections) for (const x of s.questions) if (x.id === id) return { section: s, question: x };
  return null;
}

/** The options of a choice-like question as [{id, label, concern}], yes/no included. */
export function optionsOf(question) {
  const k = question.kind;
  if (k.type === 'yes_no') return [
    { id: 'yes', label: 'Yes', concern: k.yes?.concern ?? 0 },
    { id: 'no', label: 'No', concern: k.no?.concern ?? 0 },
  ];
  const list = k.options || k.points || [];
  return list.map((o) => ({ id: o.id, label: en(o.label), concern: o.concern ?? 0 }));
}

export const isChoice = (question) => ['single_choice', 'multi_choice', 'scale', 'yes_no'].includes(question.kind.type);

/**
 * An independent reading of the documented scoring rules, used as the test oracle:
 * concern / max over answered visible choice questions of scored sections, don't know = max,
 * N/A left out, overall = weighted mean of section scores.
 */
export function expectedScores(q, picks) {
  const sections = [];
  for (const s of q.sections) {
    if (s.dimension === 'profile' || s.dimension === 'triage') continue;
    let num = 0, den = 0, n = 0;
    for (const x of s.questions) {
      const p = picks[x.id];
      if (!p || !isChoice(x) || p === 'na') continue;
      const opts = optionsOf(x);
      const max = Math.max(...opts.map((o) => o.concern));
      const c = p === 'dk' ? max : Math.max(...opts.filter((o) => p.includes(o.id)).map((o) => o.concern));
      num += c; den += max; n += 1;
    }
    sections.push({ id: s.id, title: en(s.title), weight: s.weight ?? 1, score: n ? (den ? (100 * num) / den : 0) : null });
  }
  const scored = sections.filter((s) => s.score !== null);
  const wsum = scored.reduce((a, s) => a + s.weight, 0);
  const overall = scored.length ? scored.reduce((a, s) => a + s.score * s.weight, 0) / wsum : null;
  return { sections, overall };
}

export class Home {
  constructor(page) { this.page = page; }
  async goto() {
    await this.page.goto('./');
    await expect(this.page.getByRole('heading', { level: 1, name: 'ELSA self-assessment for AI in healthcare' })).toBeVisible();
    await expect(this.page.locator('#shell'), 'the app replaced the static shell').toHaveCount(0);
  }
  async start(q = quick) {
    await this.page.getByRole('button', { name: `Start: ${en(q.title)}` }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: en(q.sections[0].title) })).toBeVisible();
  }
  savedRow(name) { return this.page.getByRole('row', { name: new RegExp(esc(name)) }); }
}

export class Assessment {
  constructor(page, q = quick) { this.page = page; this.q = q; }
  group(id) {
    const { question } = findQuestion(this.q, id);
    return this.page.getByRole('group', { name: new RegExp('^\\d+\\. ' + esc(en(question.text))) });
  }
  textbox(id) {
    const { question } = findQuestion(this.q, id);
    return this.page.getByLabel(new RegExp('^\\d+\\. ' + esc(en(question.text))));
  }
  async choose(id, optionId) {
    const { question } = findQuestion(this.q, id);
    const label = optionsOf(question).find((o) => o.id === optionId).label;
    const role = question.kind.type === 'multi_choice' ? 'checkbox' : 'radio';
    await this.group(id).getByRole(role, { name: label, exact: true }).check();
  }
  async dontKnow(id) {
    const { question } = findQuestion(this.q, id);
    const role = question.kind.type === 'multi_choice' ? 'checkbox' : 'radio';
    await this.group(id).getByRole(role, { name: "Don't know", exact: true }).check();
  }
  async notApplicable(id, why) {
    const { question } = findQuestion(this.q, id);
    const role = question.kind.type === 'multi_choice' ? 'checkbox' : 'radio';
    await this.group(id).getByRole(role, { name: 'Not applicable', exact: true }).check();
    await this.group(id).getByLabel(/Why does this question not apply/).fill(why);
  }
  async note(id, text) {
    const container = this.page.locator(`#q-${id}`);
    const field = container.getByLabel('Note', { exact: true });
    if (!(await field.isVisible())) await container.getByRole('button', { name: /Add a note|Show note/ }).click();
    await field.fill(text);
  }
  /** Ids of the questions shown in the current section, in order. */
  async visibleIds() {
    return this.page.locator('.section-body .question').evaluateAll((els) => els.map((e) => e.id.replace(/^q-/, '')));
  }
  async next() {
    await this.page.getByRole('link', { name: /^Next: |See the results/ }).click();
  }
  sectionHeading() { return this.page.getByRole('heading', { level: 1 }); }
  /** Go to a section through the section navigation. */
  async gotoSection(title) {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: new RegExp('^' + esc(title)) }).click();
    await expect(this.sectionHeading()).toHaveText(title);
  }
}

/** Collect every request a page makes. */
export function recordRequests(page) {
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), type: r.resourceType() }));
  return requests;
}

/** Every request must be a same-origin GET of a static file of the app. */
export function expectOnlyStaticSameOrigin(requests, baseURL) {
  const origin = new URL(baseURL).origin;
  const bad = requests.filter((r) => {
    if (r.url.startsWith('blob:') || r.url.startsWith('data:')) return false;
    const u = new URL(r.url);
    const staticFile = u.pathname === "/" || /\.(html|js|wasm|css|svg|json|bin|png|ico|ttf|txt)$/.test(u.pathname);
    return u.origin !== origin || r.method !== 'GET' || !staticFile;
  });
  expect(bad, `requests that are not same-origin static GETs: ${JSON.stringify(bad)}`).toEqual([]);
}

/** Every key of the app in localStorage, with its text. */
export async function storageSnapshot(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('elsa.')).sort().map((k) => [k, localStorage.getItem(k)])));
}

/** Pick a file in the import control. */
export async function importFile(page, name, buffer, mimeType = 'application/octet-stream') {
  await page.getByLabel('Choose a file to import (.json or .pdf)').setInputFiles({ name, mimeType, buffer: Buffer.from(buffer) });
}

/** A valid one-page PDF that was not made by this tool (so it carries no answers). */
export function plainPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A 1×1 PNG image. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Answer every visible question of every section of the quick scan (a spread of options), then open the results. */
export async function answerEverything(page, q = quick) {
  const a = new Assessment(page, q);
  for (let s = 0; s < q.sections.length; s++) {
    await expect(a.sectionHeading()).toHaveText(en(q.sections[s].title));
    for (let i = 0; ; i++) {
      const ids = await a.visibleIds();
      if (i >= ids.length) break;
      const { question } = findQuestion(q, ids[i]);
      const tb = question.kind.type;
      if (tb === 'profile' || tb === 'short_text' || tb === 'long_text') await a.textbox(ids[i]).fill(`Answer to ${ids[i]}`);
      else if (tb === 'date') await a.textbox(ids[i]).fill('2026-10-01');
      else {
        const opts = optionsOf(question);
        await a.choose(ids[i], opts[Math.floor(opts.length / 2)].id);
      }
    }
    await a.next();
  }
  await expect(page.getByRole('heading', { level: 1, name: /^Results: / })).toBeVisible();
}

const nlDir = new URL('../../i18n/nl/', import.meta.url);
const NL = Object.assign({}, ...readdirSync(nlDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, nlDir), 'utf8'))));
/** The Dutch of an interface text (from the catalogue files), with {0}, {1}… filled; fails the test when there is none. */
export function nl(english, ...args) {
  const text = NL[english];
  if (text === undefined) throw new Error(`no Dutch text for "${english}" in i18n/nl/`);
  return text.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
}
