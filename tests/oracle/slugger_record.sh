#!/bin/sh
# Records github-slugger's answers for the [slug-oracle] test into
# tests/data/slug/ (oracle.tsv: heading<TAB>slug; oracle_documents.tsv: one
# line per document, its numbered slugs in order), so the test also runs
# where Node is missing.
# Usage: tests/oracle/slugger_record.sh BUILD_DIR
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: slugger_record.sh BUILD_DIR}
"$here/slugger.sh" --fetch
RBC_SLUG_RECORD="$here/../data/slug" "$build/tests/rbc_tests" "[slug-oracle]"
wc -l "$here/../data/slug/oracle.tsv" "$here/../data/slug/oracle_documents.tsv"
