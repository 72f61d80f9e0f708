// Reading input files from disk into SourceFile.
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"

namespace rbc::load {

enum class TextKind { yaml, other };

// Reads the whole file. On failure (missing, unreadable, a directory)
// reports `io/read` and returns nothing. For YAML a UTF-8 byte order mark
// is dropped: YAML parsers ignore it and it must not shift column 1 of
// line 1. CRLF line ends are kept as they are (positions count bytes).
std::optional<SourceFile> read_file(const std::string& path, Diagnostics& diags,
                                    TextKind kind = TextKind::yaml);

}  // namespace rbc::load
