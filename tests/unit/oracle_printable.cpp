// Go's %q quoting as Prometheus 2.42 applies it (strconv.IsPrint with the
// Unicode tables of the Go that built Debian's binary), checked code point by
// code point against tests/data/oracle/go_printable_ranges.tsv, which
// tests/oracle/record_printable.sh measured on a real Prometheus server.
// Covers the printer (string literals) and error messages (%q, %#U).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gotext/utf8.hpp"
#include "../oracle/tsv.hpp"
#include "promql/parse.hpp"

#if __has_include("promql/printer.hpp")
#include "promql/printer.hpp"
#define RBC_ORACLE_HAVE_PRINTER 1
#endif

namespace {

using Ranges = std::vector<std::pair<char32_t, char32_t>>;

Ranges load_ranges() {
  std::ifstream in(std::string(RBC_TEST_DATA) + "/oracle/go_printable_ranges.tsv");
  REQUIRE(in);
  Ranges ranges;
  std::string line;
  while (std::getline(in, line)) {
    const auto f = rbc::oracle::tsv_fields(line);
    REQUIRE(f.size() == 2);
    ranges.emplace_back(static_cast<char32_t>(std::stoul(f[0], nullptr, 16)),
                        static_cast<char32_t>(std::stoul(f[1], nullptr, 16)));
  }
  return ranges;
}

bool printable(const Ranges& ranges, char32_t cp) {
  auto it = std::upper_bound(ranges.begin(), ranges.end(), cp,
                             [](char32_t c, const std::pair<char32_t, char32_t>& r) { return c < r.first; });
  return it != ranges.begin() && cp <= std::prev(it)->second;
}

std::string utf8(char32_t cp) {
  std::string out;
  rbc::gotext::append_utf8(out, cp);
  return out;
}

// One rune the way Go's strconv quoting writes it between `quote` characters.
std::string go_quoted_rune(const Ranges& ranges, char32_t cp, char quote) {
  if (cp == static_cast<char32_t>(quote) || cp == '\\') return std::string("\\") + static_cast<char>(cp);
  if (printable(ranges, cp)) return utf8(cp);
  switch (cp) {
    case '\a': return "\\a";
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\v': return "\\v";
    default: break;
  }
  char buf[16];
  if (cp < ' ' || cp == 0x7f) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
  else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
  else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
  return buf;
}

// Code points either side of every range boundary, plus all of ASCII.
std::vector<char32_t> sample(const Ranges& ranges) {
  std::vector<char32_t> cps;
  for (char32_t c = 0; c < 0x80; ++c) cps.push_back(c);
  for (const auto& [lo, hi] : ranges) {
    const std::uint32_t l = lo;
    const std::uint32_t h = hi;
    for (std::uint32_t c : {l - 1, l, l + (h - l) / 2, h, h + 1}) cps.push_back(static_cast<char32_t>(c));
  }
  std::erase_if(cps, [](char32_t c) { return c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF); });
  std::sort(cps.begin(), cps.end());
  cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
  return cps;
}

}  // namespace

TEST_CASE("string literals print with Go 2.42's %q on every range boundary", "[oracle][fixture]") {
  const Ranges ranges = load_ranges();
  REQUIRE(ranges.size() > 500);
#ifndef RBC_ORACLE_HAVE_PRINTER
  std::cout << "SKIPPED: compiler/promql/printer.hpp does not exist yet\n";
#else
  const std::vector<char32_t> cps = sample(ranges);
  std::size_t wrong = 0;
  std::string first;
  for (char32_t cp : cps) {
    char esc[16];
    std::snprintf(esc, sizeof esc, "\\U%08x", static_cast<unsigned>(cp));
    const std::string expr = std::string("\"") + esc + "\"";
    const std::string want = "\"" + go_quoted_rune(ranges, cp, '"') + "\"";
    const auto r = rbc::promql::parse(expr);
    std::string got = r.error ? "error: " + rbc::promql::format_error(expr, *r.error) : "(no AST)";
    if (!r.error && r.expr) got = rbc::promql::to_string(*r.expr);
    if (got != want && wrong++ < 20) first += expr + "  want " + want + "  got " + rbc::oracle::tsv_escape(got) + "\n";
  }
  std::cout << "oracle printable: " << cps.size() - wrong << "/" << cps.size() << " code points quoted like Go\n";
  INFO("first differences:\n" << first);
  CHECK(wrong == 0);
#endif
}

TEST_CASE("error messages quote runes with Go 2.42's %q and %#U", "[oracle][fixture]") {
  const Ranges ranges = load_ranges();
  std::size_t wrong = 0;
  std::size_t total = 0;
  std::string first;
  for (char32_t cp : sample(ranges)) {
    if (cp < 0x80 || cp == 0xFFFD) continue;  // ASCII is PromQL syntax; U+FFFD reads as invalid UTF-8
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
    const std::string shown = printable(ranges, cp) ? std::string(hex) + " '" + utf8(cp) + "'" : std::string(hex);
    const std::pair<std::string, std::string> cases[] = {
        {utf8(cp), "1:1: parse error: unexpected character: '" + go_quoted_rune(ranges, cp, '\'') + "'"},
        {"\"\\x" + utf8(cp) + "\"", "1:1: parse error: illegal character " + shown + " in escape sequence"},
    };
    for (const auto& [expr, want] : cases) {
      ++total;
      const auto r = rbc::promql::parse(expr);
      const std::string got = r.error ? rbc::promql::format_error(expr, *r.error) : "accepted";
      if (got != want && wrong++ < 20) first += rbc::oracle::tsv_escape(expr) + "  want " + want + "  got " + got + "\n";
    }
  }
  std::cout << "oracle printable: " << total - wrong << "/" << total << " rune messages like Go\n";
  INFO("first differences:\n" << first);
  CHECK(wrong == 0);
}
