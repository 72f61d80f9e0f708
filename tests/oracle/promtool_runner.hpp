// Runs the real promtool (2.42) over many PromQL expressions at once and maps
// each reported parse error back to its expression.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::oracle {

struct Verdict {
  bool accepted = true;
  std::string message;  // what promtool prints after "could not parse expression: "
};

// YAML double-quoted scalar that decodes to exactly `raw` (valid UTF-8 expected).
std::string yaml_quote(std::string_view raw);

// A rule file with one group "g" holding recording rule r<i> for expression i.
std::string rule_file(const std::vector<std::string>& exprs);

// First line of `promtool --version`, or nullopt when promtool cannot run.
std::optional<std::string> promtool_version(const std::string& promtool = "promtool");

// Checks all expressions in one promtool run (promtool reports the parse
// error of every rule). Throws std::runtime_error if the output cannot be
// mapped back (a harness bug, never a verdict).
std::vector<Verdict> run_promtool(const std::vector<std::string>& exprs, const std::string& promtool = "promtool");

// Maps promtool's output for `file` onto `count` rules (exposed for tests).
std::vector<Verdict> parse_promtool_output(std::string_view output, std::string_view file, std::size_t count);

// Verdicts cached on disk; the key covers seed, count, the exact expressions
// and the promtool version, so a changed generator never reuses stale answers.
std::string cache_key(std::uint64_t seed, const std::vector<std::string>& exprs, std::string_view version);
std::optional<std::vector<Verdict>> load_cache(const std::string& path, std::string_view key);
void save_cache(const std::string& path, std::string_view key, const std::vector<Verdict>& verdicts);

}  // namespace rbc::oracle
