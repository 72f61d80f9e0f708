// Minimal streaming JSON writer: deterministic, no dependencies.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rbc {

// Appends `text` to `out` as a JSON string literal (with quotes). Invalid
// UTF-8 bytes become U+FFFD so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view text);

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(double number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // Inserts already-serialised JSON as a value.
  JsonWriter& raw(std::string_view json);

  const std::string& str() const { return out_; }

 private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline();

  std::string out_;
  bool pretty_;
  // For each open container: has it got an element yet?
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

}  // namespace rbc
