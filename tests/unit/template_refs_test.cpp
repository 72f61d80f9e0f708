// The refs API used by lint checks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "template/template_refs.hpp"

using rbc::gotmpl::collect_refs;
using rbc::gotmpl::TemplateRef;

namespace {

std::vector<std::string> names(const std::vector<TemplateRef>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.name);
  return out;
}

}  // namespace

TEST_CASE("template refs list label names read from the alert", "[template]") {
  const auto refs = collect_refs(
      "{{ $labels.instance }} {{ .Labels.job }} {{ index $labels \"severity\" }} {{ $value | humanize }}");
  CHECK(refs.complete);
  CHECK(names(refs.labels) == std::vector<std::string>{"instance", "job", "severity"});
  CHECK(names(refs.functions) == std::vector<std::string>{"index", "humanize"});
  CHECK(names(refs.variables) == std::vector<std::string>{"$labels.instance", "$labels", "$value"});
  CHECK(names(refs.fields) == std::vector<std::string>{".Labels.job"});
  REQUIRE(refs.labels.size() == 3);
  CHECK(refs.labels[0].offset == 3);
}

TEST_CASE("template refs ignore the header and changed dots", "[template]") {
  const auto refs = collect_refs("{{ range query \"up\" }}{{ .Labels.pod }}{{ end }}");
  CHECK(refs.labels.empty());
  CHECK(names(refs.functions) == std::vector<std::string>{"query"});
  CHECK(names(refs.fields) == std::vector<std::string>{".Labels.pod"});
}

TEST_CASE("template refs stop at a syntax error", "[template]") {
  const auto refs = collect_refs("{{ $labels.a }}{{ nope }}{{ $labels.b }}");
  CHECK_FALSE(refs.complete);
  CHECK(names(refs.labels) == std::vector<std::string>{"a"});
}
