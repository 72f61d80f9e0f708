# Sources of compiler/rewrite/ (in-place rewrites of rule files (rbc fmt, rbc check --fix)), relative to compiler/.
list(APPEND RBC_SOURCES
  rewrite/ast_compare.cpp
  rewrite/expr_layout.cpp
  rewrite/file_rewrite.cpp
  rewrite/safe_fixes.cpp
  rewrite/unified_diff.cpp
  rewrite/verify.cpp
  rewrite/write_file.cpp
  rewrite/yaml_edit.cpp
)
