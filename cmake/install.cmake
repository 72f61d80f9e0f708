# Installation (`cmake --install`) and packaging (`cpack`, a Debian .deb):
#   bin/rbc
#   share/man/man1/rbc.1                        generated from rbc --help
#   share/bash-completion/completions/rbc       bash
#   share/zsh/vendor-completions/_rbc           zsh (Debian's fpath)
#   share/fish/vendor_completions.d/rbc.fish    fish
# The man page and completions are generated at build time by
# cmake/install/cli_docs.py from the built binary's --help output.
include(GNUInstallDirs)
find_package(Python3 COMPONENTS Interpreter)

install(TARGETS rbc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

if(Python3_Interpreter_FOUND)
  set(RBC_CLI_DOCS_DIR ${CMAKE_BINARY_DIR}/cli_docs)
  set(RBC_CLI_DOCS ${RBC_CLI_DOCS_DIR}/rbc.1 ${RBC_CLI_DOCS_DIR}/rbc.bash ${RBC_CLI_DOCS_DIR}/_rbc
                   ${RBC_CLI_DOCS_DIR}/rbc.fish)
  add_custom_command(
    OUTPUT ${RBC_CLI_DOCS}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${RBC_CLI_DOCS_DIR}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/install/cli_docs.py $<TARGET_FILE:rbc>
            ${PROJECT_VERSION} ${RBC_CLI_DOCS_DIR}
    DEPENDS rbc ${CMAKE_CURRENT_SOURCE_DIR}/cmake/install/cli_docs.py
    COMMENT "Generating the rbc man page and shell completions from rbc --help"
    VERBATIM)
  add_custom_target(rbc_cli_docs ALL DEPENDS ${RBC_CLI_DOCS})
  install(FILES ${RBC_CLI_DOCS_DIR}/rbc.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${RBC_CLI_DOCS_DIR}/rbc.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          RENAME rbc)
  install(FILES ${RBC_CLI_DOCS_DIR}/_rbc DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
  install(FILES ${RBC_CLI_DOCS_DIR}/rbc.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
else()
  message(STATUS "rbc: python3 not found; the man page and shell completions are not built")
endif()

# --- CPack: `cpack -G DEB` in the build directory -> rbc_<version>_<arch>.deb
set(RBC_DEB_MAINTAINER "rbc maintainers <rbc@localhost>" CACHE STRING "Maintainer field of the .deb")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rbc)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${RBC_DEB_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "runbook compiler: checks Prometheus alert rules and their runbooks")
set(CPACK_PACKAGE_DESCRIPTION
    "rbc checks Prometheus rule files exactly as promtool check rules does, lints them, cross-checks alerts against their runbooks and builds rules, an Alertmanager config and a runbook site.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${RBC_DEB_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "prometheus, bash-completion")
find_program(RBC_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(RBC_DPKG_SHLIBDEPS)
  # Depends computed from the binary's shared libraries.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  # Debian 12's packages of the libraries rbc links (see `ldd rbc`).
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libgcc-s1, libstdc++6, libfmt9, libyaml-cpp0.7, libyaml-0-2, libre2-9, libcmark-gfm0.29.0.gfm.6, libcmark-gfm-extensions0.29.0.gfm.6")
endif()
include(CPack)

# --- tests of the installed tree and of the package
if(RBC_BUILD_TESTS)
  enable_testing()
  add_test(NAME install_tree COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cmake/install/install_test.sh ${CMAKE_BINARY_DIR})
  add_test(NAME install_deb COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/cmake/install/deb_test.sh ${CMAKE_BINARY_DIR}
                                    ${PROJECT_VERSION})
  set_tests_properties(install_tree install_deb PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 60)
endif()
