// What the write commands share: `add` and `retract` lines turned into core writes (on the
// command line and in batch scripts alike), the transaction's author and message, and running
// a list of writes as one transaction with its report.
#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "commands.h"
#include "option_values.h"
#include "parley/store/write.h"

namespace parley::cli {

// The options `add` and `retract` take; `-m` and `--author` belong to the transaction.
CommandSpec add_spec();
CommandSpec retract_spec();

// The write an `add` or `retract` command line asks for; throws boost::program_options::error
// (a usage error) when it is incomplete or names an option its kind of write does not take.
Write write_from_options(const ParsedCommandLine& args, const std::string& label);

// True when a command line (its words) is a write: `add ...` or `retract ...`.
bool is_write_line(const std::vector<std::string>& words);

// Who and why: --author (else the user's login name) and -m, which a write must give.
TransactionInfo transaction_from_options(const OptionValues& vm);

// How a writer waits for another one holding `path`: up to PARLEY_WAIT_SECONDS (10 s by
// default), saying so once on `err`.
Store::Wait writer_wait(const std::string& path, std::ostream& err);

// Applies `writes`, all or none, to the one store --db names (one transaction, with -m and
// --author from the command line), or to the one JSON dataset file --db names beside @default
// (which keeps no history: -m and --author are refused), and reports what was done (text or
// JSON) or every error. Returns the exit code.
int run_writes(const CommandContext& context, const std::vector<Write>& writes);

}  // namespace parley::cli
