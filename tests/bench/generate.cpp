// A deterministic generator of valid parley datasets for benchmarks: the same --scale and
// --seed always give the same bytes. Scale 1 is about 10,000 people, 200 states, 2,000 places,
// 300 islands, 1,000 agreements and 50,000 meetings of 2–6 participants, drawn with a skewed
// popularity (a few leaders meet thousands of times, most people a handful), with offices,
// claims, parties to agreements and a citation on every fact, as the schema demands.
//
// usage: parley_generate --scale N [--seed S] [--shape plain|cited] [--csv DIR] > dataset.json
// With --csv DIR it also writes the same graph as entities.csv and relations.csv for the peers.
// --shape cited writes the citation-heavy shape instead (generate_cited.h).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include "generate_cited.h"
#include "generate_random.h"

namespace {

struct Edge {
  std::string type, from, to, role;
};

}  // namespace

int main(int argc, char** argv) {
  double scale = 1;
  std::uint64_t seed = 42;
  std::string csv_dir, shape = "plain";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--scale") scale = std::atof(argv[i + 1]);
    else if (flag == "--seed") seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--csv") csv_dir = argv[i + 1];
    else if (flag == "--shape" && (std::string(argv[i + 1]) == "plain" || std::string(argv[i + 1]) == "cited")) shape = argv[i + 1];
    else {
      std::cerr << "usage: parley_generate --scale N [--seed S] [--shape plain|cited] [--csv DIR] > dataset.json\n";
      return 2;
    }
  }
  if (shape == "cited") {
    parley::bench::write_cited_dataset(scale, seed, csv_dir);
    return 0;
  }
  parley::bench::Random random(seed);
  const auto count = [&](double per_scale) { return static_cast<std::size_t>(per_scale * scale); };
  const std::size_t people = count(10000), meetings = count(50000);
  const std::size_t states = 200, places = 2000, islands = 300, groups = 30, agreements = 1000, sources = 100;

  std::ofstream entities_csv, relations_csv;
  if (!csv_dir.empty()) {
    entities_csv.open(csv_dir + "/entities.csv");
    relations_csv.open(csv_dir + "/relations.csv");
    entities_csv << "id,kind,name,status\n";
    relations_csv << "from,to,type\n";
  }

  rapidjson::OStreamWrapper stream(std::cout);
  rapidjson::Writer<rapidjson::OStreamWrapper> w(stream);
  const auto str = [&](const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); };
  const auto cite = [&] {
    w.Key("sources");
    w.StartArray();
    w.StartObject();
    w.Key("source");
    str("src-" + std::to_string(random.below(sources)));
    w.Key("quote");
    str("as reported");
    w.EndObject();
    w.EndArray();
  };
  const auto entity = [&](const std::string& id, const std::string& kind, const std::string& name,
                          const std::vector<std::pair<std::string, std::string>>& attributes = {}) {
    w.StartObject();
    w.Key("id");
    str(id);
    w.Key("kind");
    str(kind);
    w.Key("name");
    str(name);
    cite();
    if (!attributes.empty()) {
      w.Key("attributes");
      w.StartArray();
      for (const auto& [key, value] : attributes) {
        w.StartObject();
        w.Key("name");
        str(key);
        w.Key("value");
        str(value);
        cite();
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
    if (entities_csv) {
      std::string status;
      for (const auto& [key, value] : attributes) {
        if (key == "status") status = value;
      }
      entities_csv << id << ',' << kind << ",\"" << name << "\"," << status << '\n';
    }
  };
  std::vector<Edge> edges;
  const auto relation = [&](const std::string& type, const std::string& from, const std::string& to,
                            const std::string& role = {}) { edges.push_back(Edge{type, from, to, role}); };

  w.StartObject();
  w.Key("format");
  str("parley-dataset/1");
  w.Key("title");
  str("Generated benchmark dataset, scale " + std::to_string(scale) + ", seed " + std::to_string(seed));
  w.Key("sources");
  w.StartArray();
  for (std::size_t s = 0; s < sources; ++s) {
    w.StartObject();
    w.Key("id");
    str("src-" + std::to_string(s));
    w.Key("publisher");
    str("Generated Press " + std::to_string(s % 7));
    w.Key("title");
    str("Report " + std::to_string(s));
    w.EndObject();
  }
  w.EndArray();

  w.Key("entities");
  w.StartArray();
  static const char* kRoles[] = {"president", "prime minister", "foreign minister", "deputy foreign minister",
                                 "ambassador", "special representative", "defence minister", "adviser"};
  for (std::size_t s = 0; s < states; ++s) entity("state-" + std::to_string(s), "state", "State " + std::to_string(s));
  for (std::size_t p = 0; p < places; ++p) {
    entity("place-" + std::to_string(p), "place", "City " + std::to_string(p));
    relation("located_in", "place-" + std::to_string(p), "state-" + std::to_string(p % states));
  }
  for (std::size_t g = 0; g < groups; ++g) entity("group-" + std::to_string(g), "island_group", "Archipelago " + std::to_string(g));
  for (std::size_t i = 0; i < islands; ++i) {
    const std::string id = "island-" + std::to_string(i);
    entity(id, "island", "Island " + std::to_string(i));
    relation("located_in", id, "group-" + std::to_string(i % groups));
    relation("claims", "state-" + std::to_string(random.below(states)), id);
    relation("administers", "state-" + std::to_string(random.below(states)), id);
  }
  for (std::size_t p = 0; p < people; ++p) {
    const std::string id = "person-" + std::to_string(p);
    entity(id, "person", "Person " + std::to_string(p));
    relation("holds_office", id, "state-" + std::to_string(p % states), kRoles[random.below(8)]);
  }
  for (std::size_t a = 0; a < agreements; ++a) {
    const std::string id = "agreement-" + std::to_string(a);
    entity(id, "agreement", "Agreement " + std::to_string(a), {{"date", std::to_string(1950 + random.below(70))}});
    relation("party_to", "state-" + std::to_string(random.below(states)), id);
    relation("party_to", "state-" + std::to_string(random.below(states)), id);
    relation("concerns", id, "island-" + std::to_string(random.below(islands)));
  }
  const parley::bench::Zipf popularity(people, 1.1);
  static const char* kStatus[] = {"held", "held", "held", "held", "held", "held", "planned", "cancelled"};
  for (std::size_t m = 0; m < meetings; ++m) {
    const std::string id = "meeting-" + std::to_string(m);
    char date[16];
    std::snprintf(date, sizeof date, "%04zu-%02zu-%02zu", 2000 + random.below(20), 1 + random.below(12), 1 + random.below(28));
    const bool month_only = random.below(10) == 0;
    entity(id, "meeting", "Meeting " + std::to_string(m),
           {{"date", month_only ? std::string(date, 7) : std::string(date)}, {"status", kStatus[random.below(8)]}});
    relation("held_in", id, "place-" + std::to_string(random.below(places)));
    const std::size_t size = 2 + random.below(5);
    std::vector<std::size_t> present;
    while (present.size() < size) {
      const std::size_t p = popularity.draw(random);
      bool seen = false;
      for (const std::size_t q : present) seen |= q == p;
      if (!seen) present.push_back(p);
    }
    for (std::size_t k = 0; k < present.size(); ++k) {
      relation("participant_in", "person-" + std::to_string(present[k]), id, k < 2 ? "principal" : "present");
    }
  }
  w.EndArray();

  w.Key("relations");
  w.StartArray();
  for (const Edge& e : edges) {
    w.StartObject();
    w.Key("type");
    str(e.type);
    w.Key("from");
    str(e.from);
    w.Key("to");
    str(e.to);
    if (!e.role.empty()) {
      w.Key("properties");
      w.StartObject();
      w.Key("role");
      str(e.role);
      w.EndObject();
    }
    cite();
    w.EndObject();
    if (relations_csv) relations_csv << e.from << ',' << e.to << ',' << e.type << '\n';
  }
  w.EndArray();
  w.EndObject();
  std::cout << '\n';
  return 0;
}
