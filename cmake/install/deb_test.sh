#!/bin/sh
# `cpack -G DEB` builds a sound .deb: name, version, dependencies and the
# installed files. Skips (77) without dpkg-deb. Usage: deb_test.sh BUILD_DIR VERSION
set -eu
build=$1 version=$2
command -v dpkg-deb >/dev/null && command -v cpack >/dev/null || { echo "deb_test: dpkg-deb or cpack missing"; exit 77; }
out=$(mktemp -d) && trap 'rm -rf "$out"' EXIT
fail() { echo "deb_test: $*" >&2; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; fail "cpack failed"; }
deb=$(ls "$out"/rbc_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no rbc_*.deb in $(ls "$out")"
case $(basename "$deb") in rbc_${version}_*.deb) ;; *) fail "unexpected file name $(basename "$deb")" ;; esac

info=$(dpkg-deb -I "$deb")
field() { echo "$info" | sed -n "s/^ $1: //p"; }
[ "$(field Package)" = rbc ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', want $version"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
depends=$(field Depends)
for lib in libc6 libstdc++6 libyaml-cpp0.7 libre2-9 libfmt9 libcmark-gfm0.29.0.gfm.6; do
  echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib: $depends"
done

files=$(dpkg-deb -c "$deb")
for f in ./usr/bin/rbc ./usr/share/man/man1/rbc.1 ./usr/share/bash-completion/completions/rbc \
         ./usr/share/zsh/vendor-completions/_rbc ./usr/share/fish/vendor_completions.d/rbc.fish; do
  echo "$files" | grep -q " $f\$" || fail "package lacks $f"
done
# The packaged binary is stripped and runs.
dpkg-deb -x "$deb" "$out/root"
"$out/root/usr/bin/rbc" version >/dev/null || fail "packaged rbc does not run"
if command -v file >/dev/null; then
  file "$out/root/usr/bin/rbc" | grep -q "not stripped" && fail "packaged rbc is not stripped"
fi
echo "deb_test: ok ($(basename "$deb"), Depends: $depends)"
