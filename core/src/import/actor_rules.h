// Which kind of entity an actor of an event file is, and which state it belongs to. The rules
// are heuristics on what the files give (ICEWS names, sectors and countries; GDELT codes),
// documented with their limits in docs/import.md.
#pragma once

#include <string>
#include <string_view>

#include "import/event_row.h"

namespace parley::import {

enum class ActorKind { kPerson, kOrganisation, kState, kGroup };

std::string_view kind_name(ActorKind kind);

// A state, named once whatever spelling a row used.
struct StateRef {
  std::string key;   // "RUS", or the name itself for a country no table knows
  std::string name;  // "Russia"
  bool empty() const { return key.empty(); }
};

// The state a country name (ICEWS, a GDELT place) or a CAMEO country code (GDELT actor) stands
// for; empty for an empty or "NA" value.
StateRef state_from_name(std::string_view name);
StateRef state_from_code(std::string_view code);

struct ActorIdentity {
  ActorKind kind = ActorKind::kGroup;
  std::string name;  // the entity's name
  std::string key;   // identity within one import: the same key is the same entity
  StateRef state;    // the state it is (kState) or belongs to; may be empty
};

ActorIdentity icews_actor(const ActorFields& actor);
ActorIdentity gdelt_actor(const ActorFields& actor);

}  // namespace parley::import
