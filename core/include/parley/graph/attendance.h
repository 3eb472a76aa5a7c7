// Who attended which gathering, for searches where attending one gathering together is one hop
// (`path --met`). Two people are one hop apart when both took part (not only as expected
// participants) in a gathering whose status is held: the same rule as who-met's default.
//
// A graph with an edge between every two participants would cost the square of a gathering's
// size: 400 million edges for one 20,000-person summit. These lists cost what the
// participations do, and a search passes through each gathering once (query/path.cpp).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "parley/load/dataset.h"

namespace parley {

class RelationSchema;

class Attendance {
 public:
  // One person's participation in one gathering that counts.
  struct Attended {
    EntityIndex gathering = 0;
    RelationIndex participation = 0;
  };

  // `counts(gathering)` says whether attending that gathering counts as having met (a cancelled
  // or merely planned meeting does not).
  static Attendance build(const Dataset& dataset, const RelationSchema& schema,
                          const std::function<bool(EntityIndex)>& counts);

  // What `who` attended, by gathering, then by participation (the order of the relations).
  std::span<const Attended> attended(EntityIndex who) const {
    return {by_person_.data() + person_start_[who], by_person_.data() + person_start_[who + 1]};
  }
  // A gathering's participations that count, in the order of the relations.
  std::span<const RelationIndex> participations(EntityIndex gathering) const {
    return {by_gathering_.data() + gathering_start_[gathering], by_gathering_.data() + gathering_start_[gathering + 1]};
  }

 private:
  // Compressed rows, one per entity: an entity's entries lie between its start and the next's.
  std::vector<std::uint32_t> person_start_;
  std::vector<Attended> by_person_;
  std::vector<std::uint32_t> gathering_start_;
  std::vector<RelationIndex> by_gathering_;
};

}  // namespace parley
