#include "rewrite/write_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

namespace rbc::rewrite {

std::optional<std::string> replace_file(const std::string& path, const std::string& content) {
  const std::filesystem::path target(path);
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
  std::string tmp = (dir / ("." + target.filename().string() + ".rbc-XXXXXX")).string();
  const int fd = mkstemp(tmp.data());
  if (fd < 0) return "cannot create a temporary file next to " + path + ": " + std::strerror(errno);
  auto fail = [&](const char* what) {
    const std::string err = std::string(what) + " " + tmp + ": " + std::strerror(errno);
    close(fd);
    unlink(tmp.c_str());
    return err;
  };
  struct stat st {};
  if (stat(path.c_str(), &st) == 0 && fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set permissions of");
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0) return fail("cannot sync");
  if (close(fd) != 0) {
    unlink(tmp.c_str());
    return "cannot close " + tmp;
  }
  if (rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string err = "cannot rename " + tmp + " to " + path + ": " + std::strerror(errno);
    unlink(tmp.c_str());
    return err;
  }
  return std::nullopt;
}

}  // namespace rbc::rewrite
