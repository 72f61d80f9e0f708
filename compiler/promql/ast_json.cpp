#include "promql/ast_json.hpp"

#include <cstdio>

#include "promql/big_stack.hpp"
#include "promql/go_format.hpp"

namespace rbc::promql {
namespace {

void str(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c >= 0x80) {
          // Non-ASCII bytes are escaped one by one so that invalid UTF-8
          // still yields valid JSON (each byte becomes U+00XX).
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void key(std::string& out, const char* k) {
  out += ",\"";
  out += k;
  out += "\":";
}

void labels(std::string& out, const char* k, const std::vector<std::string>& ls) {
  key(out, k);
  out += '[';
  for (std::size_t i = 0; i < ls.size(); ++i) {
    if (i) out += ',';
    str(out, ls[i]);
  }
  out += ']';
}

const char* card_name(Card c) {
  switch (c) {
    case Card::OneToOne: return "one-to-one";
    case Card::ManyToOne: return "many-to-one";
    case Card::OneToMany: return "one-to-many";
    case Card::ManyToMany: return "many-to-many";
  }
  return "";
}

void modifiers(std::string& out, const Expr& e) {
  if (e.offset_ms != 0) {
    key(out, "offset");
    str(out, (e.offset_ms < 0 ? "-" : "") + go::format_duration_ms(e.offset_ms < 0 ? -e.offset_ms : e.offset_ms));
  }
  if (e.at == AtKind::Timestamp) {
    key(out, "at");
    str(out, go::format_fixed(static_cast<double>(e.at_ms) / 1000.0, 3));
  } else if (e.at != AtKind::None) {
    key(out, "at");
    str(out, e.at == AtKind::Start ? "start()" : "end()");
  }
}

void node(std::string& out, const Expr& e) {
  out += "{\"kind\":";
  str(out, kind_name(e.kind));
  key(out, "begin");
  out += std::to_string(e.begin);
  key(out, "end");
  out += std::to_string(e.end);
  key(out, "type");
  str(out, raw_type_name(e.type()));
  switch (e.kind) {
    case Kind::NumberLiteral:
      key(out, "value");
      str(out, go::format_float(e.number));
      break;
    case Kind::StringLiteral:
      key(out, "value");
      str(out, e.text);
      break;
    case Kind::VectorSelector:
      key(out, "name");
      str(out, e.text);
      key(out, "matchers");
      out += '[';
      for (std::size_t i = 0; i < e.matchers.size(); ++i) {
        if (i) out += ',';
        out += "{\"name\":";
        str(out, e.matchers[i].name);
        out += ",\"op\":";
        str(out, match_op_text(e.matchers[i].op));
        out += ",\"value\":";
        str(out, e.matchers[i].value);
        out += '}';
      }
      out += ']';
      modifiers(out, e);
      break;
    case Kind::MatrixSelector:
      key(out, "range");
      str(out, go::format_duration_ms(e.range_ms));
      key(out, "selector");
      node(out, *e.expr);
      break;
    case Kind::Subquery:
      key(out, "range");
      str(out, go::format_duration_ms(e.range_ms));
      key(out, "step");
      str(out, e.step_ms ? go::format_duration_ms(e.step_ms) : "");
      modifiers(out, e);
      key(out, "expr");
      node(out, *e.expr);
      break;
    case Kind::Call:
      key(out, "func");
      str(out, e.func ? e.func->name : e.text);
      key(out, "args");
      out += '[';
      for (std::size_t i = 0; i < e.args.size(); ++i) {
        if (i) out += ',';
        node(out, *e.args[i]);
      }
      out += ']';
      break;
    case Kind::Aggregate:
      key(out, "op");
      str(out, op_text(e.op));
      key(out, "without");
      out += e.without ? "true" : "false";
      labels(out, "grouping", e.grouping);
      if (e.param) {
        key(out, "param");
        node(out, *e.param);
      }
      key(out, "expr");
      node(out, *e.expr);
      break;
    case Kind::Binary:
      key(out, "op");
      str(out, op_text(e.op));
      key(out, "bool");
      out += e.return_bool ? "true" : "false";
      if (e.has_matching) {
        key(out, "matching");
        out += "{\"card\":";
        str(out, card_name(e.card));
        out += ",\"on\":";
        out += e.on ? "true" : "false";
        labels(out, "labels", e.matching_labels);
        labels(out, "include", e.include_labels);
        out += '}';
      }
      key(out, "lhs");
      node(out, *e.lhs);
      key(out, "rhs");
      node(out, *e.rhs);
      break;
    case Kind::Unary:
      key(out, "op");
      str(out, op_text(e.op));
      key(out, "expr");
      node(out, *e.expr);
      break;
    case Kind::Paren:
      key(out, "expr");
      node(out, *e.expr);
      break;
  }
  out += '}';
}

}  // namespace

std::string to_json(const Expr& expr) {
  std::string out;
  if (expr.end - expr.begin <= kSmallInput) {
    node(out, expr);
  } else {
    run_with_big_stack([&] { node(out, expr); });
  }
  return out;
}

}  // namespace rbc::promql
