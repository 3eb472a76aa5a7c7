// What an import builds from the rows before writing anything: states, actors, places and
// gatherings, each gathering with every row that reports it. Rows with the same unordered pair
// of actors, the same day, the same place and the same class of code are one gathering.
//
// A kept row's fields are views into the input file, which is held in memory (mapped) for the
// whole import: nothing of a row is copied. Actors and places are resolved once per distinct
// spelling in the file and then found by the row's own bytes, so a row that names known actors
// at a known place allocates nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/actor_rules.h"
#include "import/event_row.h"
#include "import/gathering_index.h"
#include "parley/graph/id_index.h"
#include "parley/import/cameo.h"
#include "parley/import/import.h"

namespace parley::import {

inline constexpr std::uint32_t kNone = UINT32_MAX;

// One row kept as evidence: what a coded record says of it (views into the input file).
struct KeptRow {
  std::string_view event_id;
  std::string_view story_id;
  std::string_view sentence;
  std::string_view publisher;
  std::string_view code;
  std::string_view event_text;
  std::string_view url;
  bool plain = false;  // no field has anything JSON escapes: each is written as it is
};

struct ModelEntity {
  std::string kind;         // person, organisation, state, group, place
  std::string name;
  std::string place_type;   // for a place: "city" or "region"
  std::uint32_t container = kNone;  // the state of an actor, the province or state of a place
  std::uint32_t first_row = 0;      // the row that first named it, its evidence
  std::string_view latitude;        // a place's coordinates, from the first row that gave them
  std::string_view longitude;
  std::uint32_t coordinates_row = kNone;
};

struct Gathering {
  CodeClass code_class = CodeClass::kOther;
  std::string_view code;    // for kOther: the CAMEO code
  std::uint32_t first = 0;  // the two actors, first < second
  std::uint32_t second = 0;
  std::int32_t day = 0;
  std::uint32_t venue = kNone;  // a place or a state
  std::uint64_t class_key = 0;  // what else must match for two rows to be one gathering
  std::string_view latitude;    // for a venue that is only a state, the row's coordinates
  std::string_view longitude;
  std::vector<std::uint32_t> rows;
  bool has_negotiation = false, has_meeting = false;  // what codes 042–046 said, for the kind
  unsigned intent_sides = 0;  // 036: bit 1 when `first` expressed it, bit 2 when `second` did
};

class EventModel {
 public:
  EventModel(EventFormat format, const ImportOptions& options);

  // Room for about `rows` kept rows and gatherings, so that the vectors are not copied as they
  // grow (what is reserved and not used is address space, not memory).
  void reserve(std::size_t rows) {
    rows_.reserve(rows);
    gatherings_.reserve(rows);
  }

  // Takes one valid row, whose views must outlive the model. Returns empty when it became
  // evidence, else why it was left out (a string that lives as long as the program).
  std::string_view add(const EventRow& row);

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
  // An actor as a row spells it, resolved by the rules once: its identity, the key that says
  // which entity it is, and that entity once a kept row has made it.
  struct ActorSpelling {
    ActorIdentity identity;
    std::string key;
    std::uint32_t entity = kNone;
  };

  bool wanted(std::string_view code, CodeClass code_class) const;
  std::uint32_t spelling(const ActorFields& fields);
  std::uint32_t state(const StateRef& state, std::uint32_t row);
  std::uint32_t actor(const ActorIdentity& identity, std::uint32_t row);
  std::uint32_t venue(const PlaceFields& place, std::uint32_t row);
  std::uint32_t new_venue(const PlaceFields& place, std::uint32_t row);
  std::uint32_t entity(const std::string& key, ModelEntity entity, bool& created);

  EventFormat format_;
  const ImportOptions& options_;
  std::vector<KeptRow> rows_;
  std::vector<ModelEntity> entities_;
  IdIndex entity_by_key_;       // an entity's key (kind, then what tells it apart) → entity
  std::vector<ActorSpelling> spellings_;
  IdIndex spelling_by_fields_;  // the row's actor fields, joined by tabs → spelling
  IdIndex venue_by_fields_;     // city, province and country, joined by tabs → venue
  std::string scratch_;         // the key being looked up, reused from row to row
  std::vector<Gathering> gatherings_;
  GatheringIndex gathering_index_;
  std::uint64_t states_ = 0, actors_ = 0, places_ = 0;
};

}  // namespace parley::import
