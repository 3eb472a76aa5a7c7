#include "near_misses.h"

#include <algorithm>
#include <utility>

#include "parley/common/suggest.h"

namespace parley::cli {
namespace {

// Words people bring from other tools or spellings for what parley calls otherwise. Only
// suggested, never accepted: a command line means one thing (see docs/guide.md).
constexpr std::pair<std::string_view, std::string_view> kSynonyms[] = {
    {"neighbors", "neighbours"}, {"neighborhood", "neighbours"}, {"neighbourhood", "neighbours"},
    {"nearby", "neighbours"},    {"hops", "depth"},              {"max-depth", "depth"},
    {"distance", "depth"},       {"radius", "depth"},            {"meetings", "who-met"},
    {"met", "who-met"},          {"whomet", "who-met"},          {"who_met", "who-met"},
    {"shortest-path", "path"},   {"connection", "path"},         {"validate", "check"},
    {"lint", "check"},           {"history", "log"},             {"events", "timeline"},
    {"card", "show"},            {"info", "show"},               {"since", "from"},
    {"until", "to"},             {"after", "from"},              {"before", "to"},
    {"place", "at"},             {"where", "at"},                {"type", "types"},
    {"kind", "kinds"},           {"max", "limit"},               {"output-format", "format"},
};

std::vector<std::string> near(std::string_view typed, const std::vector<std::string_view>& known) {
  std::vector<std::string> out;
  for (const auto& [word, meant] : kSynonyms) {
    if (word == typed && std::find(known.begin(), known.end(), meant) != known.end()) out.emplace_back(meant);
  }
  if (out.empty()) out = nearest(typed, known, 2);
  return out;
}

}  // namespace

std::string command_hint(std::string_view typed, const std::vector<std::string_view>& commands) {
  return did_you_mean_list(near(typed, commands));
}

std::string option_hint(std::string_view typed, const std::vector<std::string_view>& options) {
  while (!typed.empty() && typed.front() == '-') typed.remove_prefix(1);
  if (const auto equals = typed.find('='); equals != std::string_view::npos) typed = typed.substr(0, equals);
  return did_you_mean_list(near(typed, options), "--", "");
}

}  // namespace parley::cli
