# emit stage sources (relative to compiler/).
list(APPEND RBC_SOURCES
  emit/alertmanager.cpp
  emit/alertmanager_match.cpp
  emit/alertmanager_receivers.cpp
  emit/alertmanager_routes.cpp
  emit/alertmanager_yaml.cpp
  emit/paths.cpp
  emit/rules.cpp
  emit/rules_plan.cpp
  emit/rules_split.cpp
  emit/rules_text.cpp
  emit/rules_verify.cpp
  emit/rules_yaml_edit.cpp
  emit/site.cpp
  emit/site_card.cpp
  emit/site_html.cpp
  emit/site_index.cpp
  emit/site_markdown.cpp
  emit/site_plan.cpp
  emit/site_promql.cpp
  emit/site_source.cpp
  emit/site_assets/filter_script.cpp
  emit/site_assets/stylesheet.cpp
)
