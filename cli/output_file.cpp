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
#include <memory>
#include <ostream>

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

namespace {

// What stands at the path an answer is written to, once links are followed.
struct Target {
  std::string path;      // as the user gave it, for messages
  std::string resolved;  // where the links end
  bool exists = false;
  struct stat existing {};
  bool write_through = false;  // a FIFO or a device
};

std::string cannot_write(const std::string& path, const std::string& why) {
  return "cannot write " + (path.empty() ? std::string("\"\"") : path) + ": " + why;
}

// Fills `target`; returns an error message (what cannot be replaced, and why), empty when the
// path is a file parley may replace or write through.
std::string examine(const std::string& path, Target& target) {
  target.path = path;
  if (path.empty()) return cannot_write(path, "the file name is empty");
  std::string link_error;
  target.resolved = follow_links(path, link_error);
  if (target.resolved.empty()) return cannot_write(path, link_error);
  target.exists = stat(target.resolved.c_str(), &target.existing) == 0;
  if (!target.exists && errno != ENOENT) return cannot_write(path, std::strerror(errno));
  if (!target.exists) return "";
  const mode_t mode = target.existing.st_mode;
  if (S_ISDIR(mode)) return cannot_write(path, "it is a directory");
  if (S_ISFIFO(mode) || S_ISCHR(mode) || S_ISBLK(mode)) {
    target.write_through = true;
    return "";
  }
  if (!S_ISREG(mode)) return cannot_write(path, "it is a socket, which cannot be written as a file");
  if (target.existing.st_nlink > 1) {
    return cannot_write(path, "it has " + std::to_string(target.existing.st_nlink) +
                                  " hard links; replacing it would part it from the others, and parley does not write "
                                  "into a file in place (write elsewhere, or remove the other links)");
  }
  // access() says yes to root for any file: a file with no write permission for anyone is
  // read-only on purpose, and root replacing it silently is what the user did not ask for.
  if ((mode & 0222) == 0 || (access(target.resolved.c_str(), W_OK) != 0 && errno == EACCES)) {
    return cannot_write(path, "it is read-only (mode " + octal_mode(mode) + "); parley does not replace a file it may not write");
  }
  return "";
}

// The temporary file beside a regular file's target; an error message when it cannot be made.
std::string create_temporary(const Target& target, std::unique_ptr<Temporary>& temporary) {
  temporary = std::make_unique<Temporary>(directory_of(target.resolved) + temporary_prefix(target.resolved) + "XXXXXX");
  if (temporary->fd() >= 0) return "";
  const int cause = temporary->creation_error();
  temporary.reset();
  if (cause == ENOENT || cause == ENOTDIR) return cannot_write(target.path, std::strerror(cause));
  const std::string folder = directory_of(target.resolved).empty() ? "the current folder" : directory_of(target.resolved);
  return cannot_write(target.path, "cannot create a temporary file in " + folder + " (" + std::strerror(cause) +
                                       "); parley writes a file through a temporary file and a rename, so that it is "
                                       "never left half-written, and does not write into it in place");
}

std::string failed_step(const Target& target, const char* step) {
  return cannot_write(target.path, std::string(std::strerror(errno)) + " (" + step + ")");
}

// Puts a temporary file that holds the whole answer in the target's place: mode (and owner),
// fsync, rename, and the folder's fsync. Returns an error message, empty on success.
std::string replace_with(Temporary& temporary, const Target& target) {
  if (target.exists) {
    // The owner first: changing it clears the set-user-ID and set-group-ID bits the mode restores.
    if (target.existing.st_uid != geteuid() || target.existing.st_gid != getegid()) {
      if (fchown(temporary.fd(), target.existing.st_uid, target.existing.st_gid) != 0) {
        [[maybe_unused]] const int ignored = fchown(temporary.fd(), static_cast<uid_t>(-1), target.existing.st_gid);
      }
    }
    if (fchmod(temporary.fd(), target.existing.st_mode & 07777) != 0) return failed_step(target, "chmod");
  } else if (fchmod(temporary.fd(), 0666 & ~current_umask()) != 0) {
    return failed_step(target, "chmod");
  }
  if (fsync(temporary.fd()) != 0) return failed_step(target, "fsync");
  if (!temporary.close_file()) return failed_step(target, "close");
  if (std::rename(temporary.path().c_str(), target.resolved.c_str()) != 0) return failed_step(target, "rename");
  temporary.keep();
  // The rename is durable only once the folder is: a crash could otherwise bring the old file back
  // after parley said it wrote the new one (a write to a JSON dataset is acknowledged after this).
  const std::string folder = directory_of(target.resolved).empty() ? std::string(".") : directory_of(target.resolved);
  const int directory = open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory < 0) return failed_step(target, "open the folder to sync it");
  const bool synced = fsync(directory) == 0;
  close(directory);
  if (!synced) return failed_step(target, "fsync the folder");
  return "";
}

}  // namespace

OutputFileResult write_output_file(const std::string& path, std::string_view contents) {
  OutputFileResult result;
  Target target;
  if (std::string error = examine(path, target); !error.empty()) {
    result.error = std::move(error);
    return result;
  }
  if (target.write_through) {
    if (const std::string error = write_through(target.resolved, contents); !error.empty()) result.error = cannot_write(path, error);
    return result;
  }
  result.notes = stale_temporaries(target.resolved);
  std::unique_ptr<Temporary> temporary;
  if (std::string error = create_temporary(target, temporary); !error.empty()) {
    result.error = std::move(error);
    return result;
  }
  if (!write_all(temporary->fd(), contents)) {
    result.error = failed_step(target, "write");
    return result;
  }
  result.error = replace_with(*temporary, target);
  return result;
}

// ---- an answer written as it is made ----

// The temporary file an answer went on into once it outgrew memory.
struct OutputFileBuffer::Spill {
  Target target;
  std::unique_ptr<Temporary> temporary;
  std::vector<std::string> notes;
  int write_error = 0;  // errno of the first write that failed; later writes are dropped
};

OutputFileBuffer::OutputFileBuffer(std::string path) : path_(std::move(path)) {}
OutputFileBuffer::~OutputFileBuffer() = default;

int OutputFileBuffer::overflow(int c) {
  if (c == traits_type::eof()) return traits_type::not_eof(c);
  const char byte = static_cast<char>(c);
  append(&byte, 1);
  return c;
}

std::streamsize OutputFileBuffer::xsputn(const char* s, std::streamsize n) {
  append(s, static_cast<std::size_t>(n));
  return n;
}

void OutputFileBuffer::append(const char* s, std::size_t n) {
  held_.append(s, n);
  if (!spill_ && !spill_refused_ && held_.size() > kHeldBytes) start_spill();
  if (spill_ && held_.size() >= kWriteBytes) write_held();
}

// Past kHeldBytes, a regular file that parley may replace gets the answer as it comes. Anything
// else (a FIFO, a path that will be refused) keeps the answer in memory, so that commit() does
// and says exactly what write_output_file does.
void OutputFileBuffer::start_spill() {
  auto spill = std::make_unique<Spill>();
  std::unique_ptr<Temporary> temporary;
  if (!examine(path_, spill->target).empty() || spill->target.write_through ||
      !create_temporary(spill->target, temporary).empty()) {
    spill_refused_ = true;
    return;
  }
  spill->notes = stale_temporaries(spill->target.resolved);
  spill->temporary = std::move(temporary);
  spill_ = std::move(spill);
}

void OutputFileBuffer::write_held() {
  if (spill_->write_error == 0 && !write_all(spill_->temporary->fd(), held_)) spill_->write_error = errno;
  held_.clear();
}

OutputFileResult OutputFileBuffer::commit() {
  if (!spill_) return write_output_file(path_, held_);
  write_held();
  OutputFileResult result;
  result.notes = spill_->notes;
  if (spill_->write_error != 0) {
    errno = spill_->write_error;
    result.error = failed_step(spill_->target, "write");
  } else {
    result.error = replace_with(*spill_->temporary, spill_->target);
  }
  spill_.reset();  // removes the temporary file unless it took the target's place
  return result;
}

void OutputFileBuffer::copy_to(std::ostream& out) {
  if (!spill_) {
    out << held_;
    return;
  }
  write_held();
  std::string chunk(kWriteBytes, '\0');
  for (off_t at = 0;;) {
    const ssize_t n = pread(spill_->temporary->fd(), chunk.data(), chunk.size(), at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.write(chunk.data(), n);
    at += n;
  }
}

}  // namespace parley::cli
