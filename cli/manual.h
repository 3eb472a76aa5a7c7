// The man page parley(1) and the bash and zsh completion scripts, written from the command
// table (commands.h) and the global options: the same source as `--help`, so they cannot drift.
// Built into files at build time by generate_manual.cpp and installed with the binary.
#pragma once

#include <string>
#include <vector>

#include "commands.h"

namespace parley::cli {

// parley.1, in roff with the man macros.
std::string man_page(const std::vector<Command>& commands);
// A bash completion script defining `_parley` and `complete -F _parley parley`.
std::string bash_completion(const std::vector<Command>& commands);
// A zsh completion function file, `_parley` (#compdef parley).
std::string zsh_completion(const std::vector<Command>& commands);

}  // namespace parley::cli
