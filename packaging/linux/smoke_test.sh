#!/usr/bin/env bash
# Install the built .deb on this machine, self-test it, run it in a real X window (Xvfb) and
# take a screenshot, compare its start with the virtual environment's, upgrade it in place,
# then remove it and check that it is gone and the user's data is not. Needs root (or sudo);
# CI runs as root.
#   packaging/linux/smoke_test.sh [SCREENSHOT.png]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../dev/common.sh"
cd "$ROOT"
shot="${1:-$ROOT/build/installed.png}"
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/returndesk/__init__.py)
deb=$(ls dist/returndesk_"${version}"_*.deb)
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
install_debs xvfb xdotool imagemagick
scratch=$(mktemp -d)
cleanup() {
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
# a fresh user's folders, as a new station has them
user_env=(HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config"
  XDG_DATA_HOME="$scratch/home/.local/share" XDG_STATE_HOME="$scratch/home/.local/state"
  XDG_CACHE_HOME="$scratch/home/.cache")
as_user() { env "${user_env[@]}" "$@"; }
mkdir -p "$scratch/home"

echo "== install $deb"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "./$deb" >/dev/null
test -x /opt/returndesk/returndesk && test -L /usr/bin/returndesk
test -f /usr/share/applications/returndesk.desktop
test -f /usr/share/icons/hicolor/256x256/apps/returndesk.png
[ "$(returndesk --version)" = "ReturnDesk $version" ]
echo "== self-test (installed)"
as_user QT_QPA_PLATFORM=offscreen returndesk --self-test | grep '^OK .*frozen=True'
# the user's own data, which removing the package must leave alone
echo 3691 | as_user returndesk admin set-pin --stdin >/dev/null
settings="$scratch/home/.config/ReturnDesk/settings.toml"
test -f "$settings"

echo "== a real window on Xvfb"
exec 3< <(Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp 2>/dev/null)
xvfb=$!
read -r -u 3 display
export DISPLAY=":$display"
env "${user_env[@]}" QT_QPA_PLATFORM=xcb returndesk --demo > "$scratch/station.log" 2>&1 &
station=$!
for _ in $(seq 1 100); do
  xdotool search --onlyvisible --name ReturnDesk >/dev/null 2>&1 && break
  kill -0 "$station" 2>/dev/null || { cat "$scratch/station.log"; exit 1; }
  sleep 0.2
done
sleep 2  # the first frames
# sign on the way an operator without a badge does, then scan a label at scanner speed
xdotool type --delay 120 "Ada"; xdotool key Return; sleep 0.5
xdotool key --delay 5 R M A minus 2 0 2 6 minus 0 0 0 0 0 1 Return; sleep 1.5
mkdir -p "$(dirname "$shot")"
import -window root "$shot"
echo "screenshot: $shot"
kill -TERM "$station"; wait "$station" || true

echo "== cold start to the first frame, frozen against the virtual environment (the station's"
echo "   own start, offscreen, until its window is drawn: --exit-after-first-frame; 9 runs"
echo "   each, taken in turns so a busy neighbour slows both alike)"
run_ms() {
  local t0 t1 said
  t0=$(date +%s%N)
  said=$(as_user QT_QPA_PLATFORM=offscreen "$1" --exit-after-first-frame 2>/dev/null)
  t1=$(date +%s%N)
  [[ "$said" == "first frame: "* ]] || { echo "$1 drew no first frame: $said" >&2; exit 1; }
  echo $(( (t1 - t0) / 1000000 ))
}
summary() { sort -n | awk '{v[NR]=$1} END {printf "median %d ms, fastest %d ms", v[int((NR+1)/2)], v[1]}'; }
frozen_times=(); venv_times=()
for _ in 1 2 3 4 5 6 7 8 9; do
  frozen_times+=("$(run_ms /usr/bin/returndesk)")
  [ -x "$VENV/bin/returndesk" ] && venv_times+=("$(run_ms "$VENV/bin/returndesk")")
done
echo "  installed (frozen): $(printf '%s\n' "${frozen_times[@]}" | summary)"
if [ "${#venv_times[@]}" -gt 0 ]; then
  echo "  virtual environment: $(printf '%s\n' "${venv_times[@]}" | summary)"
fi
echo "  installed size: $(du -sm /opt/returndesk | cut -f1) MiB; .deb: $(du -m "$deb" | cut -f1) MiB"

echo "== upgrade in place (this build repacked as ${version}+upgrade, installed over it)"
up="$scratch/upgrade"
dpkg-deb -R "$deb" "$up"
sed -i "s/^Version: .*/Version: ${version}+upgrade/" "$up/DEBIAN/control"
# a file the newer package no longer ships must not survive the upgrade (stale libraries in
# a Qt bundle break it)
gone=opt/returndesk/_internal/PySide6/Qt/plugins/imageformats/libqgif.so
rm "$up/$gone"
dpkg-deb --root-owner-group -Zzstd --build "$up" "$scratch/upgrade.deb" >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$scratch/upgrade.deb" >/dev/null
[ "$(dpkg-query -W -f '${Version}' returndesk)" = "${version}+upgrade" ]
[ ! -e "/$gone" ] || { echo "the upgrade left /$gone behind"; exit 1; }
as_user QT_QPA_PLATFORM=offscreen returndesk --self-test | grep -q '^OK .*frozen=True'
grep -q '^pin_hash = "scrypt' "$settings" || { echo "the upgrade touched user settings"; exit 1; }
echo "  upgraded: ${version}+upgrade runs, the file it dropped is gone, the user's settings kept"

echo "== remove"
DEBIAN_FRONTEND=noninteractive $sudo dpkg --purge returndesk >/dev/null
for path in /opt/returndesk /usr/bin/returndesk /usr/share/applications/returndesk.desktop \
  /usr/share/icons/hicolor/256x256/apps/returndesk.png; do
  [ ! -e "$path" ] || { echo "left behind: $path"; exit 1; }
done
grep -q '^pin_hash = "scrypt' "$settings" || { echo "user settings were touched"; exit 1; }
echo "OK: installed, self-tested, ran in a window, upgraded in place, removed; user data kept"
