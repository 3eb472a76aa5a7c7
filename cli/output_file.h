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

#include <iosfwd>
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

// The prefix of the temporary files written beside `path` (".NAME.parley-"), so that a stale one
// can be recognised; exposed for tests.
std::string temporary_prefix(const std::string& path);

}  // namespace parley::cli
