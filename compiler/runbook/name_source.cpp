#include "runbook/model.hpp"

namespace rbc::runbook {

const char* name_source_text(NameSource source) {
  switch (source) {
    case NameSource::heading: return "heading";
    case NameSource::field: return "field";
    case NameSource::code_span: return "code span";
    case NameSource::words: return "heading words";
    case NameSource::front_matter: return "front matter";
    case NameSource::page: return "page";
    case NameSource::table_row: return "table row";
  }
  return "?";
}

}  // namespace rbc::runbook
