#include "parley/graph/attendance.h"

#include "parley/schema/schema.h"

namespace parley {

Attendance Attendance::build(const Dataset& dataset, const RelationSchema& schema,
                             const std::function<bool(EntityIndex)>& counts) {
  const std::size_t n = dataset.entities.size();
  const auto participant_in = schema.core_names().participant_in;
  const auto status = schema.core_names().status;
  // The participations that count, in relation order; then two counting sorts into rows.
  std::vector<bool> gathering_counts(n, false);
  std::vector<bool> checked(n, false);
  std::vector<RelationIndex> kept;
  for (RelationIndex r = 0; participant_in && r < dataset.relations.size(); ++r) {
    const Relation& relation = dataset.relations[r];
    if (relation.type != *participant_in) continue;
    // Someone the sources only expected (status "planned") did not meet anyone there.
    if (status && relation.property(*status) == "planned") continue;
    const EntityIndex gathering = relation.to;
    if (!checked[gathering]) {
      checked[gathering] = true;
      gathering_counts[gathering] = schema.is_gathering(dataset.entities[gathering].kind) && counts(gathering);
    }
    if (gathering_counts[gathering]) kept.push_back(r);
  }

  Attendance attendance;
  attendance.gathering_start_.assign(n + 1, 0);
  attendance.person_start_.assign(n + 1, 0);
  for (const RelationIndex r : kept) {
    ++attendance.gathering_start_[dataset.relations[r].to + 1];
    ++attendance.person_start_[dataset.relations[r].from + 1];
  }
  for (std::size_t e = 0; e < n; ++e) {
    attendance.gathering_start_[e + 1] += attendance.gathering_start_[e];
    attendance.person_start_[e + 1] += attendance.person_start_[e];
  }
  // By gathering: relation order within each, as `kept` is.
  attendance.by_gathering_.resize(kept.size());
  std::vector<std::uint32_t> next(attendance.gathering_start_.begin(), attendance.gathering_start_.end() - 1);
  for (const RelationIndex r : kept) attendance.by_gathering_[next[dataset.relations[r].to]++] = r;
  // By person: walking the gatherings in order puts each person's row in gathering order, and
  // within one gathering in relation order.
  attendance.by_person_.resize(kept.size());
  next.assign(attendance.person_start_.begin(), attendance.person_start_.end() - 1);
  for (EntityIndex gathering = 0; gathering < n; ++gathering) {
    for (const RelationIndex r : attendance.participations(gathering)) {
      attendance.by_person_[next[dataset.relations[r].from]++] = Attended{gathering, r};
    }
  }
  return attendance;
}

}  // namespace parley
