# Sources of compiler/report/, relative to compiler/.
list(APPEND RBC_SOURCES
  report/json_writer.cpp
  report/render.cpp
  report/text.cpp
  report/json.cpp
  report/github.cpp
  report/sarif.cpp
  report/fingerprint.cpp
  report/xml_text.cpp
  report/junit.cpp
  report/checkstyle.cpp
  report/gitlab.cpp
  report/model_json.cpp
  report/model_text.cpp
  report/routing_json.cpp
)
