// A page per alert: the whole page documents one alert, named by its front
// matter, its first heading or its file name.
#include <algorithm>
#include <iterator>

#include "runbook/document.hpp"
#include "runbook/names.hpp"

namespace rbc::runbook {

namespace {

constexpr std::string_view kTemplateHeadings[] = {"meaning", "impact", "diagnosis",
                                                  "mitigation"};
constexpr std::string_view kNotAlertPages[] = {"_index", "index", "readme", "contributing",
                                               "changelog", "license", "summary"};

std::string file_stem(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  const std::size_t dot = path.find('.');
  return std::string(path.substr(0, dot));
}

int template_headings(const Page& page) {
  int count = 0;
  for (const HeadingEntry& h : page.headings) {
    const std::string low = to_lower(h.text.text);
    if (std::find(std::begin(kTemplateHeadings), std::end(kTemplateHeadings), low) !=
        std::end(kTemplateHeadings)) {
      ++count;
    }
  }
  return count;
}

// A candidate name from a title: the identifier it is ("NodeRAIDDiskFailure",
// "KubeVirtX [Deprecated]"), or the file stem when its words spell it
// ("CPU Throttling High" in CPUThrottlingHigh.md).
struct Candidate {
  std::string name;
  bool spells_stem = false;  // equal to the stem (ignoring case)
  std::size_t begin = 0;     // byte range in the title text
  std::size_t end = 0;
};

bool candidate(std::string_view title, const std::string& stem, Candidate& out) {
  NamedHeading nh;
  if (parse_named_heading(title, nh) && nh.names.size() == 1 && nh.words_begin == 0 &&
      (is_camel_name(nh.names[0].name) || equals_ignore_case(nh.names[0].name, stem))) {
    out = {nh.names[0].name, equals_ignore_case(nh.names[0].name, stem), nh.names[0].begin,
           nh.names[0].end};
    return true;
  }
  const std::string joined = name_from_words(title);
  if (!joined.empty() && equals_ignore_case(joined, stem)) {
    out = {stem, true, 0, title.size()};
    return true;
  }
  return false;
}

AlertName name_in(const Field& field, const Candidate& c, const SourceFile& source,
                  NameSource how) {
  AlertName name{c.name, field.span, how};
  const bool written = c.end > c.begin && c.end <= field.offsets.size() &&
                       c.name == field.text.substr(c.begin, c.end - c.begin);
  if (written) {
    name.span = {source.position_at(field.offsets[c.begin]),
                 source.position_at(field.offsets[c.end - 1] + 1)};
  }
  return name;
}

const HeadingEntry* first_heading(const Page& page) {
  for (const HeadingEntry& h : page.headings) {
    if (h.level == 1) return &h;
  }
  return page.headings.empty() ? nullptr : &page.headings.front();
}

// Decides the page's alert name, or none when the page is not about one alert.
bool page_name(const Page& page, AlertName& out) {
  const SourceFile& source = page.source;
  const std::string stem = file_stem(source.path());
  const std::string low_stem = to_lower(stem);
  if (std::find(std::begin(kNotAlertPages), std::end(kNotAlertPages), low_stem) !=
      std::end(kNotAlertPages)) {
    return false;
  }
  const FrontMatter& fm = page.front_matter;
  for (std::string_view key : {"alert", "alertname", "alert_name"}) {
    const Field* field = fm.find(key);
    Candidate c;
    if (field && candidate(field->text, stem, c)) {
      out = name_in(*field, c, source, NameSource::front_matter);
      return true;
    }
  }
  // Without front matter saying so, a page about one alert is named by a
  // CamelCase file name or has the usual Meaning/Impact/... sections.
  const bool template_page = template_headings(page) >= 2;
  if (!template_page && (!is_camel_name(stem) || stem.find('_') != std::string::npos)) {
    return false;
  }
  Candidate c;
  if (const Field* title = fm.find("title"); title && candidate(title->text, stem, c) &&
                                             (c.spells_stem || template_page)) {
    out = name_in(*title, c, source, NameSource::front_matter);
    return true;
  }
  const HeadingEntry* h = first_heading(page);
  if (h && candidate(h->text.text, stem, c) &&
      (c.spells_stem || template_page || (is_camel_name(c.name) && has_condition_word(c.name)))) {
    const Field as_field{"", h->text.text, h->text.offsets, {}};
    out = name_in(as_field, c, source, NameSource::page);
    return true;
  }
  if (template_page && is_camel_name(stem)) {
    out = {stem, {{1, 1}, {1, 1}}, NameSource::page};
    return true;
  }
  return false;
}

}  // namespace

bool page_section(const Page& page, Section& out) {
  AlertName name;
  if (!page_name(page, name)) return false;
  out = {};
  out.alerts.push_back(std::move(name));
  if (const HeadingEntry* h = first_heading(page)) {
    out.line = h->line;
    out.heading = h->text.text;
    out.anchor = h->anchor;
  } else {
    out.line = 1;
  }
  out.level = 0;
  out.span.begin = {1, 1};
  out.span.end = section_end(page, page.blocks.size());
  for (const Field& field : page.front_matter.scalars) {
    const LabelKind kind = classify_label(field.label);
    if (kind == LabelKind::severity) out.severity.push_back(field);
    if (kind == LabelKind::condition) out.conditions.push_back(field);
  }
  for (const LabelledField& f : block_fields(page, 0, page.blocks.size())) {
    if (f.kind == LabelKind::severity) out.severity.push_back(f.field);
    if (f.kind == LabelKind::condition) out.conditions.push_back(f.field);
  }
  return true;
}

}  // namespace rbc::runbook
