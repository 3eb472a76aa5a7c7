// The man page and the completions are written from the command table: every command and every
// option a user can type appears in all three (manual.h).
#include <catch2/catch.hpp>

#include "commands.h"
#include "manual.h"

namespace parley::cli {
namespace {

// "--max-hops" as roff writes it: "\-\-max\-hops".
std::string roff_name(const std::string& name) {
  std::string out;
  for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

// True when `text` holds `word` between spaces or double quotes, as a bash word list does.
bool has_word(const std::string& text, const std::string& word) {
  for (const char* before : {" ", "\""}) {
    for (const char* after : {" ", "\""}) {
      if (text.find(before + word + after) != std::string::npos) return true;
    }
  }
  return false;
}

std::vector<std::string> typed_options(const boost::program_options::options_description& options, const CommandSpec* spec) {
  std::vector<std::string> names;
  for (const auto& option : options.options()) {
    if (!spec || !is_positional(*spec, option->long_name())) names.push_back("--" + option->long_name());
  }
  return names;
}

TEST_CASE("every command and option of the table is in the man page and both completions", "[manual]") {
  const auto commands = all_commands();
  const std::string man = man_page(commands);
  const std::string bash = bash_completion(commands);
  const std::string zsh = zsh_completion(commands);
  REQUIRE(commands.size() > 10);
  for (const auto& name : typed_options(global_options_description(), nullptr)) {
    INFO("global option " << name);
    CHECK(man.find(".TP\n\\fB" + roff_name(name) + "\\fR") != std::string::npos);
    CHECK(has_word(bash, name));
    CHECK(zsh.find("'" + name + ":") != std::string::npos);
  }
  for (const auto& c : commands) {
    INFO("command " << c.spec.name);
    CHECK(man.find(".SS " + roff_name(c.spec.name) + "\n") != std::string::npos);
    CHECK(bash.find("    " + c.spec.name + ") options=") != std::string::npos);
    CHECK(zsh.find("'" + c.spec.name + ":") != std::string::npos);
    // Each option is looked for in the command's own section of each file.
    const auto man_section = man.substr(man.find(".SS " + roff_name(c.spec.name) + "\n"));
    const auto bash_line = bash.substr(bash.find("    " + c.spec.name + ") options="));
    const auto zsh_section = zsh.substr(zsh.find("  " + c.spec.name + ")\n"));
    for (const auto& name : typed_options(c.spec.options, &c.spec)) {
      INFO("option " << name);
      CHECK(man_section.substr(0, man_section.find(".SS", 1)).find("\\fB" + roff_name(name) + "\\fR") != std::string::npos);
      const auto line = bash_line.substr(0, bash_line.find('\n'));
      CHECK(has_word(line, name));
      CHECK(zsh_section.substr(0, zsh_section.find(";;")).find("'" + name + ":") != std::string::npos);
    }
  }
}

TEST_CASE("roff text never starts a line with a control character and escapes non-ASCII", "[manual]") {
  const std::string man = man_page(all_commands());
  // Japan–Russia in the description: the en dash is written as groff's named character.
  CHECK(man.find("Japan\\(enRussia") != std::string::npos);
  for (std::size_t at = 0; (at = man.find('\n', at)) != std::string::npos; ++at) {
    CHECK(man.compare(at + 1, 1, "'") != 0);
    CHECK(static_cast<unsigned char>(man[at + 1]) < 0x80);
  }
}

}  // namespace
}  // namespace parley::cli
