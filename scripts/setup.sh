#!/usr/bin/env bash
# Installs what building and testing need, and nothing that is already there (idempotent).
#   scripts/setup.sh build   — the wasm target, trunk, wasm-bindgen-cli, wasm-split-cli, npm packages (wasm-opt)
#   scripts/setup.sh test    — the above, plus Debian's chromium and poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-build}
TRUNK_VERSION=0.21.14
# wasm-split-cli (the code splitting of the main app, scripts/build-split.sh); it has no --version,
# so `cargo install --list` tells which version is installed.
WASM_SPLIT_VERSION=0.2.4
say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# 1. The wasm32 target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. trunk, at the version that builds with this rustc.
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen-cli at exactly the version in Cargo.lock (installed without --locked: with it
#    the install fails on these machines).
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ -z "$WB_VERSION" ]; then echo "setup: no wasm-bindgen in Cargo.lock" >&2; exit 1; fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 2 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# 3b. wasm-split-cli at its pinned version (crate wasm_split_cli_support, binary wasm-split-cli).
if ! { command -v wasm-split-cli >/dev/null 2>&1 \
       && cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; }; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2–3 minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi

# 4. npm packages: binaryen's wasm-opt (Debian's wasm-opt corrupts the wasm), Playwright, axe.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

# 5. For the tests: Debian's chromium and poppler-utils (pdftotext, pdffonts).
if [ "$want" = test ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
fi
say "all tools present"
