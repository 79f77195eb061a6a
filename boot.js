// Starts the wasm (a file, not inline, for the CSP): the main app, or the studio (review, workshop, compare; a separate wasm so that it costs the first page load nothing) on its own addresses, registers the service worker, shows the new-version notice, unfolds details for printing. See ARCHITECTURE.md.
const meta = document.querySelector('meta[name="wasm-app"]');
// The few texts of this file in the interface language (the same choice as src/ui/lang.rs: the
// user's earlier choice, else the browser's first language the tool has).
const dutch = (() => {
  try { const c = localStorage.getItem('elsa.v1.lang'); if (c) return c === 'nl'; } catch (e) { /* storage blocked */ }
  const first = (navigator.languages || [navigator.language || '']).map((l) => l.toLowerCase().split(/[-_]/)[0]).find((l) => l === 'en' || l === 'nl');
  return first === 'nl';
})();
const say = (en, nl) => (dutch ? nl : en);
const fail = (msg) => {
  const el = document.getElementById('boot-error');
  if (el) { el.hidden = false; el.textContent = msg; }
};
if (!meta) {
  fail(say('The app could not start: its loader is missing from this page.', 'De app kon niet starten: het laadscript ontbreekt op deze pagina.'));
} else {
  // Generated from route::STUDIO_PATHS (route::studio_regex; a test checks that they agree).
  const isStudio = (h) => /^#\/(review|workshop|compare|educators)(\/|$)/.test(h);
  const studio = isStudio(location.hash);
  const canSave = () => { try { localStorage.setItem('elsa.v1.probe', '1'); localStorage.removeItem('elsa.v1.probe'); return true; } catch (e) { return false; } };
  addEventListener('hashchange', (e) => {
    if (isStudio(location.hash) === studio) return;
    // Work kept in memory only (storage blocked) must not be reloaded away: the other app opens
    // in a new tab, which reads that work from this one (window.elsaMemory, see src/ui/state.rs).
    if (!canSave()) { open(location.href, '_blank'); history.replaceState(null, '', e.oldURL); return; }
    location.reload();
  });
  import(studio ? './studio.js' : meta.dataset.js)
    .then((m) => m.default({ module_or_path: studio ? './studio_bg.wasm' : meta.dataset.wasm }))
    .catch((e) => fail(say('The app could not start in this browser: ', 'De app kon niet starten in deze browser: ') + e));
}

let opened = [];
addEventListener('beforeprint', () => {
  const closed = [...document.querySelectorAll('details:not([open])')];
  closed.forEach((d) => { d.open = true; });
  opened.push(...closed);
});
addEventListener('afterprint', () => { opened.forEach((d) => { d.open = false; }); opened = []; });

const showUpdate = (reg) => {
  if (document.getElementById('update-banner')) return;
  const bar = document.createElement('div');
  bar.id = 'update-banner';
  bar.className = 'update-banner';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = say('A new version of this tool is ready. Your answers are kept. ', 'Er is een nieuwe versie van deze tool. Je antwoorden blijven bewaard. ');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button primary';
  button.textContent = say('Reload to update', 'Opnieuw laden');
  button.addEventListener('click', () => {
    button.disabled = true;
    if (reg.waiting) reg.waiting.postMessage('elsa-skip-waiting');
  });
  bar.append(text, button);
  document.body.prepend(bar);
};

if ('serviceWorker' in navigator && meta) {
  let controlled = Boolean(navigator.serviceWorker.controller);
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const first = !controlled;
    controlled = true;
    if (first || reloading) return;
    reloading = true;
    location.reload();
  });
  const register = () => navigator.serviceWorker.register('./sw.js').then((reg) => {
    const watch = (worker) => worker && worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) showUpdate(reg);
    });
    if (reg.waiting && navigator.serviceWorker.controller) showUpdate(reg);
    watch(reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
    setInterval(() => { reg.update().catch(() => {}); }, 60 * 60 * 1000);
  }).catch(() => {});
  // Register (and so start precaching this build: the report worker, the questionnaires, the
  // studio, the chunks) only once the page's own first requests are done: after the load event,
  // once the app has replaced the static shell (it is interactive), and when the browser is idle.
  // On a slow link the precache would otherwise share the line with the wasm and the first
  // questionnaire (issue 17). If the app never starts, the shell stays: register after 10 s.
  const loaded = new Promise((r) => { if (document.readyState === 'complete') r(); else addEventListener('load', r); });
  const mounted = new Promise((r) => {
    if (!document.getElementById('shell')) { r(); return; }
    const watch = new MutationObserver(() => { if (!document.getElementById('shell')) { watch.disconnect(); r(); } });
    watch.observe(document.body, { childList: true, subtree: true });
    setTimeout(r, 10000);
  });
  const idle = () => new Promise((r) => { if ('requestIdleCallback' in window) requestIdleCallback(r, { timeout: 3000 }); else setTimeout(r, 500); });
  Promise.all([loaded, mounted]).then(idle).then(register);
}
