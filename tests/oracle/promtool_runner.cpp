#include "promtool_runner.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tsv.hpp"

namespace rbc::oracle {
namespace {

constexpr std::string_view kParsePrefix = "could not parse expression: ";

// Decodes one UTF-8 sequence at `i`; returns 0 length on invalid input.
std::size_t utf8_decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  cp = b0 & (0x3F >> (len - 1));
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  return len;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string shell_quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Fresh private directory for one promtool run, removed on scope exit.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "rbc-oracle-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Parses `<file>: L:C: group "g", rule N, "rK": <rest>`; returns K or npos.
std::size_t rule_line(std::string_view line, std::string_view file, std::string_view& rest) {
  if (line.substr(0, file.size() + 2) != std::string(file) + ": ") return std::string_view::npos;
  const std::size_t g = line.find(": group \"g\", rule ");
  const std::size_t r = line.find(", \"r", g == std::string_view::npos ? 0 : g);
  const std::size_t end = line.find("\": ", r == std::string_view::npos ? 0 : r);
  if (g == std::string_view::npos || r == std::string_view::npos || end == std::string_view::npos) {
    throw std::runtime_error("unrecognised promtool line: " + std::string(line));
  }
  const std::size_t rule_no = std::stoul(std::string(line.substr(g + 18, r - g - 18)));
  const std::size_t index = std::stoul(std::string(line.substr(r + 4, end - r - 4)));
  if (rule_no != index + 1) throw std::runtime_error("rule number/name mismatch: " + std::string(line));
  rest = line.substr(end + 3);
  return index;
}

}  // namespace

std::string yaml_quote(std::string_view raw) {
  std::string out = "\"";
  for (std::size_t i = 0; i < raw.size();) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    char buf[16];
    if (byte >= 0x80) {
      char32_t cp = 0;
      const std::size_t len = utf8_decode(raw, i, cp);
      if (len == 0) throw std::runtime_error("expression is not valid UTF-8");
      std::snprintf(buf, sizeof buf, cp > 0xFFFF ? "\\U%08x" : "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
      i += len;
      continue;
    }
    if (raw[i] == '\\' || raw[i] == '"') {
      out += '\\';
      out += raw[i];
    } else if (byte < 0x20 || byte == 0x7f) {
      std::snprintf(buf, sizeof buf, "\\x%02x", byte);
      out += buf;
    } else {
      out += raw[i];
    }
    ++i;
  }
  return out + "\"";
}

std::string rule_file(const std::vector<std::string>& exprs) {
  std::string out = "groups:\n- name: g\n  rules:\n";
  for (std::size_t i = 0; i < exprs.size(); ++i) {
    out += "  - record: r" + std::to_string(i) + "\n    expr: " + yaml_quote(exprs[i]) + "\n";
  }
  return out;
}

std::optional<std::string> promtool_version(const std::string& promtool) {
  FILE* pipe = popen((shell_quote(promtool) + " --version 2>&1").c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buf[256];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
  const int status = pclose(pipe);
  if (status != 0 || out.rfind("promtool", 0) != 0) return std::nullopt;
  return out.substr(0, out.find('\n'));
}

std::vector<Verdict> parse_promtool_output(std::string_view output, std::string_view file, std::size_t count) {
  while (!output.empty() && output.back() == '\n') output.remove_suffix(1);
  std::vector<Verdict> verdicts(count);
  std::vector<bool> seen(count, false);
  std::size_t current = std::string_view::npos;
  bool success_line = false;
  for (std::size_t pos = 0; pos <= output.size();) {
    std::size_t nl = output.find('\n', pos);
    if (nl == std::string_view::npos) nl = output.size();
    const std::string_view line = output.substr(pos, nl - pos);
    pos = nl + 1;
    std::string_view rest;
    const std::size_t index = rule_line(line, file, rest);
    if (index != std::string_view::npos) {
      if (index >= count || seen[index]) throw std::runtime_error("unexpected rule in: " + std::string(line));
      if (rest.substr(0, kParsePrefix.size()) != kParsePrefix) {
        throw std::runtime_error("non-parse error from promtool: " + std::string(line));
      }
      seen[index] = true;
      verdicts[index] = Verdict{false, std::string(rest.substr(kParsePrefix.size()))};
      current = index;
    } else if (current != std::string_view::npos) {
      verdicts[current].message += "\n" + std::string(line);  // message with a raw newline
    } else if (line.find("SUCCESS: " + std::to_string(count) + " rules found") != std::string_view::npos) {
      success_line = true;
    } else if (!line.empty() && line.rfind("Checking ", 0) != 0 && line != "  FAILED:") {
      throw std::runtime_error("unrecognised promtool output: " + std::string(line));
    }
  }
  if (current == std::string_view::npos && !success_line) throw std::runtime_error("promtool reported nothing");
  return verdicts;
}

std::vector<Verdict> run_promtool(const std::vector<std::string>& exprs, const std::string& promtool) {
  TempDir dir;
  const std::string file = (dir.path() / "rules.yml").string();
  const std::string out_file = (dir.path() / "out.txt").string();
  {
    std::ofstream out(file, std::ios::binary);
    out << rule_file(exprs);
  }
  const std::string cmd = shell_quote(promtool) + " check rules --lint=none " + shell_quote(file) + " >" +
                          shell_quote(out_file) + " 2>&1";
  const int status = std::system(cmd.c_str());
  if (status == -1) throw std::runtime_error("could not run promtool");
  std::vector<Verdict> verdicts = parse_promtool_output(read_file(out_file), file, exprs.size());
  bool any_error = false;
  for (const Verdict& v : verdicts) any_error = any_error || !v.accepted;
  if (any_error != (status != 0)) throw std::runtime_error("promtool exit status disagrees with its output");
  return verdicts;
}

std::string cache_key(std::uint64_t seed, const std::vector<std::string>& exprs, std::string_view version) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a over all expressions
  for (const std::string& e : exprs) {
    for (char c : e) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    hash = (hash ^ 0xffU) * 0x100000001b3ULL;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
  return "rbc-oracle-cache v1 seed=" + std::to_string(seed) + " count=" + std::to_string(exprs.size()) +
         " exprs=" + buf + " promtool=" + std::string(version);
}

std::optional<std::vector<Verdict>> load_cache(const std::string& path, std::string_view key) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line) || line != key) return std::nullopt;
  std::vector<Verdict> verdicts;
  while (std::getline(in, line)) {
    const std::vector<std::string> f = tsv_fields(line);
    if (f[0] == "OK") verdicts.push_back(Verdict{true, ""});
    else if (f[0] == "ERR" && f.size() == 2) verdicts.push_back(Verdict{false, tsv_unescape(f[1])});
    else return std::nullopt;
  }
  return verdicts;
}

void save_cache(const std::string& path, std::string_view key, const std::vector<Verdict>& verdicts) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  const std::string tmp = path + ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    out << key << "\n";
    for (const Verdict& v : verdicts) out << (v.accepted ? "OK" : "ERR\t" + tsv_escape(v.message)) << "\n";
  }
  std::filesystem::rename(tmp, path, ec);
}

}  // namespace rbc::oracle
