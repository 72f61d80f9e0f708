# Sources of compiler/rules/, relative to compiler/.
list(APPEND RBC_SOURCES
  rules/classify.cpp
  rules/context.cpp
  rules/decode.cpp
  rules/field_check.cpp
  rules/load.cpp
  rules/validate.cpp
  rules/yaml_values.cpp
)
