#include "emit/site_promql.hpp"

#include "emit/site_html.hpp"
#include "promql/lexer.hpp"
#include "promql/parse.hpp"
#include "promql/printer.hpp"

namespace rbc::emit::site {
namespace {

// Where an identifier stands decides what it names.
struct Context {
  int brace_depth = 0;
  bool grouping_next = false;  // after by/without/on/ignoring/group_x: "(" opens a label list
  bool in_grouping = false;
};

bool starts_grouping(promql::Tok t) {
  using promql::Tok;
  return t == Tok::By || t == Tok::Without || t == Tok::On || t == Tok::Ignoring || t == Tok::GroupLeft ||
         t == Tok::GroupRight;
}

// The class of an identifier: a function when a "(" follows it.
const char* identifier_class(const Context& ctx, std::string_view rest) {
  if (ctx.brace_depth > 0 || ctx.in_grouping) return "pq-label";
  std::size_t i = 0;
  while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t' || rest[i] == '\n')) ++i;
  if (i < rest.size() && rest[i] == '(') return "pq-fn";
  return "pq-metric";
}

const char* token_class(promql::Token tok, Context& ctx, std::string_view rest) {
  using promql::Tok;
  if (tok.type == Tok::Identifier || tok.type == Tok::MetricIdentifier) {
    return identifier_class(ctx, rest);
  }
  if (promql::is_aggregator(tok.type)) return "pq-fn";
  if (promql::is_keyword(tok.type) || tok.type == Tok::Start || tok.type == Tok::End) return "pq-kw";
  if (tok.type == Tok::Land || tok.type == Tok::Lor || tok.type == Tok::Lunless) return "pq-kw";
  if (promql::is_operator(tok.type)) return "pq-op";
  switch (tok.type) {
    case Tok::Number:
    case Tok::Duration:
      return "pq-num";
    case Tok::String:
      return "pq-str";
    default:
      return nullptr;
  }
}

void track(promql::Tok t, Context& ctx) {
  using promql::Tok;
  if (t == Tok::LeftBrace) ++ctx.brace_depth;
  if (t == Tok::RightBrace && ctx.brace_depth > 0) --ctx.brace_depth;
  if (t == Tok::LeftParen && ctx.grouping_next) ctx.in_grouping = true;
  if (t == Tok::RightParen) ctx.in_grouping = false;
  ctx.grouping_next = starts_grouping(t);
}

}  // namespace

std::string pretty_expr(std::string_view expr) {
  const promql::ParseResult parsed = promql::parse(expr);
  if (!parsed.expr) return std::string(expr);
  return promql::to_string(*parsed.expr);
}

std::string highlight_promql(std::string_view expr) {
  std::string out;
  promql::Lexer lexer(expr);
  Context ctx;
  std::size_t done = 0;  // bytes of `expr` already written
  for (;;) {
    const promql::Token tok = lexer.next();
    if (tok.type == promql::Tok::Eof || tok.type == promql::Tok::Error) break;
    if (tok.pos < done || tok.pos + tok.text.size() > expr.size()) break;
    out += escape(expr.substr(done, tok.pos - done));  // blanks and comments
    const char* cls = token_class(tok, ctx, expr.substr(tok.pos + tok.text.size()));
    if (cls) {
      out += "<span class=\"";
      out += cls;
      out += "\">" + escape(tok.text) + "</span>";
    } else {
      out += escape(tok.text);
    }
    track(tok.type, ctx);
    done = tok.pos + tok.text.size();
  }
  out += escape(expr.substr(done));
  return out;
}

}  // namespace rbc::emit::site
