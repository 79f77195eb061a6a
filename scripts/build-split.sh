#!/usr/bin/env bash
# Code splitting of the main app (`elsa`) with wasm-split (issue 14 §1). `make dist` (and so
# `make serve`, `make test`, `make bench`) runs it right after `trunk build --release`.
# trunk 0.21 cannot split (trunk#1022): trunk builds a working unsplit app (the `split` feature is
# off there), and this replaces its elsa JS + wasm in dist/ by a split build:
#   cargo rustc --features split (link with --emit-relocs) → wasm-split-cli → wasm-bindgen
#   --keep-lld-exports → wasm-opt (-Os --converge, as trunk) on the main module and each chunk
# Cache safety: every name carries a content hash. The main JS, main wasm and loader are named
# after the hash of the relinked wasm (which determines all that follows); each chunk after its
# own bytes, and the loader is patched to fetch those names. index.html (meta tag, preloads,
# integrity) is rewritten. A cached old chunk can so never pair with a new main wasm.
#   Needs: wasm-split-cli (scripts/setup.sh installs it)
#   Usage: scripts/build-split.sh [--trunk]   (--trunk: run `trunk build --release` first)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH
t0=$(date +%s)
if [ "${1:-}" = --trunk ]; then
  trunk build --release
fi
t1=$(date +%s)
# The names trunk gave the unsplit main app, read from its meta tag.
old_js=$(grep -o 'data-js="[^"]*"' dist/index.html | sed 's/.*"\.\/\(.*\)\.js"/\1/')
old_wasm=$(grep -o 'data-wasm="[^"]*"' dist/index.html | sed 's/.*"\.\/\(.*\)"/\1/')
if [ -z "$old_js" ] || [ ! -f "dist/$old_js.js" ] || [ ! -f "dist/$old_wasm" ]; then
  echo "build-split: no unsplit main app in dist/index.html (run trunk build --release first)" >&2; exit 1
fi
command -v wasm-split-cli >/dev/null || { echo "build-split: wasm-split-cli is missing (run scripts/setup.sh)" >&2; exit 1; }

# 1. The main app again with the split points on, linked with its relocations kept (wasm-split
#    needs them). `cargo rustc` passes the flag to the final link only: dependencies are reused.
cargo rustc --quiet --release --target wasm32-unknown-unknown --no-default-features --features split --bin elsa -- -C link-arg=--emit-relocs
input=target/wasm32-unknown-unknown/release/elsa.wasm
t2=$(date +%s)
build=$(sha256sum "$input" | cut -c1-16)
name="elsa-$build"
out=target/split
rm -rf "$out" && mkdir -p "$out/split" "$out/bindgen" "$out/opt"
# 2. Split: the main module, one .wasm per split point (plus shared chunks), and __wasm_split.js.
wasm-split-cli "$input" "$out/split" --out-name "$name" --target web
t3=$(date +%s)
# 3. wasm-bindgen on the main module only; the lld exports stay (the chunks import them).
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript --out-name "$name" --out-dir "$out/bindgen" "$out/split/$name.wasm"
# 4. wasm-opt, as trunk does, on the main module and each chunk.
wasm-opt -Os --converge "$out/bindgen/${name}_bg.wasm" -o "$out/opt/${name}_bg.wasm"
cp "$out/bindgen/$name.js" "$out/opt/$name.js"
chunks=()
for f in "$out"/split/*.wasm; do
  b=$(basename "$f" .wasm)
  [ "$b" = "$name" ] && continue
  wasm-opt -Os --converge "$f" -o "$out/opt/$b.wasm"
  chunks+=("$b")
done
[ ${#chunks[@]} -gt 0 ] || { echo "build-split: wasm-split made no chunk (no split point with the split feature?)" >&2; exit 1; }
cp "$out/split/__wasm_split.js" "$out/opt/__wasm_split.js"
rm -f dist/__wasm_split*.js dist/split_*.wasm dist/chunk_*.wasm
# 5. Content-hashed names, the references patched, into dist/; trunk's unsplit files removed.
node - "$out/opt" "$name" "$old_js" "$old_wasm" "${chunks[@]}" <<'EOF'
const fs = require('fs'), crypto = require('crypto'), path = require('path');
const [dir, name, oldJs, oldWasm, ...chunks] = process.argv.slice(2);
const read = (f) => fs.readFileSync(path.join(dir, f));
const sha = (buf, alg = 'sha256', enc = 'hex') => crypto.createHash(alg).update(buf).digest(enc);
const replaceAll = (s, a, b, what) => { if (!s.includes(a)) throw new Error(`build-split: ${what}: no ${a}`); return s.split(a).join(b); };
let loader = read('__wasm_split.js').toString();
const renamed = [];
for (const c of chunks) {
  const to = `${c}-${sha(read(`${c}.wasm`)).slice(0, 16)}.wasm`;
  loader = replaceAll(loader, `"./${c}.wasm"`, `"./${to}"`, 'loader');
  fs.copyFileSync(path.join(dir, `${c}.wasm`), path.join('dist', to));
  renamed.push(to);
}
// The files the section pages need (their chunk and the shared chunks the loader lists for
// them), named in index.html's meta tag: a page opened on a section address preloads them with
// the main wasm (shell.js) instead of after it.
const sectionFiles = [];
for (const m of loader.matchAll(/\/\* ([a-z_, ]+) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
  if (m[1].split(', ').includes('assessment_page')) sectionFiles.push(m[2]);
}
const sectionMain = renamed.find((f) => f.startsWith('split_assessment_page-'));
if (!sectionMain) throw new Error('build-split: no split_assessment_page chunk');
sectionFiles.unshift(sectionMain);
const loaderName = `__wasm_split-${name.slice('elsa-'.length)}.js`;
fs.writeFileSync(path.join('dist', loaderName), loader);
// The main JS imports the loader as an ES module; the wasm's own import module name
// ("./__wasm_split.js", the keys of its imports object) stays as it is.
let js = read(`${name}.js`).toString();
const importRe = /^(import \* as \w+ from )"\.\/__wasm_split\.js"/gm;
if (!importRe.test(js)) throw new Error('build-split: the main JS does not import ./__wasm_split.js');
js = js.replace(importRe, `$1"./${loaderName}"`);
fs.writeFileSync(path.join('dist', `${name}.js`), js);
fs.copyFileSync(path.join(dir, `${name}_bg.wasm`), path.join('dist', `${name}_bg.wasm`));
for (const f of [`${oldJs}.js`, oldWasm]) if (f !== `${name}.js` && f !== `${name}_bg.wasm`) fs.rmSync(path.join('dist', f), { force: true });
// index.html: the meta tag and the preloads name the new files, with their integrity.
let html = fs.readFileSync('dist/index.html', 'utf8');
html = replaceAll(html, `./${oldJs}.js"`, `./${name}.js"`, 'index.html');
html = replaceAll(html, `./${oldWasm}"`, `./${name}_bg.wasm"`, 'index.html');
for (const f of [`${name}.js`, `${name}_bg.wasm`]) {
  const sri = 'sha384-' + sha(fs.readFileSync(path.join('dist', f)), 'sha384', 'base64');
  const re = new RegExp('(href="\\./' + f.replace(/[.]/g, '\\.') + '"[^>]*integrity=")[^"]*');
  if (!re.test(html)) throw new Error(`build-split: no integrity for ${f} in index.html`);
  html = html.replace(re, '$1' + sri);
}
// The loader is a static import of the main JS: preload it too, so that a slow link does not
// pay one more round trip before the wasm can start (issue 17).
const mainPreload = new RegExp('<link rel="modulepreload" href="\\./' + name + '\\.js"[^>]*>');
if (!mainPreload.test(html)) throw new Error('build-split: no modulepreload of the main JS in index.html');
const loaderSri = 'sha384-' + sha(fs.readFileSync(path.join('dist', loaderName)), 'sha384', 'base64');
html = html.replace(mainPreload, (m) => `${m}<link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous" integrity="${loaderSri}">`);
html = replaceAll(html, `data-wasm="./${name}_bg.wasm"`, `data-wasm="./${name}_bg.wasm" data-section-chunks="${sectionFiles.map((f) => `./${f}`).join(' ')}"`, 'index.html meta');
fs.writeFileSync('dist/index.html', html);
console.log(`build-split: ${name}.js + ${name}_bg.wasm, loader ${loaderName}, chunks ${renamed.join(' ')}`);
EOF
t4=$(date +%s)
echo "build-split: times: ${1:+trunk $((t1-t0)) s, }relink $((t2-t1)) s, split $((t3-t2)) s, bindgen+opt+rename $((t4-t3)) s"
