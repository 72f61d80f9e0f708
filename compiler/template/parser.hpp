// The parser of Go's text/template (Go 1.19), reduced to what a syntax
// check needs: it builds no tree, but makes the same decisions, in the same
// order, with the same messages, as text/template/parse.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "template/go_template.hpp"
#include "template/template_refs.hpp"

namespace rbc::gotmpl {

struct ParseRequest {
  std::string_view text;        // the full text Go parses (header included)
  std::string_view parse_name;  // top-level template name; empty: unknown
  std::size_t refs_from = 0;    // record refs only at or after this offset
  TemplateRefs* refs = nullptr;  // where to record refs, if anywhere
};

// The first error, with offset into request.text, or nothing.
std::optional<TemplateError> parse_template(const ParseRequest& request);

}  // namespace rbc::gotmpl
