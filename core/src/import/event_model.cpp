#include "import/event_model.h"

#include <algorithm>

namespace parley::import {

EventModel::EventModel(EventFormat format, const ImportOptions& options) : format_(format), options_(options) {}

bool EventModel::wanted(std::string_view code, CodeClass code_class) const {
  if (code_class != CodeClass::kOther || options_.all_codes) return true;
  return std::any_of(options_.extra_codes.begin(), options_.extra_codes.end(),
                     [&](const std::string& prefix) { return code.substr(0, prefix.size()) == prefix; });
}

std::uint32_t EventModel::entity(const std::string& key, ModelEntity entity, bool& created) {
  const auto [it, inserted] = entity_by_key_.try_emplace(key, static_cast<std::uint32_t>(entities_.size()));
  created = inserted;
  if (inserted) entities_.push_back(std::move(entity));
  return it->second;
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
  const auto existing = entity_by_key_.find(identity.key);
  if (existing != entity_by_key_.end()) return existing->second;
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

std::uint32_t EventModel::venue(const PlaceFields& place, std::uint32_t row, std::string& latitude,
                                std::string& longitude) {
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
  if (at == kNone || place.latitude.empty()) return at;
  if (entities_[at].kind == "place") {
    ModelEntity& e = entities_[at];
    if (e.coordinates_row == kNone) {
      e.latitude = std::string(place.latitude);
      e.longitude = std::string(place.longitude);
      e.coordinates_row = row;
    }
  } else {
    latitude = std::string(place.latitude);  // only the state is known: the gathering keeps them
    longitude = std::string(place.longitude);
  }
  return at;
}

std::string EventModel::add(const EventRow& row) {
  const CodeClass code_class = classify_code(row.code);
  if (!wanted(row.code, code_class)) return "code not asked for (see --codes)";
  if (row.source.empty() || row.target.empty()) return "one actor only";
  const ActorIdentity source = format_ == EventFormat::kIcews ? icews_actor(row.source) : gdelt_actor(row.source);
  const ActorIdentity target = format_ == EventFormat::kIcews ? icews_actor(row.target) : gdelt_actor(row.target);
  const std::string source_key = source.kind == ActorKind::kState ? "state\t" + source.state.key : source.key;
  const std::string target_key = target.kind == ActorKind::kState ? "state\t" + target.state.key : target.key;
  if (source_key == target_key) return "the same actor on both sides";

  const auto row_index = static_cast<std::uint32_t>(rows_.size());
  rows_.push_back(KeptRow{std::string(row.event_id), std::string(row.story_id), std::string(row.sentence),
                          std::string(row.publisher), std::string(row.code), std::string(row.event_text),
                          std::string(row.url)});
  const std::uint32_t a = actor(source, row_index);
  const std::uint32_t b = actor(target, row_index);
  std::string latitude, longitude;
  const std::uint32_t where = venue(row.place, row_index, latitude, longitude);

  // Visits, meetings and negotiations of one pair, day and place are one gathering whatever
  // their code said; every other class, and every other code, stays apart.
  const bool held_in_person = code_class == CodeClass::kVisit || code_class == CodeClass::kMeeting ||
                              code_class == CodeClass::kNegotiationRound;
  const std::string class_key = held_in_person                      ? std::string("held")
                                : code_class == CodeClass::kOther ? "code " + std::string(row.code)
                                                                  : std::to_string(static_cast<int>(code_class));
  const std::uint32_t first = std::min(a, b), second = std::max(a, b);
  const std::string key = std::to_string(first) + "\t" + std::to_string(second) + "\t" + std::to_string(row.day) + "\t" +
                          std::to_string(where) + "\t" + class_key;
  const auto [it, inserted] = gathering_by_key_.try_emplace(key, static_cast<std::uint32_t>(gatherings_.size()));
  if (inserted) {
    Gathering g;
    g.code_class = held_in_person ? CodeClass::kVisit : code_class;
    g.code = std::string(row.code);
    g.first = first;
    g.second = second;
    g.day = row.day;
    g.venue = where;
    g.latitude = latitude;
    g.longitude = longitude;
    gatherings_.push_back(std::move(g));
  }
  Gathering& g = gatherings_[it->second];
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
