// -o and --render write files through cli/output_file.h: these cases pin what happens to the
// file (and whatever stands at its path) in each situation issue 16 lists.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "output_file.h"

namespace fs = std::filesystem;
using parley::cli::temporary_prefix;
using parley::cli::write_output_file;

namespace {

// A fresh folder, removed afterwards.
struct Folder {
  Folder() {
    std::string pattern = (fs::temp_directory_path() / "parley-output-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~Folder() {
    std::error_code ignored;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(path, ignored);
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
  // Files whose names start with the temporary prefix of `target`.
  int temporaries(const std::string& target) const {
    int count = 0;
    for (const auto& entry : fs::directory_iterator(path)) {
      count += entry.path().filename().string().starts_with(temporary_prefix(target));
    }
    return count;
  }
  fs::path path;
};

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// Sets the umask for one scope.
struct Umask {
  explicit Umask(mode_t mask) : previous(umask(mask)) {}
  ~Umask() { umask(previous); }
  mode_t previous;
};

}  // namespace

TEST_CASE("a new file follows the umask", "[output-file]") {
  const Folder folder;
  for (const mode_t mask : {mode_t{022}, mode_t{077}, mode_t{002}}) {
    const Umask set(mask);
    const std::string file = folder / ("new-" + std::to_string(mask));
    const auto result = write_output_file(file, "answer\n");
    REQUIRE(result.error.empty());
    CHECK(contents(file) == "answer\n");
    CHECK(mode_of(file) == (0666 & ~mask));
  }
}

TEST_CASE("a replaced file keeps its mode", "[output-file]") {
  const Folder folder;
  const std::string file = folder / "private.txt";
  std::ofstream(file) << "old";
  chmod(file.c_str(), 0600);
  const Umask set(022);
  REQUIRE(write_output_file(file, "new").error.empty());
  CHECK(contents(file) == "new");
  CHECK(mode_of(file) == 0600);
  CHECK(folder.temporaries(file) == 0);
}

TEST_CASE("a replaced file keeps its owner and group where the process may set them", "[output-file]") {
  if (geteuid() != 0) {
    WARN("not run as root: a process may give a file only to itself, so there is nothing to keep");
    return;
  }
  const Folder folder;
  const std::string file = folder / "theirs.txt";
  std::ofstream(file) << "old";
  REQUIRE(chown(file.c_str(), 65534, 65534) == 0);  // nobody, nogroup
  chmod(file.c_str(), 0664);
  REQUIRE(write_output_file(file, "new").error.empty());
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK(st.st_uid == 65534);
  CHECK(st.st_gid == 65534);
  CHECK((st.st_mode & 07777) == 0664);
}

TEST_CASE("a read-only file is refused and left as it was", "[output-file]") {
  const Folder folder;
  const std::string file = folder / "read-only.txt";
  std::ofstream(file) << "old";
  chmod(file.c_str(), 0444);
  const auto result = write_output_file(file, "new");
  CHECK(result.error.find("read-only (mode 0444)") != std::string::npos);
  CHECK(contents(file) == "old");
}

TEST_CASE("a symbolic link is followed and its target replaced", "[output-file]") {
  const Folder folder;
  const std::string target = folder / "target.txt";
  const std::string link = folder / "link.txt";
  std::ofstream(target) << "old";
  chmod(target.c_str(), 0640);
  REQUIRE(symlink("target.txt", link.c_str()) == 0);
  REQUIRE(write_output_file(link, "new").error.empty());
  CHECK(fs::is_symlink(link));
  CHECK(contents(target) == "new");
  CHECK(mode_of(target) == 0640);

  SECTION("a dangling link creates its target") {
    const std::string dangling = folder / "dangling.txt";
    REQUIRE(symlink("created.txt", dangling.c_str()) == 0);
    REQUIRE(write_output_file(dangling, "made").error.empty());
    CHECK(fs::is_symlink(dangling));
    CHECK(contents(folder / "created.txt") == "made");
  }
  SECTION("a loop of links is refused") {
    const std::string a = folder / "a", b = folder / "b";
    REQUIRE(symlink("b", a.c_str()) == 0);
    REQUIRE(symlink("a", b.c_str()) == 0);
    CHECK(write_output_file(a, "x").error.find("too many levels of symbolic links") != std::string::npos);
  }
}

TEST_CASE("FIFOs and devices are written through, not replaced", "[output-file]") {
  const Folder folder;
  const std::string fifo = folder / "fifo";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const pid_t reader = fork();
  REQUIRE(reader >= 0);
  if (reader == 0) {
    const std::string got = contents(fifo);
    _exit(got == "through the pipe\n" ? 0 : 1);
  }
  CHECK(write_output_file(fifo, "through the pipe\n").error.empty());
  int status = 0;
  waitpid(reader, &status, 0);
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  CHECK(fs::is_fifo(fifo));

  CHECK(write_output_file("/dev/null", "discarded").error.empty());
  CHECK(fs::is_character_file("/dev/null"));
  if (fs::exists("/dev/full")) {
    CHECK(write_output_file("/dev/full", "x").error == "cannot write /dev/full: No space left on device");
  }
}

TEST_CASE("what cannot be replaced atomically is refused with the reason", "[output-file]") {
  const Folder folder;
  CHECK(write_output_file(folder.path.string(), "x").error.ends_with("it is a directory"));
  CHECK(write_output_file("", "x").error.ends_with("the file name is empty"));
  CHECK(write_output_file(folder / "no/such/folder", "x").error.ends_with("No such file or directory"));

  const std::string file = folder / "linked.txt";
  std::ofstream(file) << "old";
  REQUIRE(link(file.c_str(), (folder / "other-name.txt").c_str()) == 0);
  CHECK(write_output_file(file, "new").error.find("it has 2 hard links") != std::string::npos);
  CHECK(contents(file) == "old");

  if (geteuid() != 0) {  // root may create files in any folder
    const std::string locked = folder / "locked";
    fs::create_directory(locked);
    std::ofstream(locked + "/file.txt") << "old";
    chmod(locked.c_str(), 0555);
    const auto result = write_output_file(locked + "/file.txt", "new");
    CHECK(result.error.find("cannot create a temporary file") != std::string::npos);
    CHECK(contents(locked + "/file.txt") == "old");
  }
}

TEST_CASE("stale temporary files are noted, not removed", "[output-file]") {
  const Folder folder;
  const std::string file = folder / "answer.txt";
  const std::string stale = folder / (temporary_prefix(file) + "AbC123");
  std::ofstream(stale) << "half an answer";
  const auto result = write_output_file(file, "whole");
  REQUIRE(result.error.empty());
  REQUIRE(result.notes.size() == 1);
  CHECK(result.notes[0].find(stale) != std::string::npos);
  CHECK(fs::exists(stale));
}

TEST_CASE("a signal while writing removes the temporary file", "[output-file]") {
  const Folder folder;
  const std::string file = folder / "big.txt";
  const std::string big(256u << 20, 'x');  // long enough to be caught while it is written
  for (const int signal : {SIGTERM, SIGINT, SIGHUP}) {
    INFO("signal " << signal);
    bool judged = false;
    for (int attempt = 0; attempt < 5 && !judged; ++attempt) {
      const pid_t writer = fork();
      REQUIRE(writer >= 0);
      if (writer == 0) {
        // As in parley itself: Catch2's own handlers would report the signal as a failure.
        for (const int s : {SIGTERM, SIGINT, SIGHUP}) std::signal(s, SIG_DFL);
        write_output_file(file, big);
        _exit(0);
      }
      int status = 0;
      pid_t ended = 0;
      while (folder.temporaries(file) == 0 && (ended = waitpid(writer, &status, WNOHANG)) == 0) usleep(100);
      if (ended == 0) {
        kill(writer, signal);
        waitpid(writer, &status, 0);
      }
      if (!WIFSIGNALED(status)) {  // it finished first: try again
        fs::remove(file);
        continue;
      }
      judged = true;
      CHECK(WTERMSIG(status) == signal);
      CHECK(folder.temporaries(file) == 0);
      CHECK_FALSE(fs::exists(file));
    }
    CHECK(judged);
  }
}

// ---- an answer written as it is made (OutputFileBuffer, the runner's stream for -o) ----

namespace {

// `bytes` of numbered lines, so that a byte out of place shows.
std::string numbered_lines(std::size_t bytes) {
  std::string text;
  for (std::size_t i = 0; text.size() < bytes; ++i) text += "line " + std::to_string(i) + "\n";
  return text;
}

// Writes `text` in pieces of a few kilobytes, as a command's answer arrives.
void write_in_pieces(std::ostream& out, const std::string& text) {
  for (std::size_t at = 0; at < text.size(); at += 4000) out << text.substr(at, 4000);
  out.flush();
}

}  // namespace

using parley::cli::OutputFileBuffer;

TEST_CASE("a large answer goes into the temporary file as it is made and replaces the file whole", "[output-file]") {
  const Folder folder;
  const std::string file = folder / "export.dot";
  std::ofstream(file) << "old";
  chmod(file.c_str(), 0640);
  const std::string answer = numbered_lines(3 * OutputFileBuffer::kHeldBytes);
  OutputFileBuffer buffer(file);
  std::ostream out(&buffer);
  write_in_pieces(out, answer.substr(0, OutputFileBuffer::kHeldBytes / 2));
  CHECK_FALSE(buffer.streaming());  // half a megabyte is held
  CHECK(folder.temporaries(file) == 0);
  write_in_pieces(out, answer.substr(OutputFileBuffer::kHeldBytes / 2));
  CHECK(buffer.streaming());
  CHECK(folder.temporaries(file) == 1);
  CHECK(contents(file) == "old");  // untouched until the answer is whole
  const auto result = buffer.commit();
  REQUIRE(result.error.empty());
  CHECK(contents(file) == answer);
  CHECK(mode_of(file) == 0640);
  CHECK(folder.temporaries(file) == 0);
}

TEST_CASE("a large answer not committed leaves the file as it was and no temporary file", "[output-file]") {
  const Folder folder;
  const std::string file = folder / "export.dot";
  std::ofstream(file) << "old";
  {
    OutputFileBuffer buffer(file);
    std::ostream out(&buffer);
    write_in_pieces(out, numbered_lines(2 * OutputFileBuffer::kHeldBytes));
    REQUIRE(buffer.streaming());
    std::ostringstream shown;
    buffer.copy_to(shown);  // what a failed command's report shows
    CHECK(shown.str() == numbered_lines(2 * OutputFileBuffer::kHeldBytes));
  }
  CHECK(contents(file) == "old");
  CHECK(folder.temporaries(file) == 0);
}

TEST_CASE("a small answer is held and written as write_output_file writes it", "[output-file]") {
  const Folder folder;
  const std::string file = folder / "answer.txt";
  OutputFileBuffer buffer(file);
  std::ostream out(&buffer);
  out << "answer\n";
  CHECK_FALSE(buffer.streaming());
  REQUIRE(buffer.commit().error.empty());
  CHECK(contents(file) == "answer\n");
}

TEST_CASE("a large answer for a path that will be refused is held and refused with the same message", "[output-file]") {
  const Folder folder;
  const std::string file = folder / "read-only.txt";
  std::ofstream(file) << "old";
  chmod(file.c_str(), 0444);
  OutputFileBuffer buffer(file);
  std::ostream out(&buffer);
  write_in_pieces(out, numbered_lines(2 * OutputFileBuffer::kHeldBytes));
  CHECK_FALSE(buffer.streaming());
  const auto result = buffer.commit();
  CHECK(result.error == write_output_file(file, "new").error);
  CHECK(result.error.find("read-only (mode 0444)") != std::string::npos);
  CHECK(contents(file) == "old");
  CHECK(folder.temporaries(file) == 0);
}
