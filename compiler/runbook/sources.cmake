# runbook stage sources (relative to compiler/).
list(APPEND RBC_SOURCES
  runbook/anchors_links.cpp
  runbook/fields.cpp
  runbook/front_matter.cpp
  runbook/markdown.cpp
  runbook/name_source.cpp
  runbook/names.cpp
  runbook/page.cpp
  runbook/read.cpp
  runbook/routing.cpp
  runbook/routing_builder.cpp
  runbook/routing_tables.cpp
  runbook/routing_text.cpp
  runbook/sections.cpp
  runbook/slug.cpp
  runbook/slug_tables.cpp
  runbook/tables.cpp
)
