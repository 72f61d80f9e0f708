#include "emit/alertmanager_conditions.hpp"

#include <algorithm>

#include "emit/alertmanager_yaml.hpp"

namespace rbc::emit::am {
namespace {

// Adds "label in values" to `c`; false when no alert can match any more.
bool add_in(Condition& c, const std::string& label, const std::set<std::string>& values) {
  LabelTest& test = c[label];
  std::set<std::string> kept;
  for (const std::string& v : values) {
    if (test.out.count(v)) continue;
    if (test.in && !test.in->count(v)) continue;
    kept.insert(v);
  }
  test.in = std::move(kept);
  return !test.in->empty();
}

bool add_out(Condition& c, const std::string& label, const std::set<std::string>& values) {
  LabelTest& test = c[label];
  test.out.insert(values.begin(), values.end());
  if (!test.in) return true;
  for (const std::string& v : values) test.in->erase(v);
  return !test.in->empty();
}

// One label test of a condition, as "in" or "out" sets to add.
struct Literal {
  std::string label;
  bool negative = false;
  std::set<std::string> values;
};

std::vector<Literal> literals(const Condition& c) {
  std::vector<Literal> out;
  for (const auto& [label, test] : c) {
    if (test.in) out.push_back({label, false, *test.in});
    if (!test.out.empty()) out.push_back({label, true, test.out});
  }
  return out;
}

bool add(Condition& c, const Literal& literal, bool negate) {
  return literal.negative != negate ? add_out(c, literal.label, literal.values)
                                    : add_in(c, literal.label, literal.values);
}

// x and not(l1 and l2 ...) = (x and not l1) or (x and l1 and not l2) or ...
std::vector<Condition> minus(const Condition& x, const Condition& earlier) {
  std::vector<Condition> out;
  const std::vector<Literal> lits = literals(earlier);
  for (std::size_t k = 0; k < lits.size(); ++k) {
    Condition part = x;
    bool possible = add(part, lits[k], true);
    for (std::size_t j = 0; possible && j < k; ++j) possible = add(part, lits[j], false);
    if (possible) out.push_back(std::move(part));
  }
  return out;
}

}  // namespace

void require_in(Condition& c, const std::string& label, const std::vector<std::string>& values) {
  if (values.empty()) return;
  add_in(c, label, std::set<std::string>(values.begin(), values.end()));
}

std::vector<Condition> subtract(const Condition& c, const std::vector<Condition>& earlier) {
  std::vector<Condition> parts{c};
  for (const Condition& e : earlier) {
    std::vector<Condition> next;
    for (const Condition& part : parts) {
      for (Condition& piece : minus(part, e)) next.push_back(std::move(piece));
    }
    parts = std::move(next);
  }
  return parts;
}

std::vector<std::string> matchers(const Condition& c) {
  std::vector<std::string> out;
  for (const auto& [label, test] : c) {
    if (test.in) {
      out.push_back(matcher(label, std::vector<std::string>(test.in->begin(), test.in->end())));
    } else if (!test.out.empty()) {
      out.push_back(matcher(label, std::vector<std::string>(test.out.begin(), test.out.end()), true));
    }
  }
  return out;
}

}  // namespace rbc::emit::am
