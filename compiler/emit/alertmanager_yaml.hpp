// Text pieces of alertmanager.yml: quoted scalars, durations, matchers and
// comments. Internal to the Alertmanager emitter.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::emit::am {

// A YAML double-quoted scalar.
std::string quote(std::string_view text);
// Alertmanager duration: 90000 -> "1m30s", 0 -> "0s".
std::string duration(std::int64_t ms);
// An Alertmanager 0.25 matcher string for `name` matching any of `values`:
// name="v" for one value, name=~"v1|v2" (values regex-escaped) for several;
// `negate`: none of them (name!="v", name!~"v1|v2").
std::string matcher(std::string_view name, const std::vector<std::string>& values, bool negate = false);
// Runbook text made safe for a one-line comment (newlines folded, cut short).
std::string comment_text(std::string_view text);

}  // namespace rbc::emit::am
