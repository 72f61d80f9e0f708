// Reading input files from disk into SourceFile.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"

namespace rbc::load {

enum class TextKind { yaml, other };

// Largest input file read by default (rbc.yaml `limits.max_file_size_mb`).
inline constexpr std::size_t kDefaultMaxFileBytes = std::size_t{64} << 20;

// Reads the whole file. On failure (missing, unreadable, a directory)
// reports `io/read` and returns nothing. For YAML a UTF-8 byte order mark
// is dropped: YAML parsers ignore it and it must not shift column 1 of
// line 1. CRLF line ends are kept as they are (positions count bytes).
// Files larger than `max_bytes` are not read (`io/read`, saying how to
// raise the limit).
std::optional<SourceFile> read_file(const std::string& path, Diagnostics& diags,
                                    TextKind kind = TextKind::yaml, std::size_t max_bytes = kDefaultMaxFileBytes);

}  // namespace rbc::load
