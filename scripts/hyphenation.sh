#!/usr/bin/env bash
# The hyphenation patterns of the report's layout (issue 19), as plain UTF-8 text, one Liang
# pattern a line, in assets/hyph/hyph-{nl,en}.txt (committed: a build needs none of this).
# From Debian's hyphen-nl (OpenTaal; BSD-2-clause or CC-BY-3.0) and hyphen-en-us (BSD-style),
# the LibreOffice dictionaries. The page fetches a language's file only for a report with a
# word wider than its line (gen-bundle copies them to dist/hyph/).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
(cd "$tmp" && apt-get download hyphen-nl hyphen-en-us && for d in ./*.deb; do dpkg-deb -x "$d" x; done)
TMP="$tmp" python3 - <<'PY'
import os, re
tmp = os.environ['TMP']
src = {
    'nl': ('hyph_nl_NL.dic', 'Dutch hyphenation patterns of OpenTaal (hyph_nl_NL.dic of Debian hyphen-nl 1:7.5.0-1, from LibreOffice dictionaries/nl_NL). Copyright 1996 Nederlandstalige TeX Gebruikersgroep, 2001-2005 Simon Brouwer e.a., 2006-2010 OpenTaal. Licence: BSD-2-clause or CC-BY-3.0.'),
    'en': ('hyph_en_US.dic', 'American English hyphenation patterns (hyph_en_US.dic of Debian hyphen-en-us, from LibreOffice dictionaries/en), based on the plain TeX hyphenation table and the TUGboat exceptions. Copyright 2007 TeX Users Group, László Németh. Licence: BSD-style; unlimited copying, redistribution and modification permitted with this copyright and licence information.'),
}
for lang, (name, note) in src.items():
    raw = open(f'{tmp}/x/usr/share/hyphen/{name}', 'rb').read()
    enc = raw.split(b'\n', 1)[0].strip().decode()
    text = raw.decode({'ISO8859-1': 'latin-1', 'UTF-8': 'utf-8'}.get(enc, enc))
    out, mins = [], {}
    for l in text.split('\n')[1:]:
        l = l.strip()
        if not l or l.startswith('%') or l.startswith('#') or l.startswith('NEXTLEVEL'):
            continue
        m = re.match(r'^(LEFTHYPHENMIN|RIGHTHYPHENMIN|COMPOUNDLEFTHYPHENMIN|COMPOUNDRIGHTHYPHENMIN)\s+(\d+)', l)
        if m:
            mins[m.group(1)] = m.group(2)
            continue
        out.append(l)
    hdr = ['% ' + note, '% Converted to UTF-8, one pattern a line, by scripts/hyphenation.sh (ELSA self-assessment tool, issue 19).']
    hdr += [f'{k} {mins[k]}' for k in ('LEFTHYPHENMIN', 'RIGHTHYPHENMIN') if k in mins]
    open(f'assets/hyph/hyph-{lang}.txt', 'w').write('\n'.join(hdr + out) + '\n')
    print(f'assets/hyph/hyph-{lang}.txt: {len(out)} patterns')
PY
rm -rf "$tmp"
