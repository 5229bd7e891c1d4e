#!/usr/bin/env bash
# Refresh the locks from pyproject.toml: requirements/runtime.txt (the station and its
# installers) and requirements/test.txt (runtime + the test tools, for check.sh). Both are
# universal (Linux, Windows, macOS markers) and hashed, so pip installs exactly these files.
# Run after changing a dependency in pyproject.toml, and commit the two files with it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
python="$(find_python)"
[ -x "$VENV/bin/python" ] || "$python" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q uv
cd "$ROOT"
for target in runtime test; do
  extra=()
  [ "$target" = test ] && extra=(--extra test)
  "$VENV/bin/uv" pip compile pyproject.toml "${extra[@]}" --universal --generate-hashes \
    --python-version 3.11 --quiet --custom-compile-command "bash packaging/dev/lock.sh" \
    -o "requirements/$target.txt"
done
echo "wrote requirements/runtime.txt and requirements/test.txt"
