// Values of one attribute that the sources state differently, grouped so that an answer can
// say "sources differ" instead of printing one of them as if it were settled.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parley/load/dataset.h"

namespace parley {

// One value as the sources state it, with every source that states it (each once).
struct StatedValue {
  std::string value;
  std::vector<SourceIndex> sources;
};

// The values of one attribute of one entity, when they differ between sources: in the order
// their earliest source was published (undated sources first), each with its sources.
struct DifferingValues {
  std::string attribute;
  std::vector<StatedValue> values;
};

// Whether the stated values of one attribute (`values`, all of one name and one entity) differ
// between sources, and how. Only attributes that hold one value at a time are compared:
// - `status`: two prospects (possible, proposed, planned, sought) that differ, two outcomes
//   (held, cancelled, abandoned, concluded, reached) that differ, or a prospect stated no
//   earlier than an outcome. A prospect followed by an outcome in later sources (planned in
//   December, held in January) is what happened next, not a disagreement.
// - `date` and `end_date`: two dates with no day in common ("2019-01" and "2019-01-14" agree).
// Other attributes (descriptions, terms, counts of different things) may rightly hold several
// values, and are never reported. nullopt when the values agree.
std::optional<DifferingValues> differing_values(const Dataset& data, const std::vector<const Attribute*>& values);

// Every attribute of `entity` whose values differ between sources, in the order the entity
// first gives each.
std::vector<DifferingValues> differing_attributes(const Dataset& data, const Entity& entity);

}  // namespace parley
