// libFuzzer target: any bytes as the name of an entity (and the role of a relation). The
// dataset is built with RapidJSON, so every name the loader accepts is tried; each exporter's
// output must read back: DOT with Boost's read_graphviz and GraphML with Boost's read_graphml,
// with the same numbers of nodes and edges, and JSON with RapidJSON, with the name intact.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "parley/graph/database.h"
#include "parley/export/dot_export.h"
#include "parley/export/graphml_export.h"
#include "runner.h"

namespace {

std::string dataset_with_name(const std::string& name) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  const auto str = [&](const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); };
  const auto citation = [&] {
    w.StartArray();
    w.StartObject();
    w.Key("source");
    str("s");
    w.Key("quote");
    str("q");
    w.EndObject();
    w.EndArray();
  };
  w.StartObject();
  w.Key("format");
  str("parley-dataset/1");
  w.Key("sources");
  w.StartArray();
  w.StartObject();
  w.Key("id");
  str("s");
  w.Key("publisher");
  str("p");
  w.Key("title");
  str("t");
  w.EndObject();
  w.EndArray();
  w.Key("entities");
  w.StartArray();
  for (const auto& [id, kind, entity_name] : {std::tuple<std::string, std::string, std::string>{"a", "person", name},
                                              {"b", "state", name + "!"}}) {
    w.StartObject();
    w.Key("id");
    str(id);
    w.Key("kind");
    str(kind);
    w.Key("name");
    str(entity_name);
    w.Key("sources");
    citation();
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  w.StartObject();
  w.Key("type");
  str("holds_office");
  w.Key("from");
  str("a");
  w.Key("to");
  str("b");
  w.Key("properties");
  w.StartObject();
  w.Key("role");
  str(name);
  w.EndObject();
  w.Key("sources");
  citation();
  w.EndObject();
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string name(reinterpret_cast<const char*>(data), size);
  parley::Diagnostics diagnostics;
  const auto db = parley::Database::open_texts({{"names.json", dataset_with_name(name)}}, diagnostics);
  if (!db) return 0;  // not a name the loader accepts (empty, NUL, invalid UTF-8, too long)
  auto whole = parley::Subgraph::whole(db->dataset());
  using Read = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                     boost::property<boost::vertex_name_t, std::string>>;
  {
    Read graph;
    boost::dynamic_properties properties(boost::ignore_other_properties);
    properties.property("node_id", boost::get(boost::vertex_name, graph));
    std::istringstream in(parley::to_dot(*db, whole, parley::DotOptions{name, parley::DotLegend::kNone}));
    if (!boost::read_graphviz(in, graph, properties, "node_id")) __builtin_trap();
    if (num_vertices(graph) != 2 || num_edges(graph) != 1) __builtin_trap();
  }
  {
    Read graph;
    boost::dynamic_properties properties(boost::ignore_other_properties);
    properties.property("name", boost::get(boost::vertex_name, graph));
    std::istringstream in(parley::to_graphml(*db, whole));
    boost::read_graphml(in, graph, properties);
    if (num_vertices(graph) != 2 || num_edges(graph) != 1) __builtin_trap();
  }
  {
    // `parley export --format json`, run on this database, reads back with the name intact.
    std::ostringstream out;
    std::ostringstream err;
    if (parley::cli::run_command_line({"export", "--format", "json"}, {db.get(), true}, out, err).exit_code != 0) {
      __builtin_trap();
    }
    rapidjson::Document doc;
    const std::string json = out.str();
    if (doc.Parse(json.c_str(), json.size()).HasParseError()) __builtin_trap();
    const auto& first = doc["entities"][0]["name"];
    if (std::string(first.GetString(), first.GetStringLength()) != name) __builtin_trap();
  }
  return 0;
}
