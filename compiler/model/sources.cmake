# model stage sources (relative to compiler/).
list(APPEND RBC_SOURCES
  model/doc_units.cpp
  model/expr_facts.cpp
  model/expr_units.cpp
  model/threshold_match.cpp
)
