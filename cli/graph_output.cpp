#include "graph_output.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>

#include "exit_codes.h"
#include "parley/export/dot_export.h"
#include "parley/export/graphml_export.h"

extern char** environ;

namespace parley::cli {

bool graph_format(const CommandContext& context) {
  const OutputFormat f = context.args.global.format;
  return f == OutputFormat::kDot || f == OutputFormat::kGraphml;
}

std::string render_with_graphviz(const std::string& dot_text, const RenderRequest& request) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return std::string("cannot create a pipe: ") + std::strerror(errno);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  const std::string type = "-T" + request.format;
  const char* argv[] = {"dot", type.c_str(), "-o", request.file.c_str(), nullptr};
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, const_cast<char* const*>(argv), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[0]);
  if (spawned != 0) {
    close(pipe_fds[1]);
    return spawned == ENOENT ? "Graphviz's dot is not installed (Debian: apt-get install graphviz); use --format dot instead"
                             : std::string("cannot run dot: ") + std::strerror(spawned);
  }
  std::size_t written = 0;
  while (written < dot_text.size()) {
    const ssize_t n = write(pipe_fds[1], dot_text.data() + written, dot_text.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  close(pipe_fds[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "dot failed to write " + request.file;
  return "";
}

int emit_graph(const CommandContext& context, const Database& db, Subgraph subgraph, const std::string& title,
               bool text_means_dot) {
  subgraph.normalize();
  const std::string dot = to_dot(db, subgraph, DotOptions{title, true});
  const OutputFormat format = context.args.global.format;
  // `export --render FILE` asks for the drawing, not also for its DOT on standard output.
  if (format == OutputFormat::kDot || (text_means_dot && format == OutputFormat::kText && !context.args.render)) {
    context.out << dot;
  }
  if (context.args.global.format == OutputFormat::kGraphml) context.out << to_graphml(db, subgraph);
  if (context.args.render) {
    if (const std::string error = render_with_graphviz(dot, *context.args.render); !error.empty()) {
      context.err << "parley: " << error << '\n';
      return kExitIoError;
    }
  }
  return kExitOk;
}

}  // namespace parley::cli
