#include "promql/parse.hpp"

#include "promql/ast.hpp"
#include "promql/big_stack.hpp"
#include "promql/parser.hpp"

namespace rbc::promql {
namespace {

// Small inputs are parsed on the caller's stack; deeper nesting than this
// moves the work to a big-stack thread.
constexpr int kInlineDepth = 200;

ParseResult parse_here(std::string_view input, int max_depth, bool& too_deep) {
  auto arena = std::make_shared<ExprArena>();
  detail::Outcome out = detail::parse_syntax(input, *arena, max_depth);
  too_deep = out.too_deep;
  if (too_deep) return {};
  if (!out.error) out.error = detail::check_types(input, *out.root);
  ParseResult result;
  if (out.error) {
    result.error = std::move(out.error);
    return result;
  }
  // The result shares ownership of the whole arena; nodes are freed together.
  result.expr = std::shared_ptr<const Expr>(arena, out.root);
  return result;
}

}  // namespace

ParseResult parse(std::string_view input) {
  bool too_deep = false;
  if (input.size() <= kSmallInput) {
    ParseResult result = parse_here(input, kInlineDepth, too_deep);
    if (!too_deep) return result;
  }
  ParseResult result;
  run_with_big_stack([&] { result = parse_here(input, 0, too_deep); });
  return result;
}

std::string line_col(std::string_view input, std::size_t offset) {
  if (offset > input.size()) return "invalid position";
  std::size_t line = 1;
  std::size_t last_lf = static_cast<std::size_t>(-1);  // "-1" so that col = offset + 1
  for (std::size_t i = 0; i < offset; ++i) {
    if (input[i] == '\n') {
      ++line;
      last_lf = i;
    }
  }
  return std::to_string(line) + ":" + std::to_string(offset - last_lf);
}

std::string format_error(std::string_view input, const ParseError& error) {
  if (error.offset > input.size()) return "invalid position: parse error: " + error.message;
  return line_col(input, error.offset) + ": parse error: " + error.message;
}

}  // namespace rbc::promql
