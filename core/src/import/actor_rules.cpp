#include "import/actor_rules.h"

#include <array>

#include "import/country_table.h"

namespace parley::import {
namespace {

bool contains_word(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || text[at - 1] == ' ' || text[at - 1] == '(' || text[at - 1] == '/';
    const std::size_t end = at + word.size();
    const bool ends = end == text.size() || text[end] == ' ' || text[end] == ')' || text[end] == ',' || text[end] == '/' ||
                      text[end] == 's';
    if (starts && ends) return true;
  }
  return false;
}

template <std::size_t N>
bool any_word(std::string_view text, const std::array<std::string_view, N>& words) {
  for (const auto word : words) {
    if (contains_word(text, word)) return true;
  }
  return false;
}

// Words that make a name a body rather than a person: "Reserve Bank of India", "Hamas".
constexpr std::array<std::string_view, 52> kBodyWords = {
    "Agency", "Alliance", "Army", "Assembly", "Association", "Authority", "Bank", "Board", "Bureau", "Cabinet",
    "Chamber", "Church", "Coalition", "Command", "Commission", "Committee", "Company", "Congress", "Corporation",
    "Council", "Court", "Department", "Federation", "Forces", "Front", "Fund", "Government", "Group", "Guard",
    "Institute", "League", "Media", "Ministry", "Movement", "Nations", "Office", "Organization", "Organisation",
    "Parliament", "Party", "Police", "Red Cross", "Senate", "Service", "State", "Union", "University", "Hamas",
    "Hezbollah", "Taliban", "Houthis", "Interpol"};

// In an ICEWS "Label (Country)" actor, labels for people in a role rather than for a body:
// "Citizen (Japan)", "Party Member (India)", "Military Personnel - Special (Mali)".
constexpr std::array<std::string_view, 16> kPeopleWords = {
    "Personnel", "Member", "Official", "Owner", "Operator", "Supporter", "People", "Employee", "Lawmaker",
    "Representatives", "Person", "Worker", "Head", "Judge", "President", "Chief"};

// ICEWS sector words of bodies: a parenthesised label with one of these is an organisation.
constexpr std::array<std::string_view, 22> kBodyLabels = {
    "Police", "Government", "Ministry", "Military", "Foreign Affairs", "Cabinet", "Congress", "Senate", "Court",
    "Legislature", "Media", "Party", "Parties", "Union", "Bank", "Commission", "Department", "Administration",
    "House", "Education", "Council", "Opposition"};

std::string title_case(std::string_view upper) {
  std::string out(upper);
  bool start = true;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c - 'A' + 'a');
    start = !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '\'');
  }
  return out;
}

// People-kind GDELT type codes (CAMEO actor types): civilians, refugees, labour, rebels...
constexpr std::array<std::string_view, 14> kGroupTypes = {"CVL", "REF", "LAB", "AGR", "CRM", "MOD", "RAD", "UAF",
                                                          "REB", "INS", "SEP", "OPP", "ELI", "ETH"};

}  // namespace

std::string_view kind_name(ActorKind kind) {
  switch (kind) {
    case ActorKind::kPerson: return "person";
    case ActorKind::kOrganisation: return "organisation";
    case ActorKind::kState: return "state";
    case ActorKind::kGroup: return "group";
  }
  return "group";
}

StateRef state_from_name(std::string_view name) {
  if (name.empty() || name == "NA") return {};
  if (const auto country = country_by_name(name)) return StateRef{std::string(country->code), std::string(country->name)};
  return StateRef{std::string(name), std::string(name)};
}

StateRef state_from_code(std::string_view code) {
  if (code.empty()) return {};
  if (const auto country = country_by_code(code)) return StateRef{std::string(country->code), std::string(country->name)};
  return {};
}

ActorIdentity icews_actor(const ActorFields& actor) {
  ActorIdentity identity;
  identity.name = std::string(actor.name);
  identity.state = state_from_name(actor.country);
  const std::string country_key = identity.state.key;
  const std::string_view name = actor.name;
  // The country itself: no sectors, and its name is the country's ("Russia" for "Russian
  // Federation" too).
  if (actor.sectors.empty() && !identity.state.empty()) {
    const auto named = country_by_name(name);
    if (name == actor.country || (named && named->code == identity.state.key)) {
      identity.kind = ActorKind::kState;
      identity.name = identity.state.name;
      identity.key = "state\t" + identity.state.key;
      return identity;
    }
  }
  identity.key = std::string(name) + "\t" + country_key;
  const std::size_t paren = name.rfind(" (");
  if (paren != std::string_view::npos && name.back() == ')') {
    // ICEWS's generic actors, "Label (Country)": a body, or people in a role.
    const std::string_view label = name.substr(0, paren);
    identity.kind = any_word(label, kPeopleWords) ? ActorKind::kGroup
                    : any_word(label, kBodyLabels) || label.find("Ministry") != std::string_view::npos
                        ? ActorKind::kOrganisation
                        : ActorKind::kGroup;
    return identity;
  }
  if (actor.sectors.empty()) {
    identity.kind = ActorKind::kGroup;  // a region ("Sicily", "Southeast Asia") or someone ICEWS did not code
  } else if (any_word(name, kBodyWords) || actor.country.empty()) {
    identity.kind = ActorKind::kOrganisation;  // a named body; an international one has no country
  } else {
    identity.kind = ActorKind::kPerson;
  }
  return identity;
}

ActorIdentity gdelt_actor(const ActorFields& actor) {
  ActorIdentity identity;
  identity.state = state_from_code(actor.country);
  const std::string name = actor.name.empty() ? std::string(actor.code) : title_case(actor.name);
  // The country itself: the code is the country code and nothing more.
  if (!identity.state.empty() && actor.code == actor.country && actor.type.empty() && actor.known_group.empty()) {
    identity.kind = ActorKind::kState;
    identity.name = identity.state.name;
    identity.key = "state\t" + identity.state.key;
    return identity;
  }
  if (!actor.known_group.empty()) {
    identity.kind = ActorKind::kOrganisation;  // a known group: the UN, NATO, Hamas...
  } else if (actor.type.empty() || any_word(actor.type, kGroupTypes)) {
    identity.kind = ActorKind::kGroup;  // a region code (AFR, EUR), a religion, or civilians and the like
  } else {
    identity.kind = ActorKind::kOrganisation;  // GOV, MIL, COP, JUD, LEG, MED, BUS, EDU, HLH, IGO, NGO...
  }
  identity.name = identity.state.empty() ? name : name + " (" + identity.state.name + ")";
  identity.key = std::string(actor.code) + "\t" + std::string(actor.name) + "\t" + identity.state.key;
  return identity;
}

}  // namespace parley::import
