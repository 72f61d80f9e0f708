// What an emitter produces: files as plain data (path relative to the
// output folder, content). Emitters are pure functions of the project;
// only `rbc build` writes, atomically (see cli/cmd_build.cpp).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "model/project.hpp"

namespace rbc::emit {

struct OutputFile {
  std::string path;  // relative to the output folder, '/'-separated: "rules/api.yml"
  std::string content;
};

// The source text of an input file, by the path the project model uses.
using SourceLookup = std::function<const SourceFile*(std::string_view path)>;

// Everything an emitter may read.
struct BuildInput {
  const model::Project& project;
  SourceLookup sources;
  // The diagnostics `rbc check` reported (for the site's verdicts).
  const Diagnostics& diagnostics;
};

}  // namespace rbc::emit
