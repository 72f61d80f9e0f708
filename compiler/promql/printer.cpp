#include "promql/printer.hpp"

#include <algorithm>

#include "gotext/quote.hpp"
#include "promql/big_stack.hpp"
#include "promql/go_format.hpp"

namespace rbc::promql {
namespace {

void join(std::string& out, const std::vector<std::string>& labels) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i) out += ", ";
    out += labels[i];
  }
}

void append_at(std::string& out, const Expr& e) {
  switch (e.at) {
    case AtKind::Timestamp:
      out += " @ ";
      out += go::format_fixed(static_cast<double>(e.at_ms) / 1000.0, 3);
      break;
    case AtKind::Start: out += " @ start()"; break;
    case AtKind::End: out += " @ end()"; break;
    case AtKind::None: break;
  }
}

void append_offset(std::string& out, const Expr& e) {
  if (e.offset_ms > 0) {
    out += " offset ";
    out += go::format_duration_ms(e.offset_ms);
  } else if (e.offset_ms < 0) {
    out += " offset -";
    out += go::format_duration_ms(-e.offset_ms);
  }
}

// The selector itself: name and sorted matchers, without @/offset.
void append_selector(std::string& out, const Expr& vs) {
  std::vector<std::string> parts;
  for (const Matcher& m : vs.matchers) {
    if (m.name == "__name__" && m.op == MatchOp::Equal && m.value == vs.text) continue;
    parts.push_back(m.name + match_op_text(m.op) + gotext::quote(m.value));
  }
  out += vs.text;
  if (parts.empty()) return;
  std::sort(parts.begin(), parts.end());
  out += '{';
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += ',';
    out += parts[i];
  }
  out += '}';
}

void print(std::string& out, const Expr& e);

void print_binary(std::string& out, const Expr& e) {
  print(out, *e.lhs);
  out += ' ';
  out += op_text(e.op);
  if (e.return_bool) out += " bool";
  if (e.has_matching && (!e.matching_labels.empty() || e.on)) {
    out += e.on ? " on (" : " ignoring (";
    join(out, e.matching_labels);
    out += ')';
    if (e.card == Card::ManyToOne || e.card == Card::OneToMany) {
      out += e.card == Card::ManyToOne ? " group_left (" : " group_right (";
      join(out, e.include_labels);
      out += ')';
    }
  }
  out += ' ';
  print(out, *e.rhs);
}

void print_aggregate(std::string& out, const Expr& e) {
  out += op_text(e.op);
  if (e.without || !e.grouping.empty()) {
    out += e.without ? " without (" : " by (";
    join(out, e.grouping);
    out += ") ";
  }
  out += '(';
  if (aggregator_has_param(e.op)) {
    print(out, *e.param);
    out += ", ";
  }
  print(out, *e.expr);
  out += ')';
}

void print(std::string& out, const Expr& e) {
  switch (e.kind) {
    case Kind::NumberLiteral: out += go::format_float(e.number); return;
    case Kind::StringLiteral: out += gotext::quote(e.text); return;
    case Kind::VectorSelector:
      append_selector(out, e);
      append_at(out, e);
      append_offset(out, e);
      return;
    case Kind::MatrixSelector:
      append_selector(out, *e.expr);
      out += '[';
      out += go::format_duration_ms(e.range_ms);
      out += ']';
      append_at(out, *e.expr);
      append_offset(out, *e.expr);
      return;
    case Kind::Subquery:
      print(out, *e.expr);
      out += '[';
      out += go::format_duration_ms(e.range_ms);
      out += ':';
      if (e.step_ms != 0) out += go::format_duration_ms(e.step_ms);
      out += ']';
      append_at(out, e);
      append_offset(out, e);
      return;
    case Kind::Call:
      out += e.func ? e.func->name : e.text.c_str();
      out += '(';
      for (std::size_t i = 0; i < e.args.size(); ++i) {
        if (i) out += ", ";
        print(out, *e.args[i]);
      }
      out += ')';
      return;
    case Kind::Aggregate: print_aggregate(out, e); return;
    case Kind::Binary: print_binary(out, e); return;
    case Kind::Unary:
      out += op_text(e.op);
      print(out, *e.expr);
      return;
    case Kind::Paren:
      out += '(';
      print(out, *e.expr);
      out += ')';
      return;
  }
}

}  // namespace

std::string to_string(const Expr& expr) {
  std::string out;
  if (expr.end - expr.begin <= kSmallInput) {
    print(out, expr);
  } else {
    run_with_big_stack([&] { print(out, expr); });
  }
  return out;
}

}  // namespace rbc::promql
