// One line of the shell, as cli/shell_session.h handles it: what is answered by the shell
// itself, what is run, what is refused, and that everything printed is escaped.
#include <catch2/catch.hpp>

#include <sstream>

#include "default_db.h"
#include "parley/common/terminal_text.h"
#include "shell_session.h"

using parley::cli::complete_shell_word;
using parley::cli::handle_shell_line;
using parley::cli::RunSession;
using parley::cli::without_byte_order_mark;

namespace {

struct Ran {
  parley::cli::ShellLineOutcome outcome;
  std::string out, err;
};

Ran run(std::string_view line, bool files_allowed = true) {
  std::ostringstream out, err;
  const auto outcome = handle_shell_line(line, RunSession{&default_db(), true, files_allowed}, out, err);
  return Ran{outcome, out.str(), err.str()};
}

}  // namespace

TEST_CASE("the shell answers quit and help itself and runs the rest", "[shell]") {
  CHECK(run("quit").outcome.quit);
  CHECK(run("  exit  ").outcome.quit);
  CHECK_FALSE(run("").outcome.quit);
  CHECK(run("help").out.find("Ctrl-C abandons the line") != std::string::npos);
  CHECK(run("help path").out.find("usage: parley path") != std::string::npos);
  const Ran answered = run("who-met Abe Putin");
  CHECK(answered.outcome.exit_code == 0);
  CHECK(answered.out.find("3 meetings in the dataset") != std::string::npos);
  CHECK(run("who-met Nobody").outcome.exit_code == 3);
  const Ran unsplit = run("path \"unbalanced");
  CHECK(unsplit.outcome.exit_code == 2);
  CHECK(unsplit.err == "error[usage]: column 6: unbalanced double quote\n");
}

TEST_CASE("what the shell prints about typed text is escaped", "[shell]") {
  const Ran c1 = run("who-met '\xC2\x9B" "31mAbe'");
  CHECK(c1.outcome.exit_code == 3);
  CHECK(c1.err.find("\"\\u009b31mAbe\"") != std::string::npos);
  const Ran bidi = run("help \xE2\x80\xAE" "htap");
  CHECK(bidi.err.find("\\u202ehtap") != std::string::npos);
  CHECK_FALSE(parley::needs_terminal_escaping(bidi.err.substr(0, bidi.err.size() - 1)));
}

TEST_CASE("a session without files refuses -o and --render", "[shell]") {
  CHECK(run("stats -o /tmp/parley-never-written", false).outcome.exit_code == 2);
  CHECK(run("path Abe Putin --render svg /tmp/parley-never-written.svg", false).outcome.exit_code == 2);
}

TEST_CASE("a byte-order mark before a line is dropped", "[shell]") {
  CHECK(without_byte_order_mark("\xEF\xBB\xBFstats") == "stats");
  CHECK(without_byte_order_mark("stats") == "stats");
  CHECK(without_byte_order_mark("\xEF\xBBstats") == "\xEF\xBBstats");
}

TEST_CASE("tab completion does not offer names a terminal would obey", "[shell]") {
  parley::Diagnostics diagnostics;
  const auto db = parley::Database::open({std::string(PARLEY_SOURCE_DIR) + "/tests/fixtures/valid/terminal-escapes.json"},
                                         diagnostics);
  REQUIRE(db);
  // Every name and alias in that dataset holds a control character or a bidi control.
  CHECK(complete_shell_word(*db, "show ", "").empty());
  CHECK(complete_shell_word(*db, "show ", "Red").empty());  // "Red \x1b[31mtext\x1b[0m"
  CHECK(complete_shell_word(default_db(), "show ", "Sergey") == std::vector<std::string>{"Sergey\\ Lavrov"});
}
