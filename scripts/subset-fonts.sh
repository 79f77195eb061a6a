#!/usr/bin/env bash
# The report worker's fonts (issue 17): DejaVu Sans and DejaVu Sans Bold cut down to the
# characters reports use and ordinary user text needs, written next to the full files:
#   assets/fonts/DejaVuSans.subset.ttf, assets/fonts/DejaVuSans-Bold.subset.ttf
#   assets/fonts/DejaVuSans.coverage (the characters the full regular font has, as hex ranges)
# The results are committed: a build needs no Python. Run this again only to change the ranges
# (the test `fonts::the_subset_covers_every_text_of_the_tool` says when a text needs more).
# A report with a character outside the subset that the full font has is made with the full
# fonts, which the worker then fetches (assets copied to dist/fonts/).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import fontTools' 2>/dev/null; then
  python3 -m venv .venv-fonts
  .venv-fonts/bin/pip install --quiet 'fonttools==4.68.0'
  PY=.venv-fonts/bin/python
else
  PY=python3
fi
# Basic Latin, Latin-1 and Latin Extended-A/B, spacing modifiers and combining diacritics (for
# text typed in decomposed form), Greek, Cyrillic, general punctuation, currency, arrows; of the
# letterlike symbols, number forms and math operators those our texts or ordinary notes use
# (№ ™ ⅓ ⅔ − ∕ √ ∞ ≈ ≠ ≡ ≤ ≥); squares, triangles and circles (■ □ ▲ ▼ ○ ●), ballot boxes and
# check marks (☐ ☑ ☒ ✓ ✔ ✗ ✘), and the replacement character. Leaving out Latin Extended
# Additional, the rest of the math operators and the other symbols saves about 60 KB of the
# worker (brotli); a report that needs them is made with the full fonts.
RANGES="U+0020-007E,U+00A0-024F,U+02B0-02FF,U+0300-036F,U+0370-03FF,U+0400-04FF,U+2000-206F,U+20A0-20CF,U+2116,U+2122,U+2150-215F,U+2190-21FF,U+2212,U+2215,U+2219,U+221A,U+221E,U+2248,U+2260,U+2261,U+2264,U+2265,U+25A0-25A1,U+25B2-25BC,U+25CB,U+25CF,U+2610-2612,U+2713-2718,U+FFFD"
for face in DejaVuSans DejaVuSans-Bold; do
  "$PY" -m fontTools.subset "assets/fonts/$face.ttf" --unicodes="$RANGES" \
    --output-file="assets/fonts/$face.subset.ttf" --layout-features='' --no-hinting \
    --name-IDs='*' --name-languages='*' --drop-tables+=FFTM 2>&1 | grep -v 'FFTM NOT subset' || true
done
# The characters a face has, as hex ranges one a line, after a header line:
#   coverage FONT OUT "WHAT" writes "# The characters WHAT, as hex ranges; ..." and the ranges.
coverage() {
  "$PY" - "$1" "$2" "$3" <<'PY'
import sys
from fontTools.ttLib import TTFont
font, out, what = sys.argv[1:4]
cps = sorted(TTFont(font).getBestCmap())
ranges, start, prev = [], cps[0], cps[0]
for c in cps[1:]:
    if c != prev + 1:
        ranges.append((start, prev)); start = c
    prev = c
ranges.append((start, prev))
with open(out, 'w') as f:
    f.write(f'# The characters {what}, as hex ranges; made by scripts/subset-fonts.sh\n')
    f.write('\n'.join(f'{a:X}-{b:X}' for a, b in ranges) + '\n')
PY
}
coverage assets/fonts/DejaVuSans.ttf assets/fonts/DejaVuSans.coverage \
  'DejaVu Sans 2.37 (assets/fonts/DejaVuSans.ttf) has'
# The fallback face for Chinese, Japanese and Korean (issue 19): Droid Sans Fallback 6.0.1
# (Apache 2.0, from Debian's fonts-droid-fallback), with only the CJK blocks kept and no
# hinting or layout tables: 3.3 MB, about 1.3 MB brotli. The page fetches it only for a
# report with such characters; the PDF embeds only the glyphs it uses. It is TrueType (glyf),
# which our PDF writer embeds; the Noto CJK faces are CFF and are not.
CJK="U+2E80-2FDF,U+3000-30FF,U+3100-312F,U+3130-318F,U+31F0-31FF,U+3200-33FF,U+3400-4DBF,U+4E00-9FFF,U+AC00-D7AF,U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF"
if [ ! -f assets/fonts/DroidSansFallback.ttf ] || [ "${REMAKE_FALLBACK:-}" = 1 ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get download fonts-droid-fallback=1:6.0.1r16-1.1 && dpkg-deb -x ./*.deb x)
  "$PY" -m fontTools.subset "$tmp/x/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf" \
    --unicodes="$CJK" --no-hinting --layout-features='' \
    --drop-tables+=GSUB,GPOS,GDEF,vhea,vmtx,gasp --name-IDs='*' --name-languages='*' \
    --output-file=assets/fonts/DroidSansFallback.ttf
  rm -rf "$tmp"
fi
coverage assets/fonts/DroidSansFallback.ttf assets/fonts/DroidSansFallback.coverage \
  'of the fallback face (assets/fonts/DroidSansFallback.ttf, CJK)'
ls -l assets/fonts/
