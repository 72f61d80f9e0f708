#!/bin/sh
# Slug oracle: github-slugger (npm) under Node, fetched once into a cache.
# Usage: slugger.sh [--document] < headings   (one heading per line)
#        slugger.sh --fetch                     (only download the package)
#        slugger.sh --tables > compiler/runbook/slug_tables.cpp
# Needs: node (Debian package nodejs), curl, tar. Network only on first use.
set -eu
version=2.0.0
here=$(cd "$(dirname "$0")" && pwd)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/rbc/github-slugger-$version
command -v node >/dev/null || { echo "slugger.sh: node not found" >&2; exit 127; }
if [ ! -f "$cache/package/index.js" ]; then
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/fetch.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  curl -sSfL --connect-timeout 10 --max-time 120 "https://registry.npmjs.org/github-slugger/-/github-slugger-$version.tgz" \
    | tar -xz -C "$tmp"
  # Another run may have fetched it meanwhile: keep whichever copy came first.
  mv -T "$tmp/package" "$cache/package" 2>/dev/null || true
  rm -rf "$tmp"
  trap - EXIT
  [ -f "$cache/package/index.js" ]
fi
case "${1:-}" in
  --fetch) exit 0 ;;
  --tables) exec node "$here/slugger_tables.mjs" "$cache/package" "$version" ;;
  *) exec node "$here/slugger.mjs" "$cache/package" "$@" ;;
esac
