#!/usr/bin/env bash
# Install ReturnDesk into .venv and start the station. Without vendor settings it starts in
# the demo sandbox. Arguments go to returndesk (e.g. --kiosk, --config PATH, --self-test).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
install_debs "${RUNTIME_DEBS[@]}"
make_venv "$ROOT/requirements/runtime.txt" "$ROOT"
exec "$VENV/bin/returndesk" "$@"
