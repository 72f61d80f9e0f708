// Labelled fields ("**Severity**: critical", "- Trigger: ...", table
// columns) and what their labels mean.
#pragma once

#include <string_view>
#include <vector>

#include "diag/source.hpp"
#include "runbook/markdown.hpp"
#include "runbook/model.hpp"

namespace rbc::runbook {

enum class LabelKind { none, severity, condition, alert };

// Severity / Priority / Level; Description / Trigger / Symptom / Condition
// / Fires when / Threshold / Expression / When / Summary / For; Alert /
// Alert name. Case-insensitive, as written (without the colon).
LabelKind classify_label(std::string_view label);

// A field cut out of a block's plain text: text[begin, end) with offsets.
Field make_field(std::string_view label, const PlainText& plain, std::size_t begin,
                 std::size_t end, const SourceFile& source);

struct LabelledField {
  LabelKind kind = LabelKind::none;
  Field field;
};

// Every "Label: value" line of a paragraph whose label is known.
std::vector<LabelledField> line_fields(const PlainText& plain, const SourceFile& source);

}  // namespace rbc::runbook
