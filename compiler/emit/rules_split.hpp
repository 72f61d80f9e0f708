// rules_format: prometheus — each PrometheusRule object's spec becomes a
// plain Prometheus rule file, cut out of the (already edited) text so that
// its comments and layout survive, and moved left to column 1.
#pragma once

#include <string>
#include <vector>

#include "diag/source.hpp"

namespace rbc::emit {

struct SpecFile {
  std::string object_name;  // metadata.name ("" when missing)
  std::string text;         // a plain rule file
  std::string problem;      // why the spec could not be cut out ("" when fine)
};

// One entry per PrometheusRule document, in file order.
std::vector<SpecFile> split_prometheus_rules(const SourceFile& source);

// "rules/k8s/prometheus-rules.yaml" + "kube-pods" ->
// "rules/k8s/prometheus-rules.kube-pods.yml"; characters other than
// letters, digits, '.', '_' and '-' in the object name become '_'. An
// empty name uses the object's 1-based position instead.
std::string split_output_path(const std::string& file_output_path, const std::string& object_name,
                              std::size_t position);

}  // namespace rbc::emit
