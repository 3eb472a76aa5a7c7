// parley retract: retracts facts from a store as one transaction. Retracted facts stay in the
// store's history: a query --as-of-tx before the retraction still sees them.
#include "commands.h"
#include "write_support.h"

namespace parley::cli {
namespace {

int run_retract(const CommandContext& context) {
  const Write write = write_from_options(context.args, "");
  return run_writes(context, {write});
}

}  // namespace

Command retract_command() { return Command{retract_spec(), run_retract}; }

}  // namespace parley::cli
