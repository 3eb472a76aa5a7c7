// Running Graphviz's `dot` on a DOT text and collecting the drawing it writes to its standard
// output, with a time limit. The drawing is then written by output_file.h like any answer, so
// `dot` never touches the user's file: a failed or cut-off drawing leaves it as it was.
#pragma once

#include <string>
#include <string_view>

namespace parley::cli {

struct GraphvizResult {
  std::string image;  // what dot wrote, when it succeeded
  std::string error;  // empty on success
  bool timed_out = false;
};

// Runs `dot -T<format>` (svg, png or pdf) on `dot_text`. `timeout_seconds` 0 means no limit; when
// the limit is hit, dot is killed and the result says so.
GraphvizResult run_graphviz(std::string_view dot_text, const std::string& format, unsigned timeout_seconds);

}  // namespace parley::cli
