#include "config/receiver_secrets.hpp"

#include <algorithm>

namespace rbc::config::detail {
namespace {

constexpr std::string_view kCode = "config/inline-secret";

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// URL user names are percent-encoded; basic_auth.username is not.
std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 && hex_digit(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

std::string secret_file_path(const SecretContext& context, std::string_view key) {
  std::string name = context.receiver + "-" + std::string(context.kind) + "-" + std::string(key);
  for (char& c : name) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                      c == '-' || c == '.';
    if (!safe) c = '-';
  }
  if (name.front() == '.') name.front() = '-';
  return context.secrets_dir + "/" + name;
}

void replace_inline_secret(Reader& in, const yaml::KeyValue& kv, const SecretSpec& secret, const std::string& where,
                           bool file_given, const SecretContext& context, ReceiverIntegration& out) {
  const std::string key(secret.key);
  const std::string lead = "inline secret '" + key + "' in " + where + " is not copied into alertmanager.yml";
  if (secret.file_key.empty()) {
    in.warning(kv.key, lead + "; Alertmanager 0.25 has no file form of it, so it is left out: remove it from rbc.yaml",
               kCode);
    return;
  }
  const std::string file_key(secret.file_key);
  if (file_given) {
    in.warning(kv.key, lead + "; '" + file_key + "' is given and used: remove '" + key + "' from rbc.yaml", kCode);
    return;
  }
  const std::string path = secret_file_path(context, key);
  in.warning(kv.key,
             lead + "; it refers to '" + file_key + ": " + path +
                 "' instead: write the secret to that file on the Alertmanager host and remove it from rbc.yaml "
                 "(or set '" + file_key + "' yourself)",
             kCode);
  out.settings.push_back(ReceiverSetting{file_key, path, true});
}

std::vector<ReceiverSetting> move_url_credentials(Reader& in, const yaml::KeyValue& kv, const SecretContext& context,
                                                  ReceiverSetting& url) {
  const std::string& text = url.value;
  const std::size_t scheme_end = text.find("://");
  if (scheme_end == std::string::npos) return {};
  const std::size_t authority = scheme_end + 3;
  const std::size_t authority_end = std::min(text.find_first_of("/?#", authority), text.size());
  const std::size_t at = text.rfind('@', authority_end - 1);
  if (at == std::string::npos || at < authority) return {};
  const std::string_view userinfo(text.data() + authority, at - authority);
  const std::size_t colon = userinfo.find(':');
  if (colon == std::string_view::npos) return {};  // a user name alone is no secret
  const std::string user = percent_decode(userinfo.substr(0, colon));
  const std::string key(in.key_text(kv.key));
  const std::string path = secret_file_path(context, key + "_password");
  in.warning(kv.value,
             "the password in '" + key + "' is not copied into alertmanager.yml; the URL is emitted without "
                 "credentials and 'http_config.basic_auth' reads the password from '" + path +
                 "': write it to that file on the Alertmanager host and remove it from rbc.yaml",
             kCode);
  url.value = text.substr(0, authority) + text.substr(at + 1);
  return {ReceiverSetting{"http_config.basic_auth.username", user, true},
          ReceiverSetting{"http_config.basic_auth.password_file", path, true}};
}

}  // namespace rbc::config::detail
