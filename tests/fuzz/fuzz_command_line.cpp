// libFuzzer target: any bytes as a batch script run against the embedded dataset. Every line
// must end in an answer or a reported error. Lines that would write files (-o, --render) are
// skipped so the fuzzer cannot litter the disk.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "parley/database.h"
#include "runner.h"
#include "tokenizer.h"

namespace {

const parley::Database& database() {
  static const auto db = [] {
    parley::Diagnostics diagnostics;
    return parley::Database::open({}, diagnostics);
  }();
  return *db;
}

bool writes_files(const std::vector<std::string>& words) {
  for (const auto& w : words) {
    if (w.starts_with("-o") || w.starts_with("--o") || w.starts_with("--r")) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream script(std::string(reinterpret_cast<const char*>(data), size));
  std::string line;
  int lines = 0;
  while (std::getline(script, line) && ++lines <= 8) {
    const auto tokens = parley::cli::tokenize(line);
    if (tokens.error || tokens.words.empty() || writes_files(tokens.words)) continue;
    std::ostringstream out;
    std::ostringstream err;
    const auto outcome = parley::cli::run_command_line(tokens.words, {&database(), true}, out, err);
    if (outcome.exit_code != 0 && outcome.errors.empty()) __builtin_trap();  // a failure must say why
  }
  return 0;
}
