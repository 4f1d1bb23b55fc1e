#!/usr/bin/env bash
# Regenerates the parameter table of every bundled plugin's README from the plugin itself
# (`splitsim plugins describe NAME --markdown`), between the BEGIN/END parameters markers.
# ctest fails when a README and its plugin disagree; run this after changing a default.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SPLITSIM_BUILD_DIR:-$root/build}"
splitsim="$build/bin/splitsim"
[ -x "$splitsim" ] || bash "$root/scripts/build.sh"

for readme in "$root"/plugins/*/README.md; do
  name="$(basename "$(dirname "$readme")")"
  grep -q '<!-- BEGIN parameters' "$readme" || continue
  table="$(env -u SPLITSIM_PLUGIN_PATH "$splitsim" plugins describe "$name" --markdown)"
  TABLE="$table" python3 - "$readme" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
pattern = re.compile(r"(<!-- BEGIN parameters[^\n]*-->\n).*?(<!-- END parameters -->)", re.S)
text, count = pattern.subn(lambda m: m.group(1) + os.environ["TABLE"] + "\n" + m.group(2), text)
if count != 1:
    sys.exit(f"{path}: expected one BEGIN/END parameters block")
open(path, "w", encoding="utf-8").write(text)
PY
  echo "updated $readme"
done
