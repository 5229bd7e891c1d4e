#!/usr/bin/env bash
# Install what the tests need and run every check: lint, format, types, import contracts, tests.
# CI runs exactly this (.ci/run). Arguments go to pytest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_debs "${RUNTIME_DEBS[@]}" xvfb xdotool x11-xkb-utils nsis desktop-file-utils \
  poppler-utils cups-daemon cups-client postgresql
make_venv "$ROOT/requirements/test.txt" -e "$ROOT"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
# the CUPS tests start their own cupsd: here they must run, not skip
export CI_REQUIRE_CUPS=1
# the fleet tests start their own PostgreSQL cluster (as the postgres user): the same
export CI_REQUIRE_POSTGRES=1
"$VENV/bin/ruff" check src tests benchmarks packaging
"$VENV/bin/ruff" format --check src tests benchmarks packaging
"$VENV/bin/mypy"
"$VENV/bin/lint-imports"
"$VENV/bin/python" -m pytest "$@"
# the benchmarks in quick mode (seconds): they must keep running; timings are not asserted
"$VENV/bin/python" -m benchmarks --quick --json "${TMPDIR:-/tmp}/returndesk-bench-quick.json"
