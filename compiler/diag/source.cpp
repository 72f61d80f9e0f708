#include "diag/source.hpp"

#include <algorithm>

namespace rbc {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

Position SourceFile::position_at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(offset - start + 1)};
}

std::size_t SourceFile::offset_of(Position pos) const {
  if (!pos.valid()) return 0;
  const std::size_t line = std::min<std::size_t>(pos.line, line_starts_.size());
  const std::size_t start = line_starts_[line - 1];
  return std::min(text_.size(), start + (pos.column ? pos.column - 1 : 0));
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::size_t start = line_starts_[line - 1];
  std::size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  std::string_view view(text_);
  view = view.substr(start, end - start);
  while (!view.empty() && (view.back() == '\n' || view.back() == '\r')) view.remove_suffix(1);
  return view;
}

}  // namespace rbc
