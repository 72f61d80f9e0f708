# Sources of compiler/cli/, relative to compiler/.
list(APPEND RBC_SOURCES
  cli/app.cpp
  cli/check_baseline.cpp
  cli/check_changed.cpp
  cli/check_fix.cpp
  cli/check_outcome.cpp
  cli/check_pipeline.cpp
  cli/cmd_build.cpp
  cli/load_inputs.cpp
  cli/cmd_check.cpp
  cli/cmd_fmt.cpp
  cli/cmd_checks.cpp
  cli/cmd_inspect.cpp
  cli/cmd_promql.cpp
  cli/cmd_version.cpp
)
