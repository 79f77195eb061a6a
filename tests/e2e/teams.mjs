// Team files for the review, workshop and compare tests, written the way the app writes them
// (file format 3), plus independent oracles: the workshop's disagreement order, the sign-off
// fingerprint, and a CSV reader.
import { createHash } from 'node:crypto';
import { optionsOf, isChoice } from './support.mjs';

const FIELDS = ['project_name', 'organisation', 'assessors', 'intended_use', 'intended_users', 'clinical_setting', 'target_population', 'data_sources'];

/**
 * A team's answers to every question of `q`. Choice questions follow a pattern by question
 * index `k`, so that the questions split the teams in different ways:
 *   k % 5 == 0: all teams agree;      k % 5 == 1: two halves (team % 2);
 *   k % 5 == 2: three ways (team % 3); k % 5 == 3: one team differs (team 0);
 *   k % 5 == 4: team 1 says "Don't know" (when offered), the rest agree.
 * Multiple-choice answers are ticked in a different order by odd teams (same answer).
 */
export function teamAssessment(q, team, { id = `team-${team}`, project = 'Sepsis early warning', change = () => {} } = {}) {
  const metadata = Object.fromEntries(FIELDS.map((f) => [f, '']));
  const responses = {};
  let k = 0;
  for (const s of q.sections) {
    for (const x of s.questions) {
      const t = x.kind.type;
      if (t === 'profile') {
        metadata[x.kind.field] = x.kind.field === 'assessors' ? `Team ${team + 1}` : x.kind.field === 'project_name' ? project : `Text for ${x.kind.field}`;
        continue;
      }
      if (t === 'date') { responses[x.id] = { answer: { type: 'date', value: '2026-10-01' } }; continue; }
      if (!isChoice(x)) { responses[x.id] = { answer: { type: 'text', value: `Team ${team + 1} wrote about ${x.id}` } }; continue; }
      const opts = optionsOf(x).map((o) => o.id);
      let pick;
      switch (k % 5) {
        case 0: pick = 0; break;
        case 1: pick = team % 2; break;
        case 2: pick = team % 3; break;
        case 3: pick = team === 0 ? 1 : 0; break;
        // "Don't know" is offered on every choice question outside the project profile.
        default: pick = (team === 1 && s.dimension !== 'profile') ? 'dk' : 0;
      }
      k++;
      if (pick === 'dk') responses[x.id] = { answer: { type: 'dont_know' } };
      else if (t === 'multi_choice') {
        const ids = [opts[pick % opts.length], opts[(pick + 1) % opts.length]].filter((v, i, a) => a.indexOf(v) === i);
        responses[x.id] = { answer: { type: 'choices', ids: team % 2 ? ids.reverse() : ids } };
      } else responses[x.id] = { answer: { type: 'choice', id: opts[pick % opts.length] } };
    }
  }
  const a = {
    id, questionnaire_id: q.id, questionnaire_version: q.version,
    created: '2026-11-01T09:00:00.000Z', modified: `2026-11-0${1 + (team % 9)}T10:00:00.000Z`,
    metadata, responses,
  };
  change(a);
  return a;
}

/** The exported file of an assessment, as a Buffer: format 3, or 4 when it has an action plan. */
export function fileOf(a) {
  const four = Array.isArray(a.actions);
  const stored = {
    format: 'elsa-assessment', format_version: four ? 4 : 3, tool_version: four ? '0.4.0' : '0.3.0',
    questionnaire: { id: a.questionnaire_id, version: a.questionnaire_version }, assessment: a,
  };
  return Buffer.from(JSON.stringify(stored, null, 2));
}

/** The workshop's disagreement order, computed independently: question ids, most split first. */
export function expectedSplits(q, teams) {
  const out = [];
  for (const s of q.sections) for (const x of s.questions) {
    if (!isChoice(x)) continue;
    const groups = new Map();
    teams.forEach((a, t) => {
      const ans = a.responses[x.id]?.answer;
      if (!ans) return;
      const key = ans.type === 'choice' ? ans.id : ans.type === 'choices' ? [...new Set(ans.ids)].sort().join('+') : ans.type;
      groups.set(key, [...(groups.get(key) || []), t]);
    });
    const answered = [...groups.values()].reduce((n, g) => n + g.length, 0);
    if (!answered) continue;
    const top = Math.max(...[...groups.values()].map((g) => g.length));
    out.push({ id: x.id, disagreement: 1 - top / answered, groups });
  }
  // Stable sort, most disagreement first.
  return out.map((o, i) => [o, i]).sort((a, b) => (b[0].disagreement - a[0].disagreement) || (a[1] - b[1])).map(([o]) => o);
}

/** The sign-off fingerprint, computed independently from the documented canonical form. */
export function expectedFingerprint(a) {
  const canonAnswer = (x) => x.type === 'choices' ? { type: 'choices', ids: [...new Set(x.ids)].sort() } : x;
  const responses = {};
  for (const id of Object.keys(a.responses).sort()) {
    const r = a.responses[id];
    if (!r.answer && !r.note) continue;
    const out = {};
    if (r.answer) out.answer = canonAnswer(r.answer);
    if (r.note) out.note = r.note;
    responses[id] = out;
  }
  const metadata = Object.fromEntries(FIELDS.map((f) => [f, a.metadata[f] ?? '']));
  const text = JSON.stringify({ questionnaire_id: a.questionnaire_id, questionnaire_version: a.questionnaire_version, metadata, responses });
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** RFC 4180 CSV (CRLF, quoted fields) → rows of cells; a leading BOM is checked and dropped. */
export function parseCsv(text) {
  if (text.charCodeAt(0) !== 0xfeff) throw new Error('the CSV has no UTF-8 byte-order mark');
  const s = text.slice(1);
  const rows = [[]];
  let cell = '', quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows[rows.length - 1].push(cell); cell = ''; }
    else if (c === '\r' && s[i + 1] === '\n') { rows[rows.length - 1].push(cell); cell = ''; rows.push([]); i++; }
    else cell += c;
  }
  if (cell !== '' || rows[rows.length - 1].length) rows[rows.length - 1].push(cell);
  if (rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** Click a button and save the file it downloads: { name, path, bytes }. */
export async function download(page, buttonName) {
  const { mkdtempSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: buttonName }).click();
  const d = await pending;
  const path = join(mkdtempSync(join(tmpdir(), 'elsa-e2e-')), d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path, bytes: readFileSync(path) };
}

/** An action of the plan as the app stores it (file format 4). */
export function planAction(id, title, { owner = '', due = null, priority = 'medium', status = 'open', source = 'free', questions = [], description = '' } = {}) {
  return {
    id, title, description, owner, due, priority, status, evidence: '', source, questions, duties: [], review_comment: null,
    created: '2026-11-20T09:00:00.000Z', modified: '2026-11-20T09:00:00.000Z',
  };
}
