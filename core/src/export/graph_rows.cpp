#include "parley/export/graph_rows.h"

#include <algorithm>

#include "parley/query/event_facts.h"

namespace parley {
namespace {

// Adds the sources of `citations` not yet listed, in the order first cited.
void add_sources(const CitationList& citations, std::vector<SourceIndex>& cited, bool& quoted, bool& coded) {
  for (const Citation& citation : citations) {
    if (std::find(cited.begin(), cited.end(), citation.source) == cited.end()) cited.push_back(citation.source);
    (citation.is_coded() ? coded : quoted) = true;
  }
}

std::string_view evidence_name(bool quoted, bool coded) {
  if (quoted && coded) return "quote, coded record";
  if (coded) return "coded record";
  if (quoted) return "quote";
  return "";
}

std::vector<std::string_view> source_ids(const Dataset& data, const std::vector<SourceIndex>& cited) {
  std::vector<std::string_view> ids;
  ids.reserve(cited.size());
  for (const SourceIndex s : cited) ids.push_back(data.sources[s].id);
  return ids;
}

bool has_dated_attribute(const Entity& entity) {
  return std::any_of(entity.attributes.begin(), entity.attributes.end(), [](const Attribute& a) {
    return a.name == "date" || a.name == "end_date" || a.name == "status";
  });
}

std::string_view first_value(const Entity& entity, std::string_view name) {
  for (const Attribute& attribute : entity.attributes) {
    if (attribute.name == name) return attribute.value;
  }
  return {};
}

std::string_view meeting_role_name(MeetingRole role) {
  switch (role) {
    case MeetingRole::kCounted: return "counted";
    case MeetingRole::kListed: return "listed";
    case MeetingRole::kWhenAsked: return "when_asked";
    case MeetingRole::kNone: break;
  }
  return "";
}

}  // namespace

std::string joined(const std::vector<std::string_view>& items, char separator) {
  std::string out;
  for (const std::string_view item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

GraphRows::GraphRows(const Database& db) : db_(db) {
  const RelationSchema& schema = db.schema();
  for (PropertyId p = 0; p < schema.property_count(); ++p) property_names_.push_back(schema.property(p).name);
  participant_in_ = schema.core_names().participant_in;
  role_ = schema.core_names().role;
  status_ = schema.core_names().status;
}

NodeRow GraphRows::node(EntityIndex index) const {
  const Dataset& data = db_.dataset();
  const RelationSchema& schema = db_.schema();
  const Entity& entity = data.entities[index];
  NodeRow row;
  row.index = index;
  row.id = entity.id;
  row.name = entity.name;
  row.kind = schema.kind(entity.kind).name;
  for (std::optional<KindId> k = entity.kind; k; k = schema.kind(*k).parent) row.kinds.push_back(schema.kind(*k).name);
  row.meeting_role = meeting_role_name(schema.meeting_role(entity.kind));
  for (const Alias& alias : entity.aliases) row.aliases.push_back(alias.name);
  if (has_dated_attribute(entity)) {
    const EventFacts facts = read_event(db_, index);
    if (facts.date) {
      const DateSpan span = *facts.span();
      row.date = facts.date->to_string();
      row.first_day = iso_date(span.first);
      row.last_day = iso_date(span.last);
      row.precision = precision_name(facts.date->precision());
    }
    row.status = facts.status;
  }
  row.latitude = first_value(entity, "latitude");
  row.longitude = first_value(entity, "longitude");

  std::vector<SourceIndex> cited;
  bool quoted = false, coded = false;
  add_sources(entity.citations, cited, quoted, coded);
  row.citations += entity.citations.size();
  for (const Alias& alias : entity.aliases) {
    add_sources(alias.citations, cited, quoted, coded);
    row.citations += alias.citations.size();
  }
  for (const Attribute& attribute : entity.attributes) {
    add_sources(attribute.citations, cited, quoted, coded);
    row.citations += attribute.citations.size();
  }
  row.sources = source_ids(data, cited);
  row.evidence = evidence_name(quoted, coded);
  return row;
}

EdgeRow GraphRows::edge(RelationIndex index) const {
  const Dataset& data = db_.dataset();
  const RelationSchema& schema = db_.schema();
  const Relation& relation = data.relations[index];
  EdgeRow row;
  row.index = index;
  row.from = relation.from;
  row.to = relation.to;
  row.from_id = data.entities[relation.from].id;
  row.to_id = data.entities[relation.to].id;
  row.type = schema.relation_type(relation.type).name;
  const std::string_view role = role_ ? relation.property(*role_) : std::string_view();
  row.reading = schema.reading(relation.type, true, role);
  row.backward_reading = schema.reading(relation.type, false, role);
  row.properties.resize(property_names_.size());
  for (const PropertyValue& value : relation.properties) row.properties[value.property] = value.value;
  if (participant_in_ && relation.type == *participant_in_) {
    // Who-met's own rule, from this participation's status and the event's: reading the whole
    // event instead read every other participant of a gathering again for each one.
    row.counts = participation_counts(status_ ? relation.property(*status_) : std::string_view(),
                                      stated_status(data, data.entities[relation.to]));
  }
  std::vector<SourceIndex> cited;
  bool quoted = false, coded = false;
  add_sources(relation.citations, cited, quoted, coded);
  row.citations = relation.citations.size();
  row.sources = source_ids(data, cited);
  row.evidence = evidence_name(quoted, coded);
  return row;
}

}  // namespace parley
