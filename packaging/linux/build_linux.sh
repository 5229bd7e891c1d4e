#!/usr/bin/env bash
# Build the Linux packages from a clean clone: the frozen one-folder station, a .deb and a
# portable .tar.gz of the same folder. Each is self-tested before it is kept.
#   packaging/linux/build_linux.sh            # release: xz-compressed .deb
#   DEB_COMPRESS=zstd packaging/linux/build_linux.sh   # quicker, larger (CI)
# Output: dist/returndesk_<version>_<arch>.deb, dist/returndesk-<version>-linux-<arch>.tar.gz
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../dev/common.sh"
cd "$ROOT"
BUILD_VENV="${RETURNDESK_BUILD_VENV:-$ROOT/.venv-build}"
DEB_COMPRESS="${DEB_COMPRESS:-xz}"
PYINSTALLER="pyinstaller==6.22.3"
HOOKS="pyinstaller-hooks-contrib==2026.9"

install_debs "${RUNTIME_DEBS[@]}" binutils dpkg-dev desktop-file-utils
started=$(date +%s)
python="$(find_python)"
[ -x "$BUILD_VENV/bin/python" ] || "$python" -m venv "$BUILD_VENV"
"$BUILD_VENV/bin/python" -m pip install -q --upgrade pip
"$BUILD_VENV/bin/python" -m pip install -q --require-hashes -r "$ROOT/requirements/runtime.txt"
"$BUILD_VENV/bin/python" -m pip install -q --no-deps "$ROOT"
"$BUILD_VENV/bin/python" -m pip install -q "$PYINSTALLER" "$HOOKS"
version=$("$BUILD_VENV/bin/python" -c 'import returndesk; print(returndesk.__version__)')
arch=$(dpkg --print-architecture)
echo "ReturnDesk $version for $arch"

# 1. freeze (licences first: the spec bundles them). The Python modules are archived without
#    zlib: the .deb's xz packs raw bytecode into far less than it can pack zlib output
"$BUILD_VENV/bin/python" packaging/licenses.py
PYINSTALLER_ZLIB_COMPRESSION_LEVEL=0 "$BUILD_VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/pyinstaller/returndesk.spec
bundle=dist/returndesk
# 2. strip only libpython and the extension modules of the standard library (never Qt or
#    FFmpeg: GNU strip corrupts the wheel's patched FFmpeg libraries)
find "$bundle/_internal" -maxdepth 1 -name 'libpython3*.so*' -exec strip --strip-unneeded {} +
find "$bundle/_internal" -path '*/lib-dynload/*.so' -exec strip --strip-unneeded {} +
# 3. the frozen station must pass its self-test (Qt, FFmpeg backend, database, a frame)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
self_test() {
  HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/c" XDG_DATA_HOME="$scratch/home/d" \
  XDG_STATE_HOME="$scratch/home/s" QT_QPA_PLATFORM=offscreen "$1" --self-test
}
self_test "$bundle/returndesk" | tee "$scratch/frozen.txt"
grep -q '^OK .*frozen=True' "$scratch/frozen.txt"

# 4. the .deb: /opt/returndesk, /usr/bin/returndesk, menu entry, icon
root="$scratch/deb"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/doc/returndesk"
cp -a "$bundle" "$root/opt/returndesk"
ln -s /opt/returndesk/returndesk "$root/usr/bin/returndesk"
install -m 644 packaging/linux/returndesk.desktop "$root/usr/share/applications/"
install -m 644 src/returndesk/icons/returndesk.png "$root/usr/share/icons/hicolor/256x256/apps/"
install -m 644 CHANGELOG.md "$root/usr/share/doc/returndesk/changelog"
cp -a build/licenses "$root/usr/share/doc/returndesk/licenses"
desktop-file-validate "$root/usr/share/applications/returndesk.desktop"
# the glibc the bundle needs is the build host's (PyInstaller bundles its libstdc++ & co.)
glibc=$(find "$bundle" -type f -name '*.so*' -exec objdump -T {} + 2>/dev/null |
  grep -o 'GLIBC_[0-9.]*' | sort -Vu | tail -1 | cut -d_ -f2)
installed_kb=$(du -sk "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@GLIBC@/$glibc/" \
  -e "s/@SIZE@/$installed_kb/" packaging/linux/control.in > "$root/DEBIAN/control"
deb="dist/returndesk_${version}_${arch}.deb"
# xz -8: a 32 MiB dictionary finds the repeats across Qt's libraries that -6's 8 MiB misses
# (1.4 MB smaller) and still packs in two threads, as quickly as -6; -9 saves 0.5 MB more but
# runs single-threaded, twice as long. Unpacking needs 33 MiB of memory.
level=()
[ "$DEB_COMPRESS" = xz ] && level=(-z8)
dpkg-deb --root-owner-group "-Z$DEB_COMPRESS" "${level[@]}" --build "$root" "$deb" >/dev/null
# 5. what was packed runs: extracted (no root, no system change) and self-tested
mkdir "$scratch/x"
dpkg-deb -x "$deb" "$scratch/x"
self_test "$scratch/x/opt/returndesk/returndesk" >/dev/null
# 6. the portable folder
tarball="dist/returndesk-${version}-linux-${arch}.tar.gz"
tar -C dist -czf "$tarball" returndesk
echo "built in $(( $(date +%s) - started )) s:"
ls -l "$deb" "$tarball" | awk '{printf "  %s  %.1f MB\n", $9, $5 / 1000000}'
echo "  installed size $((installed_kb / 1024)) MiB; needs glibc >= $glibc"
