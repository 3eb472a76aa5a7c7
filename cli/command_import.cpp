// parley import icews|gdelt FILE [-o OUT.json]: coded event data as a parley dataset. The dataset
// goes to OUT.json (written through a temporary file, renamed into place only on success) or to
// standard output; the counts go to standard error, with progress when that is a terminal.
#include <unistd.h>

#include <ostream>
#include <sstream>

#include "commands.h"
#include "exit_codes.h"
#include "parley/import/import.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> codes;
  std::stringstream in(text);
  for (std::string code; std::getline(in, code, ',');) {
    if (code.empty() || code.size() > 4 || code.find_first_not_of("0123456789") != std::string::npos) {
      throw po::error("--codes takes CAMEO codes or their prefixes separated by commas (\"05,06,0841\"), not \"" + code + "\"");
    }
    codes.push_back(code);
  }
  return codes;
}

std::string counts_text(const std::map<std::string, std::uint64_t>& counts) {
  std::string out;
  for (const auto& [what, count] : counts) out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + what;
  return out;
}

void print_summary(std::ostream& err, const std::string& file, const import::ImportSummary& s, bool gdelt) {
  err << file << ": " << s.raw_rows << " rows read, " << s.kept_rows << " kept as evidence, " << s.gatherings
      << " gatherings and events after deduplication\n";
  if (gdelt) err << "  GDELT layouts: " << s.rows_57 << " of 57 columns, " << s.rows_58 << " of 58, " << s.rows_61 << " of 61\n";
  if (!s.gatherings_by_kind.empty()) err << "  by kind: " << counts_text(s.gatherings_by_kind) << '\n';
  err << "  entities: " << s.actors << " actors, " << s.states << " states, " << s.places << " places\n";
  if (!s.not_imported.empty()) err << "  rows left out: " << counts_text(s.not_imported) << '\n';
  if (s.skipped_rows > 0) {
    err << "  bad rows skipped (--skip-bad): " << s.skipped_rows << ": " << counts_text(s.skipped_by_cause) << '\n';
  }
}

int run_import(const CommandContext& context) {
  const auto& vm = context.args.command_options;
  if (!vm.count("source") || !vm.count("file")) throw po::error("import needs a format (icews or gdelt) and a FILE");
  const std::string format = vm["source"].as<std::string>();
  if (format != "icews" && format != "gdelt") throw po::error("import reads icews or gdelt files, not \"" + format + "\"");
  const std::string file = vm["file"].as<std::string>();

  import::ImportOptions options;
  options.format = format == "icews" ? import::EventFormat::kIcews : import::EventFormat::kGdelt;
  if (vm.count("codes")) options.extra_codes = split_codes(vm["codes"].as<std::string>());
  options.all_codes = vm.count("all-codes") > 0;
  options.skip_bad = vm.count("skip-bad") > 0;
  if (vm.count("source-id")) options.source_id = vm["source-id"].as<std::string>();
  // Progress only for a person watching: not in a pipe, a log or a test.
  const bool terminal = isatty(STDERR_FILENO) != 0;
  if (terminal) {
    options.progress = [&](std::uint64_t done, std::uint64_t total) {
      const unsigned percent = total == 0 ? 100 : static_cast<unsigned>(done * 100 / total);
      context.err << "\rreading " << file << ": " << percent << "% (" << (done >> 20) << " of " << (total >> 20) << " MB)"
                  << std::flush;
    };
  }
  const std::string output = context.args.global.output.empty() ? "-" : context.args.global.output;
  Diagnostics diagnostics;
  const auto summary = import::import_events(file, output, context.out, options, diagnostics);
  if (terminal) context.err << "\r\033[K" << std::flush;
  if (!summary) {
    print_diagnostics(diagnostics, context.err);
    for (const auto& d : diagnostics.items()) {
      if (d.code == ErrorCode::kIoError) return kExitIoError;
      if (d.code == ErrorCode::kUsage) return kExitUsage;
    }
    context.err << "nothing was written; --skip-bad imports the good rows and counts the rest\n";
    return kExitInvalidData;
  }
  print_summary(context.err, file, *summary, options.format == import::EventFormat::kGdelt);
  return kExitOk;
}

}  // namespace

Command import_command() {
  Command command{{}, run_import};
  CommandSpec& spec = command.spec;
  spec.name = "import";
  spec.synopsis = "import icews|gdelt FILE [-o OUT.json] [--codes 05,06 | --all-codes] [--skip-bad] [--source-id ID]";
  spec.summary = "coded event data (ICEWS, GDELT) as a parley dataset of gatherings";
  spec.formats = {OutputFormat::kText};
  spec.owns_output = true;
  spec.text_for_people = false;  // without -o, the dataset itself goes to stdout: exact JSON
  spec.options.add_options()
      ("source", po::value<std::string>()->value_name("icews|gdelt"), "the file's format")
      ("file", po::value<std::string>()->value_name("FILE"), "the event file")
      ("codes", po::value<std::string>()->value_name("CODES"),
       "also import these CAMEO codes or code prefixes, comma-separated (05,06,0841), as events")
      ("all-codes", "import every CAMEO code, the others as events")
      ("skip-bad", "skip bad rows (counted by cause) instead of refusing the file")
      ("source-id", po::value<std::string>()->value_name("ID"),
       "the dataset's source id and entity id prefix (default: the file's name)");
  spec.positional.add("source", 1).add("file", 1);
  return command;
}

}  // namespace parley::cli
