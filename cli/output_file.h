// Writing an answer to the file that -o or --render names, with the care a shell's `>` does not
// take: a regular file is replaced atomically (a temporary file beside it, then a rename), so a
// reader sees the old file or the new one and a failure leaves the old one as it was; the
// replaced file keeps its mode (and its owner and group, where the process may set them) and a
// new one follows the umask; the file and then its folder are synced before this returns, so
// that what it wrote survives a crash; a symbolic link is followed and its target replaced; a FIFO or a
// device is written through, not replaced; what cannot be replaced atomically (a directory, a
// socket, a file with other hard links, a read-only file, a file in a folder parley may not
// write) is refused with a message that says why. A temporary file is removed if the process
// is stopped by SIGTERM, SIGINT or SIGHUP while writing it.
#pragma once

#include <memory>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace parley::cli {

struct OutputFileResult {
  std::string error;               // empty on success; otherwise says what and why
  std::vector<std::string> notes;  // things worth saying even on success (stale temporary files)
};

// Writes `contents` to `path` as described above.
OutputFileResult write_output_file(const std::string& path, std::string_view contents);

// An answer on its way to the file -o names, written as it is made (the runner's stream for -o).
// Up to kHeldBytes it is held in memory; past that, when the path is a regular file parley may
// replace, it goes on into the temporary file beside it, so that a large export is never held
// whole. commit() then does and reports what write_output_file does, with the same messages; an
// answer that is not committed (the command failed) leaves the file as it was and its
// temporary file removed. A path that would be refused, a FIFO or a device keeps the answer in
// memory until commit().
class OutputFileBuffer : public std::streambuf {
 public:
  static constexpr std::size_t kHeldBytes = 1 << 20;

  explicit OutputFileBuffer(std::string path);
  ~OutputFileBuffer() override;
  OutputFileBuffer(const OutputFileBuffer&) = delete;
  OutputFileBuffer& operator=(const OutputFileBuffer&) = delete;

  // Puts the whole answer at the path, as write_output_file does. Call once.
  OutputFileResult commit();
  // Writes what was written so far to `out` (a failed command's report, shown on the terminal).
  void copy_to(std::ostream& out);
  // True once the answer went on into the temporary file (exposed for tests).
  bool streaming() const { return spill_ != nullptr; }

 protected:
  int overflow(int c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  static constexpr std::size_t kWriteBytes = 64 * 1024;
  struct Spill;
  void append(const char* s, std::size_t n);
  void start_spill();
  void write_held();

  std::string path_;
  std::string held_;  // the answer while it fits in memory; afterwards, bytes not yet written
  std::unique_ptr<Spill> spill_;
  bool spill_refused_ = false;
};

// The prefix of the temporary files written beside `path` (".NAME.parley-"), so that a stale one
// can be recognised; exposed for tests.
std::string temporary_prefix(const std::string& path);

}  // namespace parley::cli
