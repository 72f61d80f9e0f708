// Writes a build's files into the output folder atomically: everything goes
// into a fresh folder beside it, which then swaps places with the old
// output in one rename, so an interrupted build leaves the previous output
// whole; staging folders of killed builds are removed by the next build.
// rbc only replaces a folder it made itself (it has rbc's manifest) and
// never deletes a file it did not write.
#pragma once

#include <string>
#include <vector>

#include "emit/output.hpp"

namespace rbc::emit {

// The manifest file in every output folder (also what discovery skips on).
inline constexpr const char* kManifestName = ".rbc-output";

struct WriteResult {
  bool ok = false;
  std::string error;  // why nothing was written (ok == false)
};

// `inputs`: the paths the build read, so an output folder that would hold
// them (or the project root itself) is refused. `forced`: the build ran
// despite errors; the manifest says so.
WriteResult write_output(const std::string& out_dir, const std::vector<OutputFile>& files,
                         const std::vector<std::string>& inputs, bool forced);

}  // namespace rbc::emit
