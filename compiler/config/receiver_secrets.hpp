// Secrets in rbc.yaml `receivers:` never reach alertmanager.yml inline:
// an inline key becomes a `*_file` reference under build.secrets_dir, a
// password inside a URL becomes `http_config.basic_auth.password_file`.
// Internal to the config stage (load_receivers.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "config/read_yaml.hpp"

namespace rbc::config::detail {

// An inline secret key and the key Alertmanager 0.25 reads it from a file
// with ("" when it has none: the secret is dropped).
struct SecretSpec {
  std::string_view key;
  std::string_view file_key;
};

// Where file references point, and for which receiver and integration.
struct SecretContext {
  const std::string& secrets_dir;
  const std::string& receiver;
  std::string_view kind;
};

// The file under secrets_dir for one secret: receiver, integration and key,
// with anything but [A-Za-z0-9._-] as '-', so a name cannot leave the folder.
std::string secret_file_path(const SecretContext& context, std::string_view key);

// Reports the inline secret `kv` (config/inline-secret) and adds its file
// reference to `out`, unless rbc.yaml names the file itself (`file_given`)
// or Alertmanager 0.25 has no file form of it; its value is never kept.
void replace_inline_secret(Reader& in, const yaml::KeyValue& kv, const SecretSpec& secret, const std::string& where,
                           bool file_given, const SecretContext& context, ReceiverIntegration& out);

// A URL setting with a password (`https://user:pass@host/...`): reported,
// the credentials are cut from the URL and returned as basic-auth settings
// (`http_config.basic_auth.username`, `...password_file`).
std::vector<ReceiverSetting> move_url_credentials(Reader& in, const yaml::KeyValue& kv, const SecretContext& context,
                                                  ReceiverSetting& url);

}  // namespace rbc::config::detail
