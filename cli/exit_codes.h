// The exit codes of the parley program, documented in docs/guide.md.
#pragma once

namespace parley::cli {

enum ExitCode : int {
  kExitOk = 0,           // success; for queries, an answer (possibly "no path") was given
  kExitInvalidData = 1,  // a dataset or the schema is invalid
  kExitUsage = 2,        // the command line is wrong
  kExitQueryError = 3,   // the query names something that does not exist or is ambiguous
  kExitIoError = 4,      // a file could not be read or written
};

}  // namespace parley::cli
