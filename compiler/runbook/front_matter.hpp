// YAML front matter ("---" ... "---" at the top of a page, as Hugo and
// Jekyll read it).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "runbook/model.hpp"

namespace rbc::runbook {

struct FrontMatter {
  bool present = false;
  std::size_t begin = 0;  // offset of the opening "---"
  std::size_t end = 0;    // offset just past the closing line
  std::vector<Field> scalars;  // top-level scalar entries; label = key as written
  const Field* find(std::string_view key) const;  // case-insensitive
};

// Reads the front matter at the start of the file (after a BOM). A block
// that is not valid YAML becomes a `yaml/parse` diagnostic; its extent is
// still returned so the Markdown reader skips it.
FrontMatter read_front_matter(const SourceFile& source, Diagnostics& diags);

}  // namespace rbc::runbook
