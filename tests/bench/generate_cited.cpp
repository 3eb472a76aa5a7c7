// --shape cited: many small records, each fact with a quote of its own (see generate_cited.h).
#include "generate_cited.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <utility>
#include <vector>

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

#include "generate_random.h"

namespace parley::bench {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

class CitedWriter {
 public:
  CitedWriter(std::uint64_t seed, std::size_t sources, const std::string& csv_dir)
      : random_(seed), sources_(sources), stream_(std::cout), w_(stream_) {
    if (!csv_dir.empty()) {
      entities_csv_.open(csv_dir + "/entities.csv");
      relations_csv_.open(csv_dir + "/relations.csv");
      entities_csv_ << "id,kind,name,status\n";
      relations_csv_ << "from,to,type\n";
    }
  }
  Random& random() { return random_; }
  rapidjson::Writer<rapidjson::OStreamWrapper>& w() { return w_; }

  void str(const std::string& s) { w_.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); }
  void member(const char* key, const std::string& value) {
    w_.Key(key);
    str(value);
  }
  // One citation from a source drawn at random, with the quote given.
  void cite(const std::string& quote) {
    w_.Key("sources");
    w_.StartArray();
    w_.StartObject();
    member("source", "src-" + std::to_string(random_.below(sources_)));
    member("quote", quote);
    w_.EndObject();
    w_.EndArray();
  }
  // attributes: (name, value, quote), each cited with its own quote.
  void entity(const std::string& id, const char* kind, const std::string& name, const std::string& quote,
              const std::vector<std::array<std::string, 3>>& attributes = {}) {
    w_.StartObject();
    member("id", id);
    member("kind", kind);
    member("name", name);
    cite(quote);
    std::string status;
    if (!attributes.empty()) {
      w_.Key("attributes");
      w_.StartArray();
      for (const auto& [key, value, said] : attributes) {
        w_.StartObject();
        member("name", key);
        member("value", value);
        cite(said);
        w_.EndObject();
        if (key == "status") status = value;
      }
      w_.EndArray();
    }
    w_.EndObject();
    if (entities_csv_) entities_csv_ << id << ',' << kind << ",\"" << name << "\"," << status << '\n';
  }
  // Relations are written after the entities; they are kept until then.
  void relation(const char* type, std::string from, std::string to, std::string quote, const char* role = nullptr) {
    edges_.push_back(Edge{type, std::move(from), std::move(to), std::move(quote), role});
  }
  void write_relations() {
    w_.Key("relations");
    w_.StartArray();
    for (const Edge& e : edges_) {
      w_.StartObject();
      member("type", e.type);
      member("from", e.from);
      member("to", e.to);
      if (e.role) {
        w_.Key("properties");
        w_.StartObject();
        member("role", e.role);
        w_.EndObject();
      }
      cite(e.quote);
      w_.EndObject();
      if (relations_csv_) relations_csv_ << e.from << ',' << e.to << ',' << e.type << '\n';
    }
    w_.EndArray();
  }

 private:
  struct Edge {
    const char* type;
    std::string from, to, quote;
    const char* role;
  };
  Random random_;
  std::size_t sources_;
  rapidjson::OStreamWrapper stream_;
  rapidjson::Writer<rapidjson::OStreamWrapper> w_;
  std::ofstream entities_csv_, relations_csv_;
  std::vector<Edge> edges_;
};

std::string n(std::size_t i) { return std::to_string(i); }

}  // namespace

void write_cited_dataset(double scale, std::uint64_t seed, const std::string& csv_dir) {
  const auto count = [&](double per_scale) { return static_cast<std::size_t>(per_scale * scale); };
  const std::size_t people = count(10000), meetings = count(50000);
  const std::size_t states = 200, places = 1000, sources = 500;
  CitedWriter out(seed, sources, csv_dir);
  Random& random = out.random();
  auto& w = out.w();

  w.StartObject();
  out.member("format", "parley-dataset/1");
  char title[96];
  std::snprintf(title, sizeof title, "Generated citation-heavy benchmark dataset, scale %g, seed %llu", scale,
                static_cast<unsigned long long>(seed));
  out.member("title", title);
  w.Key("sources");
  w.StartArray();
  for (std::size_t s = 0; s < sources; ++s) {
    w.StartObject();
    out.member("id", "src-" + n(s));
    out.member("publisher", "Generated Press " + n(s % 13));
    out.member("title", "Dispatch " + n(s));
    w.EndObject();
  }
  w.EndArray();

  w.Key("entities");
  w.StartArray();
  static const char* kRoles[] = {"president", "prime minister", "foreign minister", "deputy foreign minister",
                                 "ambassador", "special representative", "defence minister", "adviser"};
  for (std::size_t s = 0; s < states; ++s) out.entity("state-" + n(s), "state", "State " + n(s), "the State " + n(s) + " delegation");
  for (std::size_t p = 0; p < places; ++p) {
    const std::string id = "place-" + n(p), state = n(p % states);
    out.entity(id, "place", "City " + n(p), "talks in City " + n(p));
    out.relation("located_in", id, "state-" + state, "City " + n(p) + ", in State " + state);
  }
  for (std::size_t p = 0; p < people; ++p) {
    const std::string id = "person-" + n(p), state = n(p % states);
    const char* role = kRoles[random.below(8)];
    out.entity(id, "person", "Person " + n(p), "Person " + n(p) + " told reporters",
               {{"description", std::string("a ") + role + " of State " + state, "Person " + n(p) + ", " + role}});
    out.relation("holds_office", id, "state-" + state, "State " + state + "'s " + role + ", Person " + n(p), role);
  }
  const Zipf popularity(people, 1.1);
  static const char* kStatus[] = {"held", "held", "held", "held", "held", "held", "planned", "cancelled"};
  static const char* kStatusSaid[] = {"met", "met", "met", "met", "met", "met", "are to meet", "called off talks"};
  static const char* kTimes[] = {"morning", "afternoon", "evening"};
  for (std::size_t m = 0; m < meetings; ++m) {
    const std::string id = "meeting-" + n(m), name = "Meeting " + n(m);
    char date[16];
    std::snprintf(date, sizeof date, "%04zu-%02zu-%02zu", 2000 + random.below(20), 1 + random.below(12), 1 + random.below(28));
    const std::size_t status = random.below(8);
    std::vector<std::array<std::string, 3>> attributes{
        {"date", date, "on " + std::string(date) + " (" + name + ")"},
        {"status", kStatus[status], "the two sides " + std::string(kStatusSaid[status]) + " (" + name + ")"}};
    if (random.below(2) == 0) {
      const std::size_t minutes = 15 * (1 + random.below(12));
      attributes.push_back({"duration", "PT" + n(minutes) + "M", "talked for " + n(minutes) + " minutes (" + name + ")"});
    }
    if (random.below(4) == 0) {
      const char* time = kTimes[random.below(3)];
      attributes.push_back({"time_of_day", time, std::string("in the ") + time + " (" + name + ")"});
    }
    out.entity(id, "meeting", name, name + " was reported", attributes);
    const std::string place = n(random.below(places));
    out.relation("held_in", id, "place-" + place, name + " took place in City " + place);
    const std::size_t size = random.below(4) == 0 ? 3 : 2;
    std::vector<std::size_t> present;
    while (present.size() < size) {
      const std::size_t p = popularity.draw(random);
      bool seen = false;
      for (const std::size_t q : present) seen |= q == p;
      if (!seen) present.push_back(p);
    }
    for (std::size_t k = 0; k < present.size(); ++k) {
      out.relation("participant_in", "person-" + n(present[k]), id, "Person " + n(present[k]) + " attended " + name,
                   k < 2 ? "principal" : "present");
    }
  }
  w.EndArray();
  out.write_relations();
  w.EndObject();
  std::cout << '\n';
}

}  // namespace parley::bench
