# Sources of compiler/changes/ (what changed relative to a git ref (--changed)), relative to compiler/.
list(APPEND RBC_SOURCES
  changes/change_set.cpp
  changes/diff.cpp
  changes/git.cpp
  changes/old_rules.cpp
  changes/select.cpp
)
