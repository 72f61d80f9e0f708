# Sources of compiler/suppress/ (suppression comments (rbc disable/snooze)), relative to compiler/.
list(APPEND RBC_SOURCES
  suppress/apply.cpp
  suppress/baseline.cpp
  suppress/baseline_json.cpp
  suppress/comments.cpp
  suppress/directive.cpp
  suppress/scope.cpp
  suppress/settings.cpp
  suppress/silence.cpp
)
