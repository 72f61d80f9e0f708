#include "load/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rbc::load {
namespace {

void report(Diagnostics& diags, const std::string& path, const std::string& message) {
  Diagnostic d;
  d.code = "io/read";
  d.severity = Severity::error;
  d.file = path;
  d.message = message;
  diags.add(std::move(d));
}

// Closes the descriptor on every path out of read_file.
struct FdGuard {
  int fd;
  ~FdGuard() {
    if (fd >= 0) ::close(fd);
  }
};

// The message for a file over the size limit.
std::string too_large(std::size_t max_bytes) {
  return "file is larger than " + std::to_string(max_bytes >> 20) +
         " MB, the limit for one input; raise `limits.max_file_size_mb` in rbc.yaml if it really is one";
}

}  // namespace

std::optional<SourceFile> read_file(const std::string& path, Diagnostics& diags, TextKind kind, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    report(diags, path, "cannot open file: " + std::string(std::strerror(errno)) +
                            "; check the path and its permissions");
    return std::nullopt;
  }
  FdGuard guard{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    report(diags, path, "cannot stat file: " + std::string(std::strerror(errno)));
    return std::nullopt;
  }
  if (S_ISDIR(st.st_mode)) {
    report(diags, path, "is a directory, not a file; pass the directory itself to check every "
                        "rule file in it, or name a file inside it");
    return std::nullopt;
  }
  if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > max_bytes) {
    report(diags, path, too_large(max_bytes));
    return std::nullopt;
  }
  std::string text;
  if (S_ISREG(st.st_mode) && st.st_size > 0) text.reserve(static_cast<std::size_t>(st.st_size));
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      report(diags, path, "cannot read file: " + std::string(std::strerror(errno)));
      return std::nullopt;
    }
    if (n == 0) break;
    text.append(chunk, static_cast<std::size_t>(n));
    if (text.size() > max_bytes) {  // a pipe or a file that grew
      report(diags, path, too_large(max_bytes));
      return std::nullopt;
    }
  }
  if (kind == TextKind::yaml && text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  return SourceFile(path, std::move(text));
}

}  // namespace rbc::load
