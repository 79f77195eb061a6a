// Starts the app's wasm. Kept as a file (not inline) so that the Content-Security-Policy needs no
// 'unsafe-inline'. Trunk writes the module paths into <meta name="wasm-app">.
const meta = document.querySelector('meta[name="wasm-app"]');
const fail = (msg) => {
  const el = document.getElementById('boot-error');
  if (el) { el.hidden = false; el.textContent = msg; }
};
if (!meta) {
  fail('The app could not start: its loader is missing from this page.');
} else {
  import(meta.dataset.js)
    .then((m) => m.default({ module_or_path: meta.dataset.wasm }))
    .catch((e) => fail('The app could not start in this browser: ' + e));
}

// Printing the results: show the folded-away details ("What drove the score") on paper.
let opened = [];
addEventListener('beforeprint', () => {
  const closed = [...document.querySelectorAll('details:not([open])')];
  closed.forEach((d) => { d.open = true; });
  opened.push(...closed);
});
addEventListener('afterprint', () => { opened.forEach((d) => { d.open = false; }); opened = []; });

// Offline use: the service worker (sw.js, made by `make dist`) caches this build on the first
// visit. It is registered after the page has loaded, so it never slows the first load down.
// A new build waits until the user says so; then every open tab reloads onto it together, so
// no page ever runs with files of two builds.
const showUpdate = (reg) => {
  if (document.getElementById('update-banner')) return;
  const bar = document.createElement('div');
  bar.id = 'update-banner';
  bar.className = 'update-banner';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'A new version of this tool is ready. Your answers are kept. ';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button primary';
  button.textContent = 'Reload to update';
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
    // The first install takes control of a page that already runs this build: no reload.
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
    // Long-open tabs look for a new build now and then (a same-origin request for sw.js only).
    setInterval(() => { reg.update().catch(() => {}); }, 60 * 60 * 1000);
  }).catch(() => { /* no sw.js (trunk serve) or not allowed: the app works online as before */ });
  if (document.readyState === 'complete') register(); else addEventListener('load', register);
}
