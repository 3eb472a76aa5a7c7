// parley add: adds facts to a store as one transaction, checked as a dataset file is.
#include "commands.h"
#include "write_support.h"

namespace parley::cli {
namespace {

int run_add(const CommandContext& context) {
  const Write write = write_from_options(context.args, "");
  return run_writes(context, {write});
}

}  // namespace

Command add_command() { return Command{add_spec(), run_add}; }

}  // namespace parley::cli
