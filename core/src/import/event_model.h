// What an import builds from the rows before writing anything: states, actors, places and
// gatherings, each gathering with every row that reports it. Rows with the same unordered pair
// of actors, the same day, the same place and the same class of code are one gathering.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "import/actor_rules.h"
#include "import/event_row.h"
#include "parley/import/cameo.h"
#include "parley/import/import.h"

namespace parley::import {

inline constexpr std::uint32_t kNone = UINT32_MAX;

// One row kept as evidence: what a coded record says of it.
struct KeptRow {
  std::string event_id;
  std::string story_id;
  std::string sentence;
  std::string publisher;
  std::string code;
  std::string event_text;
  std::string url;
};

struct ModelEntity {
  std::string kind;         // person, organisation, state, group, place
  std::string name;
  std::string place_type;   // for a place: "city" or "region"
  std::uint32_t container = kNone;  // the state of an actor, the province or state of a place
  std::uint32_t first_row = 0;      // the row that first named it, its evidence
  std::string latitude;     // a place's coordinates, from the first row that gave them
  std::string longitude;
  std::uint32_t coordinates_row = kNone;
};

struct Gathering {
  CodeClass code_class = CodeClass::kOther;
  std::string code;         // for kOther: the CAMEO code
  std::uint32_t first = 0;  // the two actors, first < second
  std::uint32_t second = 0;
  std::int32_t day = 0;
  std::uint32_t venue = kNone;  // a place or a state
  std::string latitude;         // for a venue that is only a state, the row's coordinates
  std::string longitude;
  std::vector<std::uint32_t> rows;
  bool has_negotiation = false, has_meeting = false;  // what codes 042–046 said, for the kind
  unsigned intent_sides = 0;  // 036: bit 1 when `first` expressed it, bit 2 when `second` did
};

class EventModel {
 public:
  EventModel(EventFormat format, const ImportOptions& options);

  // Takes one valid row. Returns empty when it became evidence, else why it was left out.
  std::string add(const EventRow& row);

  const std::vector<KeptRow>& rows() const { return rows_; }
  const std::vector<ModelEntity>& entities() const { return entities_; }
  const std::vector<Gathering>& gatherings() const { return gatherings_; }
  std::uint64_t states() const { return states_; }
  std::uint64_t actors() const { return actors_; }
  std::uint64_t places() const { return places_; }

  // The kind a gathering is written as: "visit", "meeting", "negotiation_round", "call",
  // "consultation", "meeting" (planned or proposed) or "event".
  static std::string_view kind_of(const Gathering& gathering);
  // "held", "planned" or "proposed"; empty for an event of another code.
  static std::string_view status_of(const Gathering& gathering);

 private:
  bool wanted(std::string_view code, CodeClass code_class) const;
  std::uint32_t state(const StateRef& state, std::uint32_t row);
  std::uint32_t actor(const ActorIdentity& identity, std::uint32_t row);
  std::uint32_t venue(const PlaceFields& place, std::uint32_t row, std::string& latitude, std::string& longitude);
  std::uint32_t entity(const std::string& key, ModelEntity entity, bool& created);

  EventFormat format_;
  const ImportOptions& options_;
  std::vector<KeptRow> rows_;
  std::vector<ModelEntity> entities_;
  std::unordered_map<std::string, std::uint32_t> entity_by_key_;
  std::vector<Gathering> gatherings_;
  std::unordered_map<std::string, std::uint32_t> gathering_by_key_;
  std::uint64_t states_ = 0, actors_ = 0, places_ = 0;
};

}  // namespace parley::import
