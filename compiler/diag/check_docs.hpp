// The pages of docs/checks/, embedded at build time (cmake/embed_docs.cmake).
#pragma once

#include <span>
#include <string_view>

namespace rbc {

struct CheckDoc {
  std::string_view name;  // file name without .md, e.g. "rule-schema"
  std::string_view text;  // the Markdown page
};

std::span<const CheckDoc> check_docs();

}  // namespace rbc
