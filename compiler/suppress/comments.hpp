// Finding `rbc` comments in a file's raw text. Internal to the suppress stage.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "diag/source.hpp"
#include "suppress/directive.hpp"

namespace rbc::suppress {

// A comment that starts with the word `rbc`: byte offsets into the text.
struct Comment {
  std::size_t begin = 0;       // the `#` or `<!--`
  std::size_t body_begin = 0;  // just after `rbc`
  std::size_t end = 0;         // end of line, or the `-->`
};

// YAML: `#` at the start of a line or after whitespace, then `rbc`.
// Markdown: `<!-- rbc ... -->` on one line, outside fenced code blocks.
// At most one per line.
std::vector<Comment> find_comments(const SourceFile& source, Syntax syntax);

// Lines a directive may stand on above its rule or section: blank, or only
// a comment.
bool is_comment_or_blank(std::string_view line, Syntax syntax);

}  // namespace rbc::suppress
