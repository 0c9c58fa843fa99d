#!/usr/bin/env bash
# The suite on the newest Python this machine has (3.13 here), newest versions of everything, in
# .venv-newest: users install on whatever Python they have, and a new Python changes behaviour
# (3.13's JSON reader takes nesting 3.12's stops at). The browser tests are left to the README's
# run: they check HTML, CSS and JavaScript, which the Python version does not change.
# .ci/run runs it after the README's test command; where no Python newer than python3 is found,
# it says so and passes.
set -euo pipefail
cd "$(dirname "$0")/.."
root="${PYENV_ROOT:-$HOME/.pyenv}"
py=""
best=""
# pyenv's shims exist even where a version is not selected: try each version's own copy too.
for candidate in "${PYTHON_NEWEST:-}" python3.14 python3.13 python3.12 "$root"/versions/3.1[2-9]*/bin/python; do
  [ -n "$candidate" ] || continue
  version=$("$candidate" -c 'import sys; print("%d.%03d" % sys.version_info[:2])' 2>/dev/null) || continue
  if [ -z "$best" ] || [ "$version" \> "$best" ]; then
    best="$version"
    py="$candidate"
  fi
done
base=$(python3 -c 'import sys; print("%d.%03d" % sys.version_info[:2])')
if [ -z "$py" ] || ! [ "$best" \> "$base" ]; then
  echo "+ no Python newer than $(python3 --version) on this machine: the README's run covers the newest here"
  exit 0
fi
echo "+ newest Python: $("$py" --version)"
rm -rf .venv-newest
"$py" -m venv .venv-newest
.venv-newest/bin/pip install -q ".[test]"
.venv-newest/bin/pytest -q -p no:cacheprovider --ignore=tests/browser
