// Warming the cache for the events a loop reads next. Reading an event's facts and writing them
// (who-met's full JSON rows) follows a chain of pointers per event: the entity, its attributes,
// the relations of its participants and venues, their properties and citations, the quotes. On a
// large dataset each link is a cache miss, and a hub's thousands of meetings were read one miss
// after another. EventPrefetch asks for each link a few events ahead, one link per step, so that
// by the time an event is read its records are in the cache. The first links, each event's
// entity and its list of edges, are also read for a block of events at a time in a tight loop:
// there the misses overlap, where one event ahead each was waited for.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "parley/graph/database.h"

namespace parley {

class EventPrefetch {
 public:
  // `events`: the events the loop reads, in its order.
  EventPrefetch(const Database& db, std::vector<EntityIndex> events);
  // Call before reading events[i]: asks for the next link of events[i + 1] ... events[i + kSteps].
  // Only hints to the processor: it changes no result, whatever is asked.
  void before(std::size_t i) const;

  static constexpr std::size_t kSteps = 5;
  // Events whose entities and edge lists are read together, a block ahead of the loop.
  static constexpr std::size_t kBlock = 128;

 private:
  // The links of `event` `step` steps before it is read: the entity at kSteps, ... its quotes at 1.
  void ask(EntityIndex event, std::size_t step) const;
  // Reads the entities and edge lists of events[begin, end).
  void warm(std::size_t begin, std::size_t end) const;

  const Database* db_;
  std::vector<EntityIndex> events_;
  std::optional<RelationTypeId> participant_in_;
  std::optional<RelationTypeId> held_in_;
  mutable volatile unsigned sink_ = 0;  // what warm() read, kept so its loads stay
};

}  // namespace parley
