// classify(): a streaming look at the first levels of each YAML document,
// stopping as soon as the answer is known. No tree is built.
#include <yaml.h>

#include <string>
#include <vector>

#include "load/yaml_tree.hpp"
#include "rules/load.hpp"

namespace rbc::rules {
namespace {

std::string_view scalar_of(const yaml_event_t& ev) {
  return {reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length};
}

class Classifier {
 public:
  // Returns the answer once known.
  std::optional<FileKind> on_event(const yaml_event_t& ev) {
    switch (ev.type) {
      case YAML_DOCUMENT_START_EVENT: stack_.clear(); return std::nullopt;
      case YAML_MAPPING_START_EVENT:
      case YAML_SEQUENCE_START_EVENT: return open(ev.type == YAML_MAPPING_START_EVENT);
      case YAML_MAPPING_END_EVENT:
      case YAML_SEQUENCE_END_EVENT:
        stack_.pop_back();
        value_done();
        return std::nullopt;
      case YAML_SCALAR_EVENT: return scalar(scalar_of(ev));
      case YAML_ALIAS_EVENT: value_done(); return std::nullopt;
      default: return std::nullopt;
    }
  }

  FileKind at_end() const {
    if (catalog_) return FileKind::other;
    return groups_ ? FileKind::rule_file : FileKind::other;
  }

 private:
  struct Level {
    bool mapping;
    bool expect_key = true;
    std::string key;  // current key (mappings)
  };

  // Path of keys to the current node, e.g. top-level "groups" then a list item.
  bool at_top_value(std::string_view key) const {
    return stack_.size() == 1 && stack_[0].mapping && !stack_[0].expect_key && stack_[0].key == key;
  }
  bool in_group_entry() const {
    return stack_.size() == 3 && stack_[0].mapping && stack_[0].key == "groups" &&
           !stack_[1].mapping && stack_[2].mapping && stack_[2].expect_key;
  }

  std::optional<FileKind> open(bool mapping) {
    stack_.push_back(Level{mapping, true, {}});
    return std::nullopt;
  }

  void value_done() {
    if (!stack_.empty() && stack_.back().mapping) stack_.back().expect_key = true;
  }

  std::optional<FileKind> scalar(std::string_view v) {
    if (stack_.empty() || !stack_.back().mapping) return std::nullopt;
    Level& level = stack_.back();
    if (!level.expect_key) {
      if (at_top_value("kind") && v == "PrometheusRule") return FileKind::prometheus_rule;
      if (at_top_value("groups")) groups_ = true;  // `groups:` null
      level.expect_key = true;
      return std::nullopt;
    }
    if (in_group_entry()) {
      if (v == "rules") return FileKind::rule_file;
      if (v == "services") catalog_ = true;
    }
    if (stack_.size() == 1) {
      if (v == "rule_files" || v == "tests") return FileKind::other;
      if (v == "groups") groups_ = true;
    }
    level.key = std::string(v);
    level.expect_key = false;
    return std::nullopt;
  }

  std::vector<Level> stack_;
  bool groups_ = false;
  bool catalog_ = false;
};

}  // namespace

FileKind classify(const SourceFile& source) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  const std::string& text = source.text();
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  Classifier classifier;
  std::optional<FileKind> answer;
  bool error = false;
  // libyaml's scanner costs O(depth) per token inside flow collections:
  // stop where the loader will (its depth limit) instead of scanning on.
  std::size_t depth = 0;
  for (bool done = false; !done && !answer;) {
    yaml_event_t ev;
    if (!yaml_parser_parse(&parser, &ev)) {
      error = true;
      break;
    }
    done = ev.type == YAML_STREAM_END_EVENT;
    if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT) ++depth;
    if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) --depth;
    if (depth > yaml::ParseOptions{}.max_depth) {
      yaml_event_delete(&ev);
      error = true;
      break;
    }
    answer = classifier.on_event(ev);
    yaml_event_delete(&ev);
  }
  yaml_parser_delete(&parser);
  if (answer) return *answer;
  const FileKind kind = classifier.at_end();
  return error && kind == FileKind::other ? FileKind::unparsable : kind;
}

}  // namespace rbc::rules
