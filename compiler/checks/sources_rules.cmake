# rules lint checks (relative to compiler/).
list(APPEND RBC_SOURCES
  checks/rule_for_bounds.cpp
  checks/rule_for_conflict.cpp
  checks/rule_group_interval.cpp
  checks/rule_name.cpp
  checks/rule_name_case.cpp
  checks/rule_rejected_labels.cpp
  checks/rule_required_annotations.cpp
  checks/rule_required_labels.cpp
  checks/rule_severity.cpp
  checks/rule_summary.cpp
  checks/rule_values.cpp
  checks/template_alertname.cpp
  checks/template_label_dropped.cpp
  checks/template_value_in_label.cpp
)
