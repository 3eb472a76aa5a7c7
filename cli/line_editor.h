// Line editing for the interactive shell, on libedit: history, the usual editing keys, and tab
// completion supplied by the caller. libedit rather than GNU readline because it is BSD-licensed
// (readline's GPL would bind every program that links parley's shell) and ships a
// readline-compatible API in Debian (libedit-dev); see docs/design.md.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace parley::cli {

class LineEditor {
 public:
  // `complete(line_before_cursor, word)` returns the candidates for the word being typed.
  using Completer = std::function<std::vector<std::string>(const std::string& line, const std::string& word)>;

  LineEditor(std::string history_file, Completer completer);
  ~LineEditor();  // saves the history
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // The next line typed, without its newline; nullopt at end of input (Ctrl-D).
  std::optional<std::string> read(const std::string& prompt);

 private:
  std::string history_file_;
};

}  // namespace parley::cli
