#include "output_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

namespace parley::cli {
namespace {

// ---- removing the temporary file when a signal ends the process ----

// What the handler needs, in storage it can read without allocating.
char g_temporary[PATH_MAX + 1];
volatile sig_atomic_t g_has_temporary = 0;
constexpr int kSignals[] = {SIGTERM, SIGINT, SIGHUP};
struct sigaction g_previous[3];
bool g_installed[3] = {false, false, false};

extern "C" void remove_temporary_then_die(int signal) {
  if (g_has_temporary) unlink(g_temporary);
  g_has_temporary = 0;
  for (int i = 0; i < 3; ++i) {
    if (kSignals[i] == signal) sigaction(signal, &g_previous[i], nullptr);
  }
  raise(signal);  // delivered once this handler returns, with the disposition it had before
}

sigset_t cleanup_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (const int s : kSignals) sigaddset(&set, s);
  return set;
}

// Creates the temporary file from `pattern` (mkstemp) with the signals blocked, so that no
// signal can end the process between the file's creation and the handler knowing of it.
class Temporary {
 public:
  explicit Temporary(std::string pattern) : path_(std::move(pattern)) {
    const sigset_t set = cleanup_signals();
    sigset_t old;
    sigprocmask(SIG_BLOCK, &set, &old);
    fd_ = path_.size() <= PATH_MAX ? mkstemp(path_.data()) : (errno = ENAMETOOLONG, -1);
    error_ = errno;
    created_ = fd_ >= 0;
    if (created_) {
      std::memcpy(g_temporary, path_.c_str(), path_.size() + 1);
      g_has_temporary = 1;
      for (int i = 0; i < 3; ++i) {
        struct sigaction current {};
        sigaction(kSignals[i], nullptr, &current);
        if (current.sa_handler == SIG_IGN) continue;  // `nohup` and the like: the signal ends nothing
        struct sigaction handler {};
        handler.sa_handler = remove_temporary_then_die;
        sigemptyset(&handler.sa_mask);
        sigaction(kSignals[i], &handler, &g_previous[i]);
        g_installed[i] = true;
      }
    }
    sigprocmask(SIG_SETMASK, &old, nullptr);
  }
  ~Temporary() {
    if (fd_ >= 0) close(fd_);
    if (created_ && !kept_) unlink(path_.c_str());
    forget();
  }
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;

  int fd() const { return fd_; }
  int creation_error() const { return error_; }
  const std::string& path() const { return path_; }
  // Closes the file; returns false (errno set) when the close reports a write error.
  bool close_file() {
    const int fd = fd_;
    fd_ = -1;
    return close(fd) == 0;
  }
  // The file was renamed into place: nothing to remove any more.
  void keep() {
    kept_ = true;
    forget();
  }

 private:
  void forget() {
    const sigset_t set = cleanup_signals();
    sigset_t old;
    sigprocmask(SIG_BLOCK, &set, &old);
    if (g_has_temporary && path_ == g_temporary) {
      g_has_temporary = 0;
      for (int i = 0; i < 3; ++i) {
        if (g_installed[i]) sigaction(kSignals[i], &g_previous[i], nullptr);
        g_installed[i] = false;
      }
    }
    sigprocmask(SIG_SETMASK, &old, nullptr);
  }

  std::string path_;
  int fd_ = -1;
  int error_ = 0;
  bool created_ = false;
  bool kept_ = false;
};

// ---- paths ----

std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

std::string base_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Where a chain of symbolic links ends (a path that may not exist yet); empty, with `error`
// set, when the chain is broken or loops.
std::string follow_links(std::string path, std::string& error) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
    std::string target(PATH_MAX, '\0');
    const ssize_t n = readlink(path.c_str(), target.data(), target.size());
    if (n < 0) {
      error = std::string("cannot read the symbolic link: ") + std::strerror(errno);
      return "";
    }
    target.resize(static_cast<std::size_t>(n));
    path = target.starts_with('/') ? target : directory_of(path) + target;
  }
  error = "too many levels of symbolic links";
  return "";
}

mode_t current_umask() {
  const mode_t mask = umask(0);
  umask(mask);
  return mask;
}

std::string octal_mode(mode_t mode) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%04o", static_cast<unsigned>(mode & 07777));
  return buffer;
}

std::string size_text(long long bytes) {
  if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MB";
  if (bytes >= 1024) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " bytes";
}

bool write_all(int fd, std::string_view contents) {
  for (std::size_t written = 0; written < contents.size();) {
    const ssize_t n = write(fd, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

// A FIFO or a device is not a file to replace: the answer goes into it, as a shell's `>` would
// send it. A reader that leaves a FIFO early is an error, not a SIGPIPE that ends parley.
std::string write_through(const std::string& target, std::string_view contents) {
  const int fd = open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return std::strerror(errno);
  struct sigaction ignore {}, previous {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGPIPE, &ignore, &previous);
  const bool ok = write_all(fd, contents);
  const int cause = errno;
  sigaction(SIGPIPE, &previous, nullptr);
  if (close(fd) != 0 && ok) return std::strerror(errno);
  return ok ? "" : std::strerror(cause);
}

// Temporary files an earlier run left beside `target` (it was killed by a signal it could not
// catch, or the machine stopped). They are named, not removed: another parley may be writing.
std::vector<std::string> stale_temporaries(const std::string& target) {
  std::vector<std::string> notes;
  const std::string directory = directory_of(target);
  const std::string prefix = temporary_prefix(target);
  DIR* dir = opendir(directory.empty() ? "." : directory.c_str());
  if (!dir) return notes;
  while (const dirent* entry = readdir(dir)) {
    const std::string_view name = entry->d_name;
    const bool ours = name.size() == prefix.size() + 6 && name.starts_with(prefix);
    const bool older_versions = name.size() == 14 && name.starts_with(".parley-");  // ".parley-XXXXXX"
    if (!ours && !older_versions) continue;
    const std::string path = directory + std::string(name);
    struct stat st {};
    if (lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    notes.push_back("note: " + path + " (" + size_text(st.st_size) +
                    ") is a temporary file an interrupted run of parley left behind; remove it unless parley is "
                    "writing there now");
  }
  closedir(dir);
  return notes;
}

}  // namespace

std::string temporary_prefix(const std::string& path) {
  // Names are at most 255 bytes: a long one is cut (whole characters do not matter here).
  return "." + base_name(path).substr(0, 200) + ".parley-";
}

OutputFileResult write_output_file(const std::string& path, std::string_view contents) {
  OutputFileResult result;
  const auto fail = [&](const std::string& why) {
    result.error = "cannot write " + (path.empty() ? std::string("\"\"") : path) + ": " + why;
    return result;
  };
  if (path.empty()) return fail("the file name is empty");
  std::string link_error;
  const std::string target = follow_links(path, link_error);
  if (target.empty()) return fail(link_error);

  struct stat existing {};
  const bool exists = stat(target.c_str(), &existing) == 0;
  if (!exists && errno != ENOENT) return fail(std::strerror(errno));
  if (exists) {
    if (S_ISDIR(existing.st_mode)) return fail("it is a directory");
    if (S_ISFIFO(existing.st_mode) || S_ISCHR(existing.st_mode) || S_ISBLK(existing.st_mode)) {
      if (const std::string error = write_through(target, contents); !error.empty()) return fail(error);
      return result;
    }
    if (!S_ISREG(existing.st_mode)) return fail("it is a socket, which cannot be written as a file");
    if (existing.st_nlink > 1) {
      return fail("it has " + std::to_string(existing.st_nlink) +
                  " hard links; replacing it would part it from the others, and parley does not write into a "
                  "file in place (write elsewhere, or remove the other links)");
    }
    // access() says yes to root for any file: a file with no write permission for anyone is
    // read-only on purpose, and root replacing it silently is what the user did not ask for.
    if ((existing.st_mode & 0222) == 0 || (access(target.c_str(), W_OK) != 0 && errno == EACCES)) {
      return fail("it is read-only (mode " + octal_mode(existing.st_mode) +
                  "); parley does not replace a file it may not write");
    }
  }
  result.notes = stale_temporaries(target);

  Temporary temporary(directory_of(target) + temporary_prefix(target) + "XXXXXX");
  if (temporary.fd() < 0) {
    const int cause = temporary.creation_error();
    if (cause == ENOENT || cause == ENOTDIR) return fail(std::strerror(cause));
    const std::string folder = directory_of(target).empty() ? "the current folder" : directory_of(target);
    return fail("cannot create a temporary file in " + folder + " (" + std::strerror(cause) +
                "); parley writes a file through a temporary file and a rename, so that it is never left "
                "half-written, and does not write into it in place");
  }
  const auto fail_with_errno = [&](const char* step) { return fail(std::string(std::strerror(errno)) + " (" + step + ")"); };
  if (!write_all(temporary.fd(), contents)) return fail_with_errno("write");
  if (exists) {
    // The owner first: changing it clears the set-user-ID and set-group-ID bits the mode restores.
    if (existing.st_uid != geteuid() || existing.st_gid != getegid()) {
      if (fchown(temporary.fd(), existing.st_uid, existing.st_gid) != 0) {
        [[maybe_unused]] const int ignored = fchown(temporary.fd(), static_cast<uid_t>(-1), existing.st_gid);
      }
    }
    if (fchmod(temporary.fd(), existing.st_mode & 07777) != 0) return fail_with_errno("chmod");
  } else if (fchmod(temporary.fd(), 0666 & ~current_umask()) != 0) {
    return fail_with_errno("chmod");
  }
  if (fsync(temporary.fd()) != 0) return fail_with_errno("fsync");
  if (!temporary.close_file()) return fail_with_errno("close");
  if (std::rename(temporary.path().c_str(), target.c_str()) != 0) return fail_with_errno("rename");
  temporary.keep();
  // The rename is durable only once the folder is: a crash could otherwise bring the old file back
  // after parley said it wrote the new one (a write to a JSON dataset is acknowledged after this).
  const std::string folder = directory_of(target).empty() ? std::string(".") : directory_of(target);
  const int directory = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory < 0) return fail_with_errno("open the folder to sync it");
  const bool synced = fsync(directory) == 0;
  close(directory);
  if (!synced) return fail_with_errno("fsync the folder");
  return result;
}

}  // namespace parley::cli
