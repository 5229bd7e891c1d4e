# Shared by station.sh and check.sh: system packages and the virtual environment.
# Sourced, not run. Needs: bash, and on Debian/Ubuntu apt-get (root or sudo) for Qt's libraries.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="${RETURNDESK_VENV:-$ROOT/.venv}"

# What PySide6's wheels need from the system on a minimal Debian/Ubuntu install
RUNTIME_DEBS=(python3-venv libpulse0 libegl1 libgl1 libfontconfig1 libdbus-1-3
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
  libxcb-xkb1 fonts-dejavu-core
  gcc libcups2-dev)  # pycups (CUPS raw printing) is built against libcups

install_debs() {
  command -v apt-get >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "need root to install: ${missing[*]}" >&2; return 1; }
    sudo="sudo"
  fi
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      echo "$candidate"; return 0
    fi
  done
  echo "ReturnDesk needs Python 3.11 or newer" >&2
  return 1
}

# make_venv LOCK [PROJECT-ARGS…]: the venv with exactly the hashed, pinned LOCK
# (requirements/*.txt, refreshed by packaging/dev/lock.sh), then the project itself on top
# without resolving anything again
make_venv() {
  local python lock="$1"
  shift
  python="$(find_python)"
  [ -x "$VENV/bin/python" ] || "$python" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q --require-hashes -r "$lock"
  "$VENV/bin/python" -m pip install -q --no-deps "$@"
}
