// The index filter: text words and severity, rows hidden in place.
#include "emit/site_assets.hpp"

namespace rbc::emit::site {

std::string_view filter_script() {
  static constexpr std::string_view kJs = R"js(
(function () {
  "use strict";
  var text = document.getElementById("filter-text");
  var severity = document.getElementById("filter-severity");
  var count = document.getElementById("filter-count");
  var empty = document.getElementById("filter-empty");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#alerts tbody tr"));
  function apply() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = severity.value;
    var shown = 0;
    rows.forEach(function (row) {
      var haystack = row.getAttribute("data-search");
      var ok = (!wanted || row.getAttribute("data-severity") === wanted) &&
        words.every(function (w) { return haystack.indexOf(w) !== -1; });
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + " of " + rows.length + " alerts";
    empty.hidden = shown !== 0;
  }
  text.addEventListener("input", apply);
  severity.addEventListener("change", apply);
  apply();
})();
)js";
  return kJs;
}

}  // namespace rbc::emit::site
