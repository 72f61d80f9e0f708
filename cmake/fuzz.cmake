# Fuzz targets (fuzz/*.cpp), two ways:
#  - always (with the tests): rbc_fuzz_replay, one plain executable holding
#    every target, which replays the inputs kept in
#    tests/data/fuzz-regressions/<target>/ as the ctest `fuzz_regressions`;
#  - with RBC_FUZZ=ON (clang): one libFuzzer binary per target, fuzz_<target>.
#    rbc_core is then instrumented for coverage (-fsanitize=fuzzer-no-link) on
#    top of ASan+UBSan, so the same tree also runs the test suite sanitized.
set(RBC_FUZZ_TARGETS promql threshold template rules runbook check)

if(RBC_BUILD_TESTS)
  set(replay_sources ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/replay_main.cpp)
  foreach(target ${RBC_FUZZ_TARGETS})
    list(APPEND replay_sources ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_${target}.cpp)
  endforeach()
  add_executable(rbc_fuzz_replay ${replay_sources})
  target_compile_definitions(rbc_fuzz_replay PRIVATE RBC_FUZZ_REPLAY)
  target_link_libraries(rbc_fuzz_replay PRIVATE rbc_core rbc_warnings)
  add_test(NAME fuzz_regressions
           COMMAND rbc_fuzz_replay ${CMAKE_CURRENT_SOURCE_DIR}/tests/data/fuzz-regressions)
endif()

if(NOT RBC_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "RBC_FUZZ needs clang with libFuzzer, e.g. CXX=clang++-14 (Debian: libclang-rt-14-dev)")
endif()

target_compile_options(rbc_core PRIVATE -fsanitize=fuzzer-no-link)
foreach(target ${RBC_FUZZ_TARGETS})
  add_executable(fuzz_${target} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_${target}.cpp)
  target_compile_options(fuzz_${target} PRIVATE -fsanitize=fuzzer)
  target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer)
  target_link_libraries(fuzz_${target} PRIVATE rbc_core rbc_warnings)
endforeach()

# Differential PromQL fuzzing against promtool (fuzz/fuzz_promql_diff.cpp),
# sharing the oracle harness of tests/oracle.
set(oracle ${CMAKE_CURRENT_SOURCE_DIR}/tests/oracle)
add_executable(fuzz_promql_diff ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_promql_diff.cpp
                                ${oracle}/promtool_runner.cpp ${oracle}/tsv.cpp)
target_include_directories(fuzz_promql_diff PRIVATE ${oracle})
target_compile_options(fuzz_promql_diff PRIVATE -fsanitize=fuzzer)
target_link_options(fuzz_promql_diff PRIVATE -fsanitize=fuzzer)
target_link_libraries(fuzz_promql_diff PRIVATE rbc_core rbc_warnings)
