// libFuzzer target: any bytes as what a person types into `parley shell`, through the shell's
// own line handling (shell_session.h) on the embedded dataset: a byte-order mark, splitting,
// help and quit, every command run for real (with -o and --render refused: a fuzzer must not
// write files), and Tab completion of every word. Nothing may crash, and nothing the shell
// prints may carry a raw control character, C1 control or bidi control to the terminal.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "parley/common/terminal_text.h"
#include "parley/graph/database.h"
#include "shell_session.h"

namespace {

const parley::Database& database() {
  static const auto db = [] {
    parley::Diagnostics diagnostics;
    return parley::Database::open({}, diagnostics);
  }();
  return *db;
}

// Text shown on a terminal: line feeds, and nothing that escaping would change.
bool safe_for_terminal(const std::string& text) {
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto line_end = rest.find('\n');
    if (parley::needs_terminal_escaping(rest.substr(0, line_end))) return false;
    if (line_end == std::string_view::npos) break;
    rest.remove_prefix(line_end + 1);
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const parley::cli::RunSession session{&database(), true, /*files_allowed=*/false};
  std::istringstream lines(input);
  std::string line;
  for (int count = 0; count < 16 && std::getline(lines, line); ++count) {
    if (count == 0) line = std::string(parley::cli::without_byte_order_mark(line));
    std::ostringstream out, err;
    const auto outcome = parley::cli::handle_shell_line(line, session, out, err);
    if (!safe_for_terminal(out.str()) || !safe_for_terminal(err.str())) __builtin_trap();
    if (outcome.exit_code < 0 || outcome.exit_code > 4) __builtin_trap();
    // Tab at every word boundary of the line.
    for (std::size_t at = 0; at <= line.size() && at < 256; ++at) {
      if (at != line.size() && line[at] != ' ') continue;
      const std::size_t start = line.rfind(' ', at == 0 ? 0 : at - 1);
      const std::size_t word_start = start == std::string::npos || at == 0 ? 0 : start + 1;
      const std::string before = line.substr(0, word_start);
      const std::string word = line.substr(word_start, at - word_start);
      for (const auto& candidate : parley::cli::complete_shell_word(database(), before, word)) {
        if (candidate.empty() || parley::needs_terminal_escaping(candidate)) __builtin_trap();
      }
    }
    if (outcome.quit) break;
  }
  return 0;
}
