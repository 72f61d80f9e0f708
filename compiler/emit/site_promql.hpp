// A PromQL expression as highlighted HTML: Prometheus's own printing of
// the parsed expression, tokenised again with rbc's lexer so every token
// gets a class (metric, fn, label, num, str, op, kw).
#pragma once

#include <string>
#include <string_view>

namespace rbc::emit::site {

// The expression printed as Prometheus prints it; the text as written when
// it does not parse.
std::string pretty_expr(std::string_view expr);

// `<code>` content: escaped tokens wrapped in <span class="pq-...">.
std::string highlight_promql(std::string_view expr);

}  // namespace rbc::emit::site
