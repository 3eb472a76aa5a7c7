// Splitting one line of a batch script or the shell into arguments, the way a POSIX shell
// would for plain words: single quotes keep everything literally, double quotes allow \" and
// \\, a backslash outside quotes escapes the next character, and # starts a comment where a
// word could start. The words then go through the same option parser as the command line, so
// there is one language to learn.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::cli {

struct TokenizeError {
  std::size_t column = 0;  // 1-based, in bytes of the line
  std::string message;
};

struct Tokenized {
  std::vector<std::string> words;  // empty for a blank or comment-only line
  std::optional<TokenizeError> error;
};

Tokenized tokenize(std::string_view line);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD, so it can be echoed into JSON.
std::string valid_utf8(std::string_view text);

// The inverse, for echoing: a word quoted only when it needs to be.
std::string quote_word(std::string_view word);
// The inverse with backslashes instead of quotes ("Sergey\ Lavrov"), for tab completion: the
// completed word then still begins with what was typed.
std::string escape_word(std::string_view word);

}  // namespace parley::cli
