// The dataset as its sources knew it on a day: a second time axis beside the dates of events.
// `--from`/`--to` ask when things happened; `--known-by` asks what had been reported by then,
// so that a summit "planned" in January and "held" in a June article is planned as known on
// 15 January. docs/queries.md ("What was known when") explains both axes.
#pragma once

#include <vector>

#include "parley/common/date.h"
#include "parley/load/dataset.h"

namespace parley {

// Which sources count as published by a date.
struct KnownBySources {
  std::vector<SourceIndex> known;      // published on or before the date, for certain
  std::vector<SourceIndex> uncertain;  // published in a period that straddles the date ("2018-12" by 2018-12-15)
  std::vector<SourceIndex> undated;    // no publication date: when they were known cannot be said
};

// Sorts every source of `data` into one of the three lists, in source order. A source counts
// as known only when the last day its publication date may denote is on or before the last
// day `date` may denote; one that may have appeared after it is uncertain, and left out.
KnownBySources sources_known_by(const Dataset& data, const FuzzyDate& date);

// `data` restricted to what the known sources state: each entity, alias, attribute and relation
// keeps only the citations of known sources; an attribute, a cited alias or a relation left
// with none is dropped; an entity is kept while a citation of its own or a kept relation names
// it. Sources and coded records are kept whole, so citations keep their indices; entities are
// renumbered and the id index rebuilt.
Dataset dataset_known_by(const Dataset& data, const KnownBySources& sources);

}  // namespace parley
