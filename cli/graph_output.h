// Graph-shaped answers as DOT or GraphML on standard output, and `--render svg|png FILE`, which
// hands the DOT to Graphviz's dot.
#pragma once

#include <string>

#include "commands.h"
#include "parley/query/subgraph.h"

namespace parley::cli {

// True when --format asks for a diagram (dot or graphml) rather than text or JSON.
bool graph_format(const CommandContext& context);

// Prints the subgraph in the requested diagram format (when graph_format()), and renders it
// when --render was given. Returns an exit code.
// `text_means_dot`: for `export`, whose only text form is DOT.
int emit_graph(const CommandContext& context, const Database& db, Subgraph subgraph, const std::string& title,
               bool text_means_dot = false);

// Runs `dot -T<format> -o <file>` on `dot_text`. Returns an error message, empty on success.
std::string render_with_graphviz(const std::string& dot_text, const RenderRequest& request);

}  // namespace parley::cli
