#!/bin/sh
# `cmake --install` into a scratch DESTDIR: the files are where they belong,
# the installed rbc runs, the man page renders cleanly and the completion
# scripts load and complete. Usage: install_test.sh BUILD_DIR
set -eu
build=$1
dest=$(mktemp -d) && trap 'rm -rf "$dest"' EXIT
fail() { echo "install_test: $*" >&2; exit 1; }

DESTDIR=$dest cmake --install "$build" --prefix /usr >/dev/null
usr=$dest/usr
for f in bin/rbc share/man/man1/rbc.1 share/bash-completion/completions/rbc \
         share/zsh/vendor-completions/_rbc share/fish/vendor_completions.d/rbc.fish; do
  [ -s "$usr/$f" ] || fail "missing $f"
done
"$usr/bin/rbc" version >/dev/null || fail "installed rbc does not run"

# The man page: groff finds no problems, man renders every command.
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$usr/share/man/man1/rbc.1" 2>&1)
  [ -z "$warnings" ] || fail "groff: $warnings"
fi
if command -v man >/dev/null; then
  page=$(MANWIDTH=100 man -l "$usr/share/man/man1/rbc.1" 2>/dev/null | col -b)
  for cmd in "rbc check" "rbc inspect" "rbc build" "rbc promql parse" "rbc explain" "--format"; do
    echo "$page" | grep -q -- "$cmd" || fail "man page lacks '$cmd'"
  done
fi

# bash: completes commands, option values and diagnostic codes (with the
# installed rbc on PATH, as after installing the package).
complete_bash() {
  PATH="$usr/bin:$PATH" bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _rbc; echo "${COMPREPLY[*]}"' \
    sh "$usr/share/bash-completion/completions/rbc" "$@"
}
expect_bash() {
  want=$1; shift
  got=$(complete_bash "$@") || fail "bash completion script failed"
  [ "$got" = "$want" ] || fail "bash: '$*' completed to '$got', want '$want'"
}
expect_bash "check checks" rbc ch
expect_bash "--format" rbc check --for
expect_bash "json text" rbc inspect --format ""
expect_bash "parse" rbc promql p
expect_bash "promql/parse" rbc explain promql/pa
expect_bash "json junit" rbc check --format j

# zsh and fish (when installed): the scripts parse and complete. zsh's
# completion builtins only exist inside the line editor, so zsh_complete.zsh
# stands in for them and prints what _rbc offers.
if command -v zsh >/dev/null; then
  zsh -n "$usr/share/zsh/vendor-completions/_rbc" || fail "zsh: syntax error"
  here=$(dirname "$0")
  expect_zsh() {
    want=$1; shift
    got=$(PATH="$usr/bin:$PATH" zsh -f "$here/zsh_complete.zsh" "$usr/share/zsh/vendor-completions/_rbc" "$@" | tr '\n' ' ')
    [ "$got" = "$want " ] || fail "zsh: '$*' completed to '$got', want '$want'"
  }
  expect_zsh "check checks" rbc ch
  expect_zsh "json junit" rbc check --format j
  expect_zsh "promql/parse" rbc explain promql/pa
fi
if command -v fish >/dev/null; then
  fish --no-execute "$usr/share/fish/vendor_completions.d/rbc.fish" || fail "fish: syntax error"
  got=$(fish -c "source '$usr/share/fish/vendor_completions.d/rbc.fish'; complete -C 'rbc ch'" | cut -f1 | tr '\n' ' ')
  [ "$got" = "check checks " ] || fail "fish: 'rbc ch' completed to '$got'"
fi
echo "install_test: ok"
