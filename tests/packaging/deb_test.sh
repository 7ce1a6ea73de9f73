#!/usr/bin/env bash
# usage: deb_test.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
cd "$build"
cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/casebook_*.deb)
echo "built $deb"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for needed in fonts-noto-cjk libqt6widgets6 libgmime-3.0-0 libsqlite3-0; do
  grep -q "$needed" <<<"$depends" || { echo "FAIL: Depends lacks $needed"; exit 1; }
done

dpkg-deb -x "$deb" "$work/root"
for f in usr/bin/casebook usr/bin/casebook-cli usr/bin/casebook-cli-full usr/share/applications/io.github.casebook.Casebook.desktop \
         usr/share/metainfo/io.github.casebook.Casebook.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.casebook.Casebook.svg; do
  [[ -e $work/root/$f ]] || { echo "FAIL: package lacks /$f"; exit 1; }
done

version=$("$work/root/usr/bin/casebook-cli" --version)
echo "$version"
[[ $version == "casebook-cli "* ]] || { echo "FAIL: unexpected --version output"; exit 1; }
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$work/root/usr/share/applications/io.github.casebook.Casebook.desktop"
fi
echo "packaging OK"
