// Turns the PATHs given on the command line into the list of files to read.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace rbc::discover {

enum class Origin {
  named,  // given explicitly: always read as the kind its command expects
  found,  // found while walking a directory: read only if it looks right
};

struct Candidate {
  std::string path;
  Origin origin;
};

struct Files {
  std::vector<Candidate> yaml;      // *.yml / *.yaml (and explicitly named files)
  std::vector<Candidate> markdown;  // *.md / *.markdown found, and named *.md / *.markdown / *.txt
  bool read_stdin = false;          // "-" was given
};

// Walks directories recursively (sorted, deterministic), skipping `.git`,
// `node_modules` and rbc's own output folders, never following directory
// symlinks (no loops). Unreadable paths become io/read diagnostics.
Files collect(const std::vector<std::string>& paths, Diagnostics& diagnostics);

// File that `rbc build` leaves in every output folder it writes.
inline constexpr const char* kOutputMarker = ".rbc-output";

// Folder names never descended into.
bool is_skipped_directory(const std::string& name);

}  // namespace rbc::discover
