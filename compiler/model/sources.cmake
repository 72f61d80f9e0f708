# model stage sources (relative to compiler/).
list(APPEND RBC_SOURCES
  model/link_resolve.cpp
  model/link_files.cpp
  model/link_template.cpp
  model/local_file.cpp
  model/url.cpp
  model/doc_units.cpp
  model/expr_facts.cpp
  model/expr_units.cpp
  model/threshold_match.cpp
  model/bind.cpp
  model/describe_rules.cpp
  model/describe_runbook.cpp
  model/routing_merge.cpp
  model/routing.cpp
)
