// libFuzzer target: any bytes as the name of an entity (and the role of a relation). The
// dataset is built with RapidJSON, so every name the loader accepts is tried; the DOT written
// for it must read back with Boost's read_graphviz with the same numbers of nodes and edges.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "parley/database.h"
#include "parley/dot_export.h"
#include "parley/graphml_export.h"

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
  const std::string dot = parley::to_dot(*db, whole, parley::DotOptions{name, false});
  (void)parley::to_graphml(*db, whole);

  boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::property<boost::vertex_name_t, std::string>>
      graph;
  boost::dynamic_properties properties(boost::ignore_other_properties);
  properties.property("node_id", boost::get(boost::vertex_name, graph));
  std::istringstream in(dot);
  if (!boost::read_graphviz(in, graph, properties, "node_id")) __builtin_trap();
  if (num_vertices(graph) != 2 || num_edges(graph) != 1) __builtin_trap();
  return 0;
}
