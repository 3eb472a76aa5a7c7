#include "line_editor.h"

#include <langinfo.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <editline/readline.h>

namespace parley::cli {
namespace {

// libedit's completion hooks are plain C callbacks: the active completer lives here.
LineEditor::Completer* active_completer = nullptr;
std::vector<std::string> pending_matches;

char* next_match(const char*, int state) {
  if (static_cast<std::size_t>(state) >= pending_matches.size()) return nullptr;
  return strdup(pending_matches[static_cast<std::size_t>(state)].c_str());
}

char** complete(const char* word, int start, int) {
  rl_attempted_completion_over = 1;  // no fallback to file names
  if (!active_completer) return nullptr;
  const std::string line(rl_line_buffer, static_cast<std::size_t>(start));
  pending_matches = (*active_completer)(line, word);
  if (pending_matches.empty()) return nullptr;
  return rl_completion_matches(word, next_match);
}

// libedit reads and shows multibyte characters only in a locale whose character set is UTF-8;
// in the "C" locale every program starts in, it drops each non-ASCII byte, and "show Шинзо"
// arrives as "show ". So the character type follows the environment (LANG, LC_ALL), and when
// that is not UTF-8 (LANG=C, or unset) it is C.UTF-8, which glibc always has: parley's lines
// are UTF-8 whatever the locale says. Only LC_CTYPE changes; numbers and messages do not.
void use_utf8_characters() {
  if (std::setlocale(LC_CTYPE, "") && std::strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return;
  if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "C.utf8");
}

// Ctrl-D reaches libedit as the byte 0x04 only while the terminal is out of canonical (line) mode.
// In canonical mode the kernel takes it as end of file, and when libedit then leaves that mode the
// kernel hands the end of file over as a NUL byte, which libedit binds to ed-quoted-insert: the
// Ctrl-D is lost, the next key is taken literally with Ctrl-C switched off, and the shell seems to
// hang. libedit (Debian's 3.1-20221030) draws the prompt first and leaves canonical mode only when
// it reads the first key, so a Ctrl-D typed as the prompt appears was lost now and then. Two
// fixes: libedit's own edit mode is set before the prompt is drawn (below), and a Ctrl-D typed
// while the previous line ran, when the terminal is in canonical mode for the line's output, is
// taken as end of input before libedit sees it (end_of_input_typed_ahead).
// A hook rather than a call before readline(): readline() takes the terminal's settings as it finds
// them on entry and puts them back on return, so the mode must be set from inside it.
int enter_edit_mode_before_prompt() {
  rl_prep_terminal(0);  // el_set(EL_PREP_TERM, 1): what libedit does itself at the first key
  return 0;
}

// True when the terminal holds a Ctrl-D typed while the last line ran and nothing else: in
// canonical mode the input is then ready (poll) but holds no bytes (FIONREAD does not count an
// end of file), and reading consumes the end of file. Text typed ahead is left to libedit.
bool end_of_input_typed_ahead() {
  termios mode{};
  if (tcgetattr(STDIN_FILENO, &mode) != 0 || (mode.c_lflag & ICANON) == 0) return false;
  pollfd input{STDIN_FILENO, POLLIN, 0};
  if (poll(&input, 1, 0) != 1 || (input.revents & POLLIN) == 0) return false;
  int bytes = 0;
  if (ioctl(STDIN_FILENO, FIONREAD, &bytes) != 0 || bytes != 0) return false;
  char byte = 0;
  return ::read(STDIN_FILENO, &byte, 1) == 0;
}

}  // namespace

LineEditor::LineEditor(std::string history_file, Completer completer) : history_file_(std::move(history_file)) {
  use_utf8_characters();
  static Completer stored;
  stored = std::move(completer);
  active_completer = &stored;
  rl_readline_name = const_cast<char*>("parley");
  rl_attempted_completion_function = complete;
  rl_basic_word_break_characters = const_cast<char*>(" \t");
  rl_pre_input_hook = enter_edit_mode_before_prompt;
  using_history();
  stifle_history(1000);
  if (!history_file_.empty()) read_history(history_file_.c_str());
}

LineEditor::~LineEditor() {
  if (!history_file_.empty()) write_history(history_file_.c_str());
  active_completer = nullptr;
}

std::optional<std::string> LineEditor::read(const std::string& prompt) {
  if (end_of_input_typed_ahead()) return std::nullopt;
  char* raw = readline(prompt.c_str());
  if (!raw) return std::nullopt;
  std::string line(raw);
  std::free(raw);
  if (line.find_first_not_of(" \t") != std::string::npos) add_history(line.c_str());
  return line;
}

}  // namespace parley::cli
