// Graph-shaped answers as DOT, GraphML or GEXF on standard output, and `--render svg|png|pdf FILE`, which
// hands the DOT to Graphviz's dot.
#pragma once

#include <string>
#include <vector>

#include "commands.h"
#include "parley/query/subgraph.h"

namespace parley::cli {

// True when --format asks for a diagram (dot, graphml or gexf) rather than text or JSON.
bool graph_format(const CommandContext& context);

// Prints the subgraph in the requested diagram format (when graph_format()), and renders it
// when --render was given. Returns an exit code.
// `text_means_dot`: for `export`, whose only text form is DOT. `time_axis`: draw the events'
// order as an axis of years (timeline).
int emit_graph(const CommandContext& context, const Database& db, Subgraph subgraph, const std::string& title,
               bool text_means_dot = false, bool time_axis = false);

// Draws `dot_text` with Graphviz (graphviz_process.h) into the requested file, written as -o
// writes (output_file.h): the file is replaced only by a whole drawing. Returns an error
// message, empty on success; notes (stale temporary files) go to `notes`.
std::string render_with_graphviz(const std::string& dot_text, const RenderRequest& request, unsigned timeout_seconds,
                                 std::vector<std::string>& notes);

}  // namespace parley::cli
