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
