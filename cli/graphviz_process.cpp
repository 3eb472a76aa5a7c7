#include "graphviz_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

extern char** environ;

namespace parley::cli {
namespace {

// dot's own complaint, first line only and cut short: it is shown to people (and escaped).
std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > 200) line = line.substr(0, 200) + "...";
  return line;
}

class Pipe {
 public:
  Pipe() { ok_ = pipe2(fds_, O_CLOEXEC) == 0; }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  bool ok() const { return ok_; }
  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  void close_read() { close_fd(fds_[0]); }
  void close_write() { close_fd(fds_[1]); }

 private:
  static void close_fd(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
  }
  int fds_[2] = {-1, -1};
  bool ok_ = false;
};

}  // namespace

GraphvizResult run_graphviz(std::string_view dot_text, const std::string& format, unsigned timeout_seconds) {
  GraphvizResult result;
  Pipe input, output, errors;
  if (!input.ok() || !output.ok() || !errors.ok()) {
    result.error = std::string("cannot create a pipe: ") + std::strerror(errno);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input.read_end(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, output.write_end(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, errors.write_end(), STDERR_FILENO);
  const std::string type = "-T" + format;
  const char* argv[] = {"dot", type.c_str(), nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, const_cast<char* const*>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  input.close_read();
  output.close_write();
  errors.close_write();
  if (spawned != 0) {
    result.error = spawned == ENOENT
                       ? "Graphviz's dot is not installed (Debian: apt-get install graphviz); use --format dot instead"
                       : std::string("cannot run dot: ") + std::strerror(spawned);
    return result;
  }
  // dot may stop reading early (a syntax error): its closed pipe must be an error to report,
  // not a SIGPIPE that ends parley.
  struct sigaction ignore {}, previous {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGPIPE, &ignore, &previous);
  fcntl(input.write_end(), F_SETFL, O_NONBLOCK);

  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::seconds(timeout_seconds);
  std::string complaint;
  std::size_t written = 0;
  if (dot_text.empty()) input.close_write();
  char buffer[1 << 16];
  while (output.read_end() >= 0 || errors.read_end() >= 0) {
    pollfd fds[3];
    nfds_t count = 0;
    const auto watch = [&](int fd, short events) {
      if (fd >= 0) fds[count++] = pollfd{fd, events, 0};
    };
    watch(input.write_end(), POLLOUT);
    watch(output.read_end(), POLLIN);
    watch(errors.read_end(), POLLIN);
    int wait_ms = -1;
    if (timeout_seconds > 0) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) {
        result.timed_out = true;
        break;
      }
      wait_ms = static_cast<int>(std::min<long long>(left, 1000));
    }
    const int ready = poll(fds, count, wait_ms);
    if (ready < 0 && errno != EINTR) {
      result.error = std::string("waiting for dot: ") + std::strerror(errno);
      break;
    }
    for (nfds_t i = 0; i < count && ready > 0; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == input.write_end()) {
        const ssize_t n = write(fds[i].fd, dot_text.data() + written, dot_text.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == dot_text.size()) input.close_write();
        continue;
      }
      const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) {
        fds[i].fd == output.read_end() ? output.close_read() : errors.close_read();
        continue;
      }
      (fds[i].fd == output.read_end() ? result.image : complaint).append(buffer, static_cast<std::size_t>(n));
    }
  }
  input.close_write();
  if (result.timed_out || !result.error.empty()) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  sigaction(SIGPIPE, &previous, nullptr);
  if (result.timed_out) {
    result.error = "Graphviz's dot did not finish within " + std::to_string(timeout_seconds) +
                   (timeout_seconds == 1 ? " second" : " seconds") + " and was stopped (a large or dense graph can take minutes); give it longer with "
                   "--render-timeout SECONDS, or 0 for no limit";
  } else if (result.error.empty() && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
    result.error = "Graphviz's dot failed" + (complaint.empty() ? std::string() : ": " + first_line(complaint));
  }
  if (!result.error.empty()) result.image.clear();
  return result;
}

}  // namespace parley::cli
