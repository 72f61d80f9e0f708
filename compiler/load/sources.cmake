# Sources of compiler/load/, relative to compiler/.
list(APPEND RBC_SOURCES
  load/metrics_metadata.cpp
  load/metrics_metadata_json.cpp
  load/read_file.cpp
  load/yaml_builder.cpp
  load/yaml_scalar_map.cpp
  load/yaml_tree.cpp
)
