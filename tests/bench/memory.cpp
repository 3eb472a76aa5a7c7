// Peak resident memory of loading a dataset and building the event table (as the first
// who-met does), against a floor: the least a program can hold to answer graph queries on the
// same data (the file's text while it is read, every entity's id and name, and a bare CSR of
// the relations both ways).
// usage: parley_memory parley|floor FILE      prints "peak_rss_mb entities relations"
#include <sys/resource.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <rapidjson/reader.h>

#include "parley/graph/database.h"

namespace {

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Collects ids, names and relation endpoints with a SAX pass: no DOM, no checks.
struct Collector : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Collector> {
  std::vector<std::string> ids, names;
  std::vector<std::pair<std::string, std::string>> ends;
  std::string section, key;
  int depth = 0;
  std::string from;
  bool StartObject() { return ++depth, true; }
  bool EndObject(rapidjson::SizeType) { return --depth, true; }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    key.assign(s, n);
    if (depth == 1) section = key;
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (depth != 2) return true;
    const std::string value(s, n);
    if (section == "entities" && key == "id") ids.push_back(value);
    else if (section == "entities" && key == "name") names.push_back(value);
    else if (section == "relations" && key == "from") from = value;
    else if (section == "relations" && key == "to") ends.emplace_back(from, value);
    return true;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: parley_memory parley|floor FILE\n");
    return 2;
  }
  const std::string mode = argv[1];
  if (mode == "parley") {
    parley::Diagnostics diagnostics;
    const auto db = parley::Database::open({argv[2]}, diagnostics);
    if (!db) return 1;
    db->events();  // built by the first who-met or timeline: part of what queries hold
    std::printf("%.1f %zu %zu\n", peak_rss_mb(), db->dataset().entities.size(), db->dataset().relations.size());
    return 0;
  }
  std::ifstream in(argv[2], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  Collector collector;
  {
    const std::string json = std::move(text).str();
    rapidjson::StringStream stream(json.c_str());
    rapidjson::Reader reader;
    reader.Parse(stream, collector);
  }
  std::unordered_map<std::string, std::uint32_t> index;
  for (std::uint32_t i = 0; i < collector.ids.size(); ++i) index.emplace(collector.ids[i], i);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (const auto& [from, to] : collector.ends) {
    edges.emplace_back(index.at(from), index.at(to));
    edges.emplace_back(index.at(to), index.at(from));
  }
  collector.ends.clear();
  collector.ends.shrink_to_fit();
  using Bare = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                  boost::no_property, std::uint32_t, std::uint32_t>;
  const Bare graph(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), collector.ids.size());
  std::printf("%.1f %zu %zu\n", peak_rss_mb(), collector.ids.size(), edges.size() / 2);
  return num_vertices(graph) > 0 ? 0 : 1;
}
