#!/usr/bin/env bash
# The whole suite against the lowest versions pyproject.toml allows (tests/constraints-min.txt),
# on the oldest Python it allows when this machine has one (else python3), in .venv-min.
# .ci/run runs it after the README's test command, which tests the newest versions.
set -euo pipefail
cd "$(dirname "$0")/.."
pick() {
  for py in "$@"; do
    if [ -n "$py" ] && "$py" -c 'import sys; assert sys.version_info >= (3, 10)' 2>/dev/null; then
      echo "$py"
      return
    fi
  done
}
# pyenv's shim for python3.10 exists even where that version is not selected: try its own copy.
py=$(pick "${PYTHON_MIN:-}" python3.10 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*/bin/python python3)
echo "+ lowest dependency versions on $("$py" --version)"
rm -rf .venv-min
"$py" -m venv .venv-min
.venv-min/bin/pip install -q -c tests/constraints-min.txt ".[test]"
.venv-min/bin/pip list 2>/dev/null | grep -i -E '^(mkdocs|mkdocs-material|markdown|jinja2|markupsafe|pyyaml|python-frontmatter|pymdown-extensions|tomli) '
.venv-min/bin/pytest -q -p no:cacheprovider
