// parley_manual DIR: writes DIR/parley.1, DIR/parley.bash and DIR/_parley from the command
// table (manual.h). Run by the build; not installed.
#include <fstream>
#include <iostream>

#include "manual.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: parley_manual DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  const auto commands = parley::cli::all_commands();
  const std::pair<const char*, std::string> files[] = {
      {"/parley.1", parley::cli::man_page(commands)},
      {"/parley.bash", parley::cli::bash_completion(commands)},
      {"/_parley", parley::cli::zsh_completion(commands)}};
  for (const auto& [name, text] : files) {
    std::ofstream out(dir + name, std::ios::binary);
    out << text;
    if (!out.flush()) {
      std::cerr << "parley_manual: cannot write " << dir << name << '\n';
      return 4;
    }
  }
  return 0;
}
