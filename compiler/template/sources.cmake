# Sources of compiler/template/, relative to compiler/.
list(APPEND RBC_SOURCES
  template/go_template_stub.cpp
)
