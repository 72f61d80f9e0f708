// Threshold phrases: the table in tests/data/threshold/phrases.tsv (real
// runbook and alert descriptions plus invented styles), hostile input, and
// the duration printer.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "threshold/phrase.hpp"

using rbc::threshold::format_duration;
using rbc::threshold::parse_phrase;
using rbc::threshold::Phrase;

namespace {

std::vector<std::string> split(const std::string& text, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (true) {
    std::size_t end = text.find(sep, begin);
    out.push_back(text.substr(begin, end - begin));
    if (end == std::string::npos) return out;
    begin = end + sep.size();
  }
}

std::string number_text(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", value);
  return buf;
}

// "OP VALUE [UNIT] [of_max] [sev=WORD]" with the value printed one way, so
// "1500" and "1.5e3" in the table mean the same.
std::string normalize_comparison(const std::string& written) {
  std::istringstream words(written);
  std::string op, value, rest, word;
  words >> op >> value;
  while (words >> word) rest += " " + word;
  return op + " " + number_text(std::stod(value)) + rest;
}

std::string describe_comparisons(const Phrase& phrase) {
  std::string out;
  for (const auto& c : phrase.comparisons) {
    if (!out.empty()) out += "; ";
    out += std::string(rbc::threshold::op_text(c.op)) + " " + number_text(c.value);
    if (!c.unit.empty()) out += " " + c.unit;
    if (c.of_max) out += " of_max";
    if (!c.severity_word.empty()) out += " sev=" + c.severity_word;
  }
  return out.empty() ? "-" : out;
}

std::string describe_texts(const std::string& text, const Phrase& phrase) {
  std::string out;
  for (const auto& c : phrase.comparisons) {
    if (!out.empty()) out += " | ";
    out += text.substr(c.text.begin, c.text.end - c.text.begin);
  }
  return out;
}

std::string duration_or_dash(const std::optional<std::int64_t>& ms) {
  return ms ? format_duration(*ms) : "-";
}

struct Row {
  int line = 0;
  std::vector<std::string> cells;
};

std::vector<Row> read_table() {
  std::ifstream in(std::string(RBC_TEST_DATA) + "/threshold/phrases.tsv");
  std::vector<Row> rows;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    rows.push_back({number, split(line, "\t")});
  }
  return rows;
}

}  // namespace

TEST_CASE("every phrase in the table reads exactly as expected", "[threshold]") {
  const auto rows = read_table();
  REQUIRE(rows.size() >= 150);
  int nothing = 0;
  for (const Row& row : rows) {
    INFO("phrases.tsv line " << row.line << ": " << row.cells[0]);
    REQUIRE(row.cells.size() >= 4);
    const std::string& text = row.cells[0];
    const Phrase phrase = parse_phrase(text);

    std::string expected = "-";
    if (row.cells[1] != "-") {
      expected.clear();
      for (const auto& item : split(row.cells[1], "; ")) {
        if (!expected.empty()) expected += "; ";
        expected += normalize_comparison(item);
      }
    }
    CHECK(describe_comparisons(phrase) == expected);
    CHECK(duration_or_dash(phrase.for_ms) == row.cells[2]);
    CHECK(duration_or_dash(phrase.window_ms) == row.cells[3]);
    if (row.cells.size() >= 5) CHECK(describe_texts(text, phrase) == row.cells[4]);
    if (row.cells[1] == "-" && row.cells[2] == "-" && row.cells[3] == "-") ++nothing;
  }
  // The table must keep its negative cases.
  CHECK(nothing >= 25);
}

TEST_CASE("a comparison's text takes in its own duration and window", "[threshold]") {
  const std::string text = "Service error rate >5% for 5 minutes";
  const Phrase phrase = parse_phrase(text);
  REQUIRE(phrase.comparisons.size() == 1);
  CHECK(text.substr(phrase.comparisons[0].text.begin) == ">5% for 5 minutes");
  CHECK(text.substr(phrase.for_text.begin, phrase.for_text.end - phrase.for_text.begin) ==
        "for 5 minutes");

  const std::string window = "Coverage < 70% and dropped > 5% in 1 hour";
  const Phrase compound = parse_phrase(window);
  CHECK(window.substr(compound.window_text.begin,
                      compound.window_text.end - compound.window_text.begin) == "in 1 hour");
}

TEST_CASE("durations print as Prometheus prints them", "[threshold]") {
  CHECK(format_duration(0) == "0s");
  CHECK(format_duration(300000) == "5m");
  CHECK(format_duration(90000) == "1m30s");
  CHECK(format_duration(5400000) == "1h30m");
  CHECK(format_duration(86400000) == "1d");
  CHECK(format_duration(7 * 86400000LL) == "1w");
  CHECK(format_duration(8 * 86400000LL) == "8d");  // weeks only when exact
  CHECK(format_duration(14 * 86400000LL) == "2w");
  CHECK(format_duration(365 * 86400000LL) == "1y");
  CHECK(format_duration(1500) == "1s500ms");
  CHECK(format_duration(-60000) == "-1m");
}

// A guard against runaway (backtracking) parsing, not a speed measure
// (bench/ measures speed): generous enough for sanitizer builds, which run
// several times slower, yet far below what a blow-up takes.
constexpr long long budget_ms = 2000;

TEST_CASE("hostile input never throws, crashes or hangs", "[threshold]") {
  const auto timed = [](const std::string& text) {
    const auto start = std::chrono::steady_clock::now();
    const Phrase phrase = parse_phrase(text);
    const auto took = std::chrono::steady_clock::now() - start;
    CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() < budget_ms);
    return phrase;
  };
  // A megabyte of digits is no number anyone compares with.
  CHECK(timed(std::string(1 << 20, '7')).comparisons.empty());
  CHECK(timed("> " + std::string(1 << 20, '7')).comparisons.empty());
  CHECK(timed("for " + std::string(100000, '9') + " minutes").for_ms == std::nullopt);
  CHECK(timed(">" + std::string(100000, ' ') + "5%").comparisons.size() == 1);
  CHECK(timed("\xff\xfe \xe2\x89 > 5% \xc2\xe2").comparisons.size() == 1);
  CHECK(timed(std::string("> 5%\0 for 5m", 12)).comparisons.size() == 1);
  CHECK(parse_phrase("").comparisons.empty());

  std::string grouped = "> 1";
  for (int i = 0; i < 30000; ++i) grouped += ",000";
  CHECK(timed(grouped).comparisons.empty());

  std::mt19937 random(42);
  std::string bytes(100000, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xff);
  timed(bytes);

  std::string mixed;
  while (mixed.size() < 100000) mixed += "Error rate >5% for 5 minutes, more than 10 files over the last 5m; ";
  const Phrase many = timed(mixed);
  CHECK(many.comparisons.size() > 2000);

  std::string operators;
  while (operators.size() < 100000) operators += "> >= more than at least critical at for in over the last ";
  CHECK(timed(operators).comparisons.empty());
}
