// parley fmt: rewrites dataset files in parley's canonical layout (canonical_json.h), the layout
// writes to a JSON dataset keep, so that a diff shows only what changed. `--check` changes
// nothing and names the files that are not canonical, as `gofmt -l` and `prettier --check` do.
#include <ostream>

#include "commands.h"
#include "exit_codes.h"
#include "output_file.h"
#include "parley/common/file_text.h"
#include "parley/export/canonical_json.h"
#include "parley/store/dataset_file_lock.h"
#include "parley/store/store.h"
#include "write_support.h"

namespace po = boost::program_options;

namespace parley::cli {
namespace {

int run_fmt(const CommandContext& context) {
  const OptionValues& vm = context.args.command_options;
  if (!vm.count("files")) throw po::error("fmt needs the dataset files to rewrite: parley fmt FILE...");
  if (context.database) throw po::error("fmt cannot run inside a batch or shell session");
  const bool check = vm.count("check") > 0;
  const auto files = vm["files"].as<std::vector<std::string>>();
  for (const auto& path : files) {
    if (path == kEmbeddedDatasetName) throw po::error("fmt rewrites your dataset files; the embedded dataset is never written");
    if (Store::looks_like_store(path)) throw po::error(path + " is a store, not a JSON dataset; a store has no layout to format");
  }
  int exit_code = kExitOk;
  const auto worse = [&exit_code](int code) {
    if (code == kExitIoError || exit_code == kExitOk) exit_code = code;
  };
  for (const auto& path : files) {
    Diagnostics diagnostics;
    // Rewriting takes the lock writes take, so that a write in progress is never undone.
    std::unique_ptr<DatasetFileLock> lock;
    if (!check) {
      lock = DatasetFileLock::acquire(path, writer_wait(path, context.err), diagnostics);
    }
    const auto text = (check || lock) ? read_file_text(path, context.args.global.max_input_bytes, diagnostics) : std::nullopt;
    CanonicalDataset dataset;
    if (!text || !read_canonical_dataset(path, *text, dataset, diagnostics)) {
      print_diagnostics(diagnostics, context.err);
      worse(open_failure_exit_code(diagnostics));
      continue;
    }
    const std::string canonical = render_canonical_dataset(dataset);
    if (canonical == *text) continue;
    if (check) {
      context.out << path << '\n';
      worse(kExitInvalidData);
      continue;
    }
    if (const auto written = write_output_file(path, canonical); !written.error.empty()) {
      context.err << "parley: " << written.error << '\n';
      worse(kExitIoError);
      continue;
    }
    context.out << path << ": reformatted\n";
  }
  if (check && exit_code == kExitInvalidData) context.err << "parley: the files above are not in canonical layout; `parley fmt FILE...` rewrites them\n";
  return exit_code;
}

}  // namespace

Command fmt_command() {
  Command command{{}, run_fmt};
  CommandSpec& spec = command.spec;
  spec.name = "fmt";
  spec.synopsis = "fmt [--check] FILE...";
  spec.summary = "rewrite dataset files in canonical layout (--check: list those that are not)";
  spec.formats = {OutputFormat::kText};
  spec.options.add_options()
      ("files", po::value<std::vector<std::string>>()->value_name("FILE"), "the dataset files")
      ("check", "change nothing: list the files not in canonical layout, and exit 1 if there are any");
  spec.positional.add("files", -1);
  return command;
}

}  // namespace parley::cli
