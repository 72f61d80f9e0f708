// Heading anchors exactly as GitHub (github-slugger) makes them.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace rbc::runbook {

// The slug of one heading text, without duplicate numbering.
std::string slug(std::string_view heading_text);

// Slugs for the headings of one document, in order: repeats get "-1", "-2".
class Slugger {
 public:
  std::string next(std::string_view heading_text);

 private:
  std::map<std::string, int, std::less<>> seen_;
};

}  // namespace rbc::runbook
