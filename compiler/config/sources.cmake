# config stage sources (relative to compiler/).
list(APPEND RBC_SOURCES
  config/config.cpp
  config/glob.cpp
  config/load.cpp
  config/load_build.cpp
  config/load_limits.cpp
  config/load_receivers.cpp
  config/load_sections.cpp
  config/load_server.cpp
  config/read_yaml.cpp
  config/receiver_secrets.cpp
  config/severity_words.cpp
)
