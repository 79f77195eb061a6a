#!/usr/bin/env bash
# PROTOTYPE (issue 14 §1): code splitting of the main app (`elsa`) with wasm-split.
# trunk 0.21 cannot split (trunk#1022), so this runs after `trunk build --release` and replaces
# trunk's elsa JS + wasm in dist/ by a split build:
#   cargo rustc (link with --emit-relocs) → wasm-split-cli → wasm-bindgen --keep-lld-exports → wasm-opt
# and adds the chunks and their loader (__wasm_split.js) beside them. Then the service worker
# list and the size check are made again.
#   Needs: wasm-split-cli (cargo install --locked wasm_split_cli_support@0.2.4 --features build-binary)
#   Usage: scripts/build-split.sh [--no-trunk]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH
t0=$(date +%s)
if [ "${1:-}" != --no-trunk ]; then
  trunk build --release
fi
t1=$(date +%s)
# The name trunk gave the main app (content-hashed), read from its meta tag.
js=$(grep -o 'data-js="[^"]*"' dist/index.html | sed 's/.*"\.\/\(.*\)\.js"/\1/')
wasm=$(grep -o 'data-wasm="[^"]*"' dist/index.html | sed 's/.*"\.\/\(.*\)"/\1/')
[ -n "$js" ] && [ -f "dist/$js.js" ] && [ -f "dist/$wasm" ] || { echo "build-split: no main app in dist/index.html" >&2; exit 1; }
echo "build-split: main app $js.js + $wasm"

# 1. The main app again, linked with its relocations kept (wasm-split needs them). `cargo rustc`
#    passes the flag to the final link only: the dependencies are not rebuilt.
cargo rustc --release --target wasm32-unknown-unknown --no-default-features --features split --bin elsa -- -C link-arg=--emit-relocs
t2=$(date +%s)
out=target/split
rm -rf "$out" && mkdir -p "$out/split" "$out/bindgen"
# 2. Split: the main module, one .wasm per split point (and shared chunks), and __wasm_split.js.
wasm-split-cli target/wasm32-unknown-unknown/release/elsa.wasm "$out/split" --out-name "$js" --target web
t3=$(date +%s)
# 3. wasm-bindgen on the main module only; the lld exports stay (the chunks import them).
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript --out-name "$js" --out-dir "$out/bindgen" "$out/split/$js.wasm"
# 4. wasm-opt, as trunk does (-Os --converge), on the main module and each chunk.
wasm-opt -Os --converge "$out/bindgen/${js}_bg.wasm" -o "dist/$wasm"
cp "$out/bindgen/$js.js" "dist/$js.js"
for f in "$out"/split/*.wasm; do
  b=$(basename "$f")
  [ "$b" = "$js.wasm" ] && continue
  wasm-opt -Os --converge "$f" -o "dist/$b"
done
cp "$out/split/__wasm_split.js" dist/
# trunk's index.html pins both files with subresource integrity: pin the new ones.
node -e '
  const fs = require("fs"), crypto = require("crypto");
  let html = fs.readFileSync("dist/index.html", "utf8");
  for (const f of process.argv.slice(1)) {
    const sri = "sha384-" + crypto.createHash("sha384").update(fs.readFileSync("dist/" + f)).digest("base64");
    const re = new RegExp("(href=\"\\./" + f.replace(/[.]/g, "\\.") + "\"[^>]*integrity=\")[^\"]*");
    if (!re.test(html)) throw new Error("no integrity for " + f);
    html = html.replace(re, "$1" + sri);
  }
  fs.writeFileSync("dist/index.html", html);
' "$js.js" "$wasm"
t4=$(date +%s)
echo "build-split: chunks: $(cd "$out/split" && ls *.wasm | grep -v "^$js.wasm$" | tr '\n' ' ')"
echo "build-split: times: trunk $((t1-t0)) s, relink $((t2-t1)) s, split $((t3-t2)) s, bindgen+opt $((t4-t3)) s"
node scripts/gen-sw.mjs dist
node scripts/check-sizes.mjs dist || true
