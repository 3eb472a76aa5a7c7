#include "graph_output.h"

#include <ostream>

#include "exit_codes.h"
#include "graphviz_process.h"
#include "output_file.h"
#include "parley/export/dot_export.h"
#include "parley/export/gexf_export.h"
#include "parley/export/graphml_export.h"

namespace parley::cli {

bool graph_format(const CommandContext& context) {
  const OutputFormat f = context.args.global.format;
  return f == OutputFormat::kDot || f == OutputFormat::kGraphml || f == OutputFormat::kGexf;
}

std::string render_with_graphviz(const std::string& dot_text, const RenderRequest& request, unsigned timeout_seconds,
                                 std::vector<std::string>& notes) {
  const GraphvizResult drawing = run_graphviz(dot_text, request.format, timeout_seconds);
  if (!drawing.error.empty()) return "cannot draw " + request.file + ": " + drawing.error;
  OutputFileResult written = write_output_file(request.file, drawing.image);
  notes = std::move(written.notes);
  return written.error;
}

namespace {

DotOptions dot_options(const GlobalOptions& global, const std::string& title, bool time_axis) {
  DotOptions options;
  options.title = title;
  options.legend = global.legend == "none" ? DotLegend::kNone : global.legend == "full" ? DotLegend::kFull : DotLegend::kCompact;
  options.time_axis = time_axis;
  options.layout = global.layout;
  return options;
}

// Past this many entities a diagram stops being one a reader can follow on a page, whatever the
// layout: measured (docs/design.md, "Diagrams"), the largest of the README's diagrams, the
// timeline, has 47 entities and 62 relations, and `neighbours Abe --depth 2`, 59 entities and
// 192 relations, is a hairball 5776 px wide. Beyond it parley still draws, and says so.
constexpr std::size_t kLegibleEntities = 50;

std::string size_note(const Subgraph& subgraph, const std::string& layout) {
  if (subgraph.entities.size() <= kLegibleEntities) return "";
  std::string note = "the diagram has " + std::to_string(subgraph.entities.size()) + " entities and " +
                     std::to_string(subgraph.relations.size()) + " relations, more than the " +
                     std::to_string(kLegibleEntities) + " that stay legible on a page; narrow the question (--depth, --types, --kinds, --from, --to)";
  return layout == "dot" ? note + " or draw it more compactly with --layout sfdp" : note;
}

}  // namespace

int emit_graph(const CommandContext& context, const Database& db, Subgraph subgraph, const std::string& title,
               bool text_means_dot, bool time_axis) {
  subgraph.normalize();
  const OutputFormat format = context.args.global.format;
  // `export --render FILE` asks for the drawing, not also for its DOT on standard output.
  const bool print_dot =
      format == OutputFormat::kDot || (text_means_dot && format == OutputFormat::kText && !context.args.render);
  // DOT, GraphML and GEXF are written as they are made; the DOT is held whole only for a
  // drawing, which Graphviz reads whole.
  const DotOptions options = dot_options(context.args.global, title, time_axis);
  const std::string dot = context.args.render ? to_dot(db, subgraph, options) : "";
  if (print_dot && context.args.render) context.out << dot;
  if (print_dot && !context.args.render) write_dot(context.out, db, subgraph, options);
  if (format == OutputFormat::kGraphml) write_graphml(context.out, db, subgraph);
  if (format == OutputFormat::kGexf) write_gexf(context.out, db, subgraph);
  if (context.args.render) {
    std::vector<std::string> notes;
    const std::string error = render_with_graphviz(dot, *context.args.render, context.args.global.render_timeout, notes);
    for (const auto& note : notes) context.err << "parley: " << note << '\n';
    if (const std::string note = size_note(subgraph, context.args.global.layout); !note.empty() && error.empty()) {
      context.err << "parley: note: " << note << '\n';
    }
    if (!error.empty()) {
      context.err << "parley: error[io-error]: " << error << '\n';
      return kExitIoError;
    }
  }
  return kExitOk;
}

}  // namespace parley::cli
