// Marks the page for index.html's static shell (issue 17) before anything is painted (a classic
// script in the head: the body is not parsed, let alone painted, until it has run):
// `<html lang>` is the interface language — the same choice as src/ui/lang.rs and boot.js: the
// stored one, else the browser's first language the tool has — and `data-shell` says what of the
// shell this page shows: all of it on the home page, the header on the team's other pages,
// nothing on the studio's (they draw their own header). main.css does the rest; the app removes
// the shell when it mounts (src/ui/mod.rs).
(() => {
  const root = document.documentElement;
  let dutch;
  try { const c = localStorage.getItem('elsa.v1.lang'); if (c === 'nl' || c === 'en') dutch = c === 'nl'; } catch (e) { /* storage blocked */ }
  if (dutch === undefined) {
    const first = (navigator.languages || [navigator.language || '']).map((l) => l.toLowerCase().split(/[-_]/)[0]).find((l) => l === 'en' || l === 'nl');
    dutch = first === 'nl';
  }
  if (dutch) {
    root.lang = 'nl';
    // The app needs the Dutch texts before it mounts: fetch them with the wasm, not after it (one
    // round trip less on a slow link; the app's own fetch then takes this response).
    const texts = document.createElement('link');
    texts.rel = 'preload';
    texts.as = 'fetch';
    texts.crossOrigin = 'anonymous';
    texts.href = './i18n/nl.json';
    document.head.appendChild(texts);
  }
  const hash = location.hash;
  // Opened on a section page (#/a/ID or #/a/ID/s/SECTION): fetch its wasm chunks with the main
  // wasm, not after it (scripts/build-split.sh names them in the meta tag).
  const app = document.querySelector('meta[name="wasm-app"]');
  if (app && app.dataset.sectionChunks && /^#\/a\/[^/]+(\/s\/[^/]+)?\/?$/.test(hash)) {
    for (const href of app.dataset.sectionChunks.split(' ')) {
      const chunk = document.createElement('link');
      chunk.rel = 'preload';
      chunk.as = 'fetch';
      chunk.crossOrigin = 'anonymous';
      chunk.href = href;
      document.head.appendChild(chunk);
    }
  }
  root.dataset.shell = /^#\/(review|workshop|compare|educators)(\/|$)/.test(hash) ? 'none' : ['', '#', '#/'].includes(hash) ? 'home' : 'header';
})();
