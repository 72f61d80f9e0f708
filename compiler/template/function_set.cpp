#include "template/function_set.hpp"

#include <algorithm>
#include <array>

namespace rbc::gotmpl {
namespace {

constexpr std::array<std::string_view, 19> kGoBuiltins{
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print",
    "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
};

// Newer Prometheus versions add more (toDuration, now, urlQueryEscape ...);
// promtool 2.42 rejects those, so they are deliberately absent.
constexpr std::array<std::string_view, 26> kPrometheus{
    "query", "first", "label", "value", "strvalue", "args", "reReplaceAll",
    "safeHtml", "match", "title", "toUpper", "toLower", "graphLink", "tableLink",
    "sortByLabel", "humanize", "humanize1024", "humanizeDuration",
    "humanizePercentage", "humanizeTimestamp", "toTime", "pathPrefix",
    "externalURL", "parseDuration", "stripPort", "stripDomain",
};

}  // namespace

bool is_template_function(std::string_view name) {
  return std::ranges::find(kGoBuiltins, name) != kGoBuiltins.end() ||
         std::ranges::find(kPrometheus, name) != kPrometheus.end();
}

std::span<const std::string_view> go_builtin_functions() { return kGoBuiltins; }
std::span<const std::string_view> prometheus_template_functions() { return kPrometheus; }

}  // namespace rbc::gotmpl
