#include "parley/query/differing_values.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <string_view>

#include "parley/common/date.h"

namespace parley {
namespace {

// The earliest day a source's publication date allows; undated sources come first.
std::int32_t published_day(const Dataset& data, SourceIndex source) {
  const auto date = FuzzyDate::parse(data.sources[source].published);
  return date ? date->first_day() : INT32_MIN;
}

// A status that looks ahead (the event or agreement may yet happen) rather than back.
bool is_prospect(std::string_view status) {
  constexpr std::array<std::string_view, 4> kProspects = {"possible", "proposed", "planned", "sought"};
  return std::find(kProspects.begin(), kProspects.end(), status) != kProspects.end();
}

struct Grouped {
  StatedValue stated;
  std::int32_t earliest = INT32_MAX;  // the earliest publication among its sources
  std::int32_t latest = INT32_MIN;    // the latest
};

std::vector<Grouped> group(const Dataset& data, const std::vector<const Attribute*>& values) {
  std::vector<Grouped> out;
  for (const Attribute* attribute : values) {
    auto at = std::find_if(out.begin(), out.end(), [&](const Grouped& g) { return g.stated.value == attribute->value; });
    if (at == out.end()) {
      out.push_back(Grouped{StatedValue{attribute->value, {}}});
      at = out.end() - 1;
    }
    for (const Citation& citation : attribute->citations) {
      auto& sources = at->stated.sources;
      if (std::find(sources.begin(), sources.end(), citation.source) != sources.end()) continue;
      sources.push_back(citation.source);
      const std::int32_t day = published_day(data, citation.source);
      at->earliest = std::min(at->earliest, day);
      at->latest = std::max(at->latest, day);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Grouped& a, const Grouped& b) { return a.earliest < b.earliest; });
  return out;
}

bool statuses_differ(const std::vector<Grouped>& values) {
  std::size_t prospects = 0, outcomes = 0;
  std::int32_t first_outcome = INT32_MAX, last_prospect = INT32_MIN;
  for (const Grouped& g : values) {
    if (is_prospect(g.stated.value)) {
      ++prospects;
      last_prospect = std::max(last_prospect, g.latest);
    } else {
      ++outcomes;
      first_outcome = std::min(first_outcome, g.earliest);
    }
  }
  // An undated prospect beside an outcome cannot be placed before it: it differs.
  return prospects > 1 || outcomes > 1 ||
         (prospects == 1 && outcomes == 1 && (last_prospect >= first_outcome || last_prospect == INT32_MIN));
}

bool dates_differ(const std::vector<Grouped>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto a = FuzzyDate::parse(values[i].stated.value);
    for (std::size_t j = i + 1; a && j < values.size(); ++j) {
      const auto b = FuzzyDate::parse(values[j].stated.value);
      if (b && (a->last_day() < b->first_day() || b->last_day() < a->first_day())) return true;
    }
  }
  return false;
}

// Only statuses and dates are compared: other attributes may hold several values that all stand.
bool can_differ(std::string_view name) { return name == "status" || name == "date" || name == "end_date"; }

}  // namespace

std::optional<DifferingValues> differing_values(const Dataset& data, const std::vector<const Attribute*>& values) {
  if (values.size() < 2) return std::nullopt;
  const std::string& name = values.front()->name;
  if (!can_differ(name)) return std::nullopt;
  const bool is_status = name == "status";
  const std::vector<Grouped> grouped = group(data, values);
  if (grouped.size() < 2) return std::nullopt;
  if (is_status ? !statuses_differ(grouped) : !dates_differ(grouped)) return std::nullopt;
  DifferingValues out{name, {}};
  for (const Grouped& g : grouped) out.values.push_back(g.stated);
  return out;
}

std::vector<DifferingValues> differing_attributes(const Dataset& data, const Entity& entity) {
  std::vector<DifferingValues> out;
  const auto& attributes = entity.attributes;
  const auto named = [](const Attribute& attribute) {
    return [&attribute](const Attribute& other) { return other.name == attribute.name; };
  };
  for (auto at = attributes.begin(); at != attributes.end(); ++at) {
    // Each name once, at its first statement, and only a status or a date stated again: most
    // entities state each once, and a hub's who-met asks this of thousands of meetings, so
    // nothing is gathered for them.
    if (!can_differ(at->name) || std::any_of(attributes.begin(), at, named(*at)) ||
        std::none_of(at + 1, attributes.end(), named(*at))) {
      continue;
    }
    std::vector<const Attribute*> values;
    for (auto other = at; other != attributes.end(); ++other) {
      if (other->name == at->name) values.push_back(&*other);
    }
    if (auto differing = differing_values(data, values)) out.push_back(std::move(*differing));
  }
  return out;
}

}  // namespace parley
