// Metrics metadata in the JSON form of Prometheus's `/api/v1/metadata`:
// {"status":"success","data":{"name":[{"type":"counter","help":"...","unit":""}]}}
// (the bare "data" object is accepted too). A small JSON reader that keeps
// byte offsets for diagnostics and limits nesting so no input can exhaust
// the stack.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

#include "load/metrics_metadata.hpp"

namespace rbc::load {
namespace {

struct Json {
  enum class Kind { null, boolean, number, string, array, object } kind = Kind::null;
  std::size_t offset = 0;
  std::string text;  // string value
  // Object members as two parallel lists: a pair holding the still
  // incomplete Json is rejected by clang with libstdc++.
  std::vector<std::string> member_names;
  std::vector<Json> member_values;
  std::vector<Json> items;
  const Json* member(std::string_view key) const {
    for (std::size_t i = 0; i < member_names.size(); ++i) {
      if (member_names[i] == key) return &member_values[i];
    }
    return nullptr;
  }
};

struct JsonError {
  std::size_t offset = 0;
  std::string message;
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  std::optional<Json> document() {
    Json value;
    if (!parse_value(value, 0)) return std::nullopt;
    skip_space();
    if (pos_ != text_.size()) {
      fail("unexpected text after the JSON document");
      return std::nullopt;
    }
    return value;
  }
  const JsonError& error() const { return error_; }

 private:
  static constexpr int kMaxDepth = 64;

  // Records the first problem; false, so callers can `return fail(...)`.
  bool fail(std::string message) {
    if (error_.message.empty()) error_ = {pos_, std::move(message)};
    return false;
  }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool parse_value(Json& out, int depth) {
    skip_space();
    out.offset = pos_;
    if (depth > kMaxDepth) return fail("JSON nested too deeply");
    if (pos_ >= text_.size()) return fail("unexpected end of JSON");
    const char c = text_[pos_];
    if (c == '{') return parse_object(out, depth);
    if (c == '[') return parse_array(out, depth);
    if (c == '"') {
      out.kind = Json::Kind::string;
      return parse_string(out.text);
    }
    if (literal("true") || literal("false")) {
      out.kind = Json::Kind::boolean;
      return true;
    }
    if (literal("null")) return true;
    if (c == '-' || (c >= '0' && c <= '9')) {
      out.kind = Json::Kind::number;
      while (pos_ < text_.size() && std::string_view("+-0123456789.eE").find(text_[pos_]) != std::string_view::npos) {
        ++pos_;
      }
      return true;
    }
    return fail(std::string("unexpected character '") + c + "' in JSON");
  }

  bool parse_object(Json& out, int depth) {
    out.kind = Json::Kind::object;
    ++pos_;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '}') return ++pos_, true;
    while (true) {
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != '"') return fail("expected a quoted key in JSON object");
      std::string key;
      if (!parse_string(key)) return false;
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != ':') return fail("expected ':' after JSON object key");
      ++pos_;
      Json value;
      if (!parse_value(value, depth + 1)) return false;
      out.member_names.push_back(std::move(key));
      out.member_values.push_back(std::move(value));
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') return ++pos_, true;
      return fail("expected ',' or '}' in JSON object");
    }
  }

  bool parse_array(Json& out, int depth) {
    out.kind = Json::Kind::array;
    ++pos_;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ']') return ++pos_, true;
    while (true) {
      Json item;
      if (!parse_value(item, depth + 1)) return false;
      out.items.push_back(std::move(item));
      skip_space();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') return ++pos_, true;
      return fail("expected ',' or ']' in JSON array");
    }
  }

  // Metric names and types are ASCII: escapes are kept as their character
  // (\u sequences as '?'), which is enough to read them.
  bool parse_string(std::string& out) {
    ++pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) break;
      const char e = text_[pos_++];
      if (e == 'u') {
        pos_ = std::min(text_.size(), pos_ + 4);
        out += '?';
      } else {
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
      }
    }
    return fail("unterminated JSON string");
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  JsonError error_;
};

// One metric's entries: [{"type": "counter", ...}, ...]; the first typed one wins.
void read_metric(const SourceFile& source, const std::string& name, const Json& entries, MetricTypes& types,
                 Diagnostics& diags) {
  if (entries.kind != Json::Kind::array) {
    metadata_problem(source, entries.offset, "the metadata of '" + name + "' must be a list of {type, help, unit}",
                     diags);
    return;
  }
  for (const Json& entry : entries.items) {
    const Json* type = entry.kind == Json::Kind::object ? entry.member("type") : nullptr;
    if (!type || type->kind != Json::Kind::string) {
      metadata_problem(source, entry.offset, "metadata entry of '" + name + "' has no \"type\" string", diags);
      continue;
    }
    const std::optional<MetricType> parsed = metric_type_from_name(type->text);
    if (!parsed) {
      metadata_problem(source, type->offset, "unknown metric type '" + type->text + "' for '" + name + "'", diags);
      continue;
    }
    add_family(types, name, *parsed);
    return;
  }
}

}  // namespace

void parse_metadata_json(const SourceFile& source, MetricTypes& types, Diagnostics& diags) {
  JsonReader reader(source.text());
  const std::optional<Json> doc = reader.document();
  if (!doc) {
    metadata_problem(source, reader.error().offset, reader.error().message, diags);
    return;
  }
  const Json* data = &*doc;
  if (const Json* status = doc->member("status")) {
    if (status->kind == Json::Kind::string && status->text != "success") {
      metadata_problem(source, status->offset, "the API answer has status '" + status->text + "', not 'success'",
                       diags);
      return;
    }
  }
  if (const Json* inner = doc->member("data")) data = inner;
  if (data->kind != Json::Kind::object) {
    metadata_problem(source, data->offset, "expected \"data\": {metric name: [{\"type\": ...}]}", diags);
    return;
  }
  for (std::size_t i = 0; i < data->member_names.size(); ++i) {
    const std::string& name = data->member_names[i];
    if (data == &*doc && name == "status") continue;
    read_metric(source, name, data->member_values[i], types, diags);
  }
}

}  // namespace rbc::load
