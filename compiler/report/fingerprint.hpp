// Stable identities for findings, so that code scanning (SARIF
// partialFingerprints), GitLab Code Quality and baselines recognise the
// same finding across commits even when lines above it move.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace rbc::report {

// The identity a fingerprint hashes: code, file (without a leading "./"),
// group, rule and the message with positions ("line 12", "a.yml:3:7")
// masked. No line or column, so moving a rule does not change it.
std::string fingerprint_key(const Diagnostic& d);

// 16 lowercase hex digits: a 64-bit FNV-1a hash of fingerprint_key(d).
// Findings with the same key share it; see fingerprints() to tell apart.
std::string fingerprint(const Diagnostic& d);

// One fingerprint per diagnostic, in order: fingerprint(d) + ":" + n, where
// n counts earlier diagnostics with the same key (1 for the first). The
// order of identical findings follows their position, so the n-th stays
// the n-th when unrelated lines move.
std::vector<std::string> fingerprints(const Diagnostics& diagnostics);

}  // namespace rbc::report
