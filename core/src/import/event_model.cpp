#include "import/event_model.h"

#include <algorithm>

#include "import/json_stream.h"

namespace parley::import {
namespace {

// A 64-bit mix (splitmix64's finaliser), for combining the parts of a gathering's key.
std::uint64_t mix(std::uint64_t h, std::uint64_t value) {
  std::uint64_t z = h ^ (value + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2));
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

void append_joined(std::string& out, std::initializer_list<std::string_view> parts) {
  out.clear();
  for (const auto part : parts) {
    out.append(part);
    out.push_back('\t');  // no field holds a tab: the lines were split on them
  }
}

}  // namespace

EventModel::EventModel(EventFormat format, const ImportOptions& options) : format_(format), options_(options) {}

bool EventModel::wanted(std::string_view code, CodeClass code_class) const {
  if (code_class != CodeClass::kOther || options_.all_codes) return true;
  return std::any_of(options_.extra_codes.begin(), options_.extra_codes.end(),
                     [&](const std::string& prefix) { return code.substr(0, prefix.size()) == prefix; });
}

std::uint32_t EventModel::entity(const std::string& key, ModelEntity entity, bool& created) {
  created = false;
  if (const auto known = entity_by_key_.find(key)) return *known;
  const auto index = static_cast<std::uint32_t>(entities_.size());
  entity_by_key_.insert(key, index);
  entities_.push_back(std::move(entity));
  created = true;
  return index;
}

std::uint32_t EventModel::state(const StateRef& state, std::uint32_t row) {
  if (state.empty()) return kNone;
  ModelEntity e;
  e.kind = "state";
  e.name = state.name;
  e.first_row = row;
  bool created = false;
  const std::uint32_t index = entity("state\t" + state.key, std::move(e), created);
  if (created) ++states_;
  return index;
}

std::uint32_t EventModel::actor(const ActorIdentity& identity, std::uint32_t row) {
  if (identity.kind == ActorKind::kState) return state(identity.state, row);
  if (const auto known = entity_by_key_.find(identity.key)) return *known;
  const std::uint32_t container = state(identity.state, row);  // first, so a state precedes its people
  ModelEntity e;
  e.kind = std::string(kind_name(identity.kind));
  e.name = identity.name;
  e.container = container;
  e.first_row = row;
  bool created = false;
  const std::uint32_t index = entity(identity.key, std::move(e), created);
  ++actors_;
  return index;
}

std::uint32_t EventModel::spelling(const ActorFields& fields) {
  append_joined(scratch_, {fields.name, fields.sectors, fields.country, fields.code, fields.type, fields.known_group});
  if (const auto known = spelling_by_fields_.find(scratch_)) return *known;
  ActorSpelling s;
  s.identity = format_ == EventFormat::kIcews ? icews_actor(fields) : gdelt_actor(fields);
  s.key = s.identity.kind == ActorKind::kState ? "state\t" + s.identity.state.key : s.identity.key;
  const auto index = static_cast<std::uint32_t>(spellings_.size());
  spellings_.push_back(std::move(s));
  spelling_by_fields_.insert(scratch_, index);
  return index;
}

std::uint32_t EventModel::venue(const PlaceFields& place, std::uint32_t row) {
  append_joined(scratch_, {place.city, place.province, place.country});
  if (const auto known = venue_by_fields_.find(scratch_)) return *known;
  const std::uint32_t at = new_venue(place, row);  // uses no scratch_: the key is still there
  venue_by_fields_.insert(scratch_, at);
  return at;
}

std::uint32_t EventModel::new_venue(const PlaceFields& place, std::uint32_t row) {
  const StateRef country = state_from_name(place.country);
  std::uint32_t at = state(country, row);
  std::string key = "place\t" + country.key;
  const auto add_place = [&](std::string_view name, const char* type) {
    key += "\t" + std::string(name);
    ModelEntity e;
    e.kind = "place";
    // "Kiev, Ukraine": event data name places without care for namesakes (a Springfield in
    // every state), and a bare "Kiev" would clash with a curated alias of Ukraine.
    e.name = country.empty() ? std::string(name) : std::string(name) + ", " + country.name;
    e.place_type = type;
    e.container = at;
    e.first_row = row;
    bool created = false;
    at = entity(key, std::move(e), created);
    if (created) ++places_;
  };
  // A province named as its city (Tokyo in Tokyo) would be a second place of the same name.
  if (!place.province.empty() && place.province != place.city) add_place(place.province, "region");
  if (!place.city.empty()) add_place(place.city, "city");
  return at;
}

std::string_view EventModel::add(const EventRow& row) {
  const CodeClass code_class = classify_code(row.code);
  if (!wanted(row.code, code_class)) return "code not asked for (see --codes)";
  if (row.source.empty() || row.target.empty()) return "one actor only";
  const std::uint32_t source = spelling(row.source);
  const std::uint32_t target = spelling(row.target);
  if (source == target || spellings_[source].key == spellings_[target].key) return "the same actor on both sides";

  const auto row_index = static_cast<std::uint32_t>(rows_.size());
  KeptRow kept{row.event_id, row.story_id, row.sentence, row.publisher, row.code, row.event_text, row.url, false};
  kept.plain = true;
  for (const std::string_view field : {row.event_id, row.story_id, row.sentence, row.publisher, row.code, row.event_text, row.url}) {
    kept.plain = kept.plain && JsonStream::plain(field);
  }
  rows_.push_back(kept);
  // An actor's entity is made by the first kept row that names it, source before target.
  for (const std::uint32_t s : {source, target}) {
    if (spellings_[s].entity == kNone) spellings_[s].entity = actor(spellings_[s].identity, row_index);
  }
  const std::uint32_t a = spellings_[source].entity;
  const std::uint32_t b = spellings_[target].entity;
  const std::uint32_t where = venue(row.place, row_index);
  std::string_view latitude, longitude;
  if (where != kNone && !row.place.latitude.empty()) {
    ModelEntity& e = entities_[where];
    if (e.kind != "place") {
      latitude = row.place.latitude;  // only the state is known: the gathering keeps them
      longitude = row.place.longitude;
    } else if (e.coordinates_row == kNone) {
      e.latitude = row.place.latitude;
      e.longitude = row.place.longitude;
      e.coordinates_row = row_index;
    }
  }

  // Visits, meetings and negotiations of one pair, day and place are one gathering whatever
  // their code said; every other class, and every other code, stays apart.
  const bool held_in_person = code_class == CodeClass::kVisit || code_class == CodeClass::kMeeting ||
                              code_class == CodeClass::kNegotiationRound;
  const std::uint64_t class_key = held_in_person ? 0 : 1 + static_cast<std::uint64_t>(code_class);
  const std::uint32_t first = std::min(a, b), second = std::max(a, b);
  std::uint64_t hash = mix(mix(mix(first, second), static_cast<std::uint32_t>(row.day)), where);
  hash = mix(hash, class_key);
  if (code_class == CodeClass::kOther) hash = mix(hash, std::hash<std::string_view>{}(row.code));
  const auto same = [&](std::uint32_t number) {
    const Gathering& g = gatherings_[number];
    return g.first == first && g.second == second && g.day == row.day && g.venue == where && g.class_key == class_key &&
           (code_class != CodeClass::kOther || g.code == row.code);
  };
  const auto fresh = static_cast<std::uint32_t>(gatherings_.size());
  const std::uint32_t number = gathering_index_.find_or_insert(static_cast<std::uint32_t>(hash), same, fresh);
  if (number == fresh) {
    Gathering g;
    g.code_class = held_in_person ? CodeClass::kVisit : code_class;
    g.code = row.code;
    g.first = first;
    g.second = second;
    g.day = row.day;
    g.venue = where;
    g.class_key = class_key;
    g.latitude = latitude;
    g.longitude = longitude;
    gatherings_.push_back(std::move(g));
  }
  Gathering& g = gatherings_[number];
  g.rows.push_back(row_index);
  if (code_class == CodeClass::kNegotiationRound) g.has_negotiation = true;
  if (code_class == CodeClass::kMeeting) g.has_meeting = true;
  if (code_class == CodeClass::kIntent) g.intent_sides |= a == first ? 1u : 2u;
  return "";
}

std::string_view EventModel::kind_of(const Gathering& g) {
  switch (g.code_class) {
    case CodeClass::kVisit:
    case CodeClass::kMeeting:
    case CodeClass::kNegotiationRound:
      return g.has_negotiation ? "negotiation_round" : g.has_meeting ? "meeting" : "visit";
    case CodeClass::kCall: return "call";
    case CodeClass::kConsultation: return "consultation";
    case CodeClass::kIntent: return "meeting";
    case CodeClass::kOther: return "event";
  }
  return "event";
}

std::string_view EventModel::status_of(const Gathering& g) {
  if (g.code_class == CodeClass::kOther) return "";
  if (g.code_class == CodeClass::kIntent) return g.intent_sides == 3 ? "planned" : "proposed";
  return "held";
}

}  // namespace parley::import
