#include "parley/query/match.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "parley/graph/lookalikes.h"

namespace parley {
namespace {

std::vector<std::string> words_of(const std::string& key) {
  std::vector<std::string> words;
  for (std::size_t start = 0; start < key.size();) {
    const std::size_t end = std::min(key.find(' ', start), key.size());
    if (end > start) words.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// The letters of a word's start that count as its stem when pairing ("russi": Russia, Russian).
constexpr std::size_t kStemLetters = 5;

std::uint64_t pair_key(EntityIndex a, EntityIndex b) { return (std::uint64_t{a} << 32) | b; }

// What one entity offers for comparison: its names normalised, their words, the states it is
// linked to and the offices it holds.
struct Profile {
  std::vector<std::string> names;  // the name first, then the aliases
  std::set<std::string> words;
  std::set<EntityIndex> states;
  std::set<std::string> offices;
};

std::string quoted_list(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

}  // namespace

std::vector<MatchCandidate> propose_matches(const Database& db) {
  const Dataset& dataset = db.dataset();
  const RelationSchema& schema = db.schema();
  std::vector<MatchCandidate> out;
  if (dataset.files.size() < 2) return out;

  std::vector<Profile> profiles(dataset.entities.size());
  // Word -> entities, as (hash, entity) pairs sorted: runs are the entities sharing a word.
  std::vector<std::pair<std::size_t, EntityIndex>> by_word;
  for (EntityIndex e = 0; e < dataset.entities.size(); ++e) {
    Profile& p = profiles[e];
    p.names.push_back(db.names().folded_name(e));
    for (const auto& alias : dataset.entities[e].aliases) p.names.push_back(normalize_name(alias.name));
    for (const auto& name : p.names) {
      for (auto& word : words_of(name)) {
        if (word.size() >= 3) p.words.insert(std::move(word));
      }
    }
    for (const auto& word : p.words) {
      by_word.emplace_back(std::hash<std::string>{}(word), e);
      // A word's first letters too, so that "Russia" meets "Russian Federation".
      if (word.size() >= kStemLetters) by_word.emplace_back(std::hash<std::string>{}("~" + word.substr(0, kStemLetters)), e);
    }
  }
  std::sort(by_word.begin(), by_word.end());

  std::unordered_set<std::uint64_t> distinct;
  for (const auto& d : dataset.identities) {
    if (d.claim != IdentityClaim::kDistinctFrom) continue;
    const auto a = dataset.find_entity(d.entity);
    const auto b = dataset.find_entity(d.other);
    if (a && b) {
      distinct.insert(pair_key(*a, *b));
      distinct.insert(pair_key(*b, *a));
    }
  }

  // Pairs (later file first) that share at least one word.
  std::map<std::uint64_t, bool> pairs;
  for (std::size_t begin = 0; begin < by_word.size();) {
    std::size_t end = begin + 1;
    while (end < by_word.size() && by_word[end].first == by_word[begin].first) ++end;
    if (end - begin <= kMaxEntitiesPerMatchWord) {
      for (std::size_t i = begin; i < end; ++i) {
        for (std::size_t j = begin; j < end; ++j) {
          const Entity& a = dataset.entities[by_word[i].second];
          const Entity& b = dataset.entities[by_word[j].second];
          if (a.origin.file > b.origin.file && a.kind == b.kind &&
              !distinct.count(pair_key(by_word[i].second, by_word[j].second))) {
            pairs.emplace(pair_key(by_word[i].second, by_word[j].second), true);
          }
        }
      }
    }
    begin = end;
  }
  if (pairs.empty()) return out;

  // States and offices, for the entities in a pair only.
  std::unordered_set<EntityIndex> wanted;
  for (const auto& [key, _] : pairs) {
    wanted.insert(static_cast<EntityIndex>(key >> 32));
    wanted.insert(static_cast<EntityIndex>(key & 0xFFFFFFFFu));
  }
  const auto state = schema.core_names().state;
  const auto holds_office = schema.find_relation_type("holds_office");
  const auto role = schema.core_names().role;
  for (const Relation& r : dataset.relations) {
    for (const auto& [self, other] : {std::pair{r.from, r.to}, std::pair{r.to, r.from}}) {
      if (!wanted.count(self)) continue;
      if (state && dataset.entities[other].kind == *state) profiles[self].states.insert(other);
    }
    if (holds_office && role && r.type == *holds_office && wanted.count(r.from)) {
      if (const auto office = r.property(*role); !office.empty()) profiles[r.from].offices.insert(normalize_name(office));
    }
  }

  for (const auto& [key, _] : pairs) {
    const auto e = static_cast<EntityIndex>(key >> 32);
    const auto c = static_cast<EntityIndex>(key & 0xFFFFFFFFu);
    const Profile& a = profiles[e];
    const Profile& b = profiles[c];
    const Entity& ea = dataset.entities[e];
    const Entity& eb = dataset.entities[c];
    MatchCandidate m;
    m.entity = e;
    m.candidate = c;
    bool name_reason = false;
    if (a.names.front() == b.names.front()) {
      m.reasons.push_back({"same-name", "the same name \"" + ea.name + "\"", 4});
      name_reason = m.strong = true;
    } else {
      for (std::size_t i = 0; i < a.names.size() && !m.strong; ++i) {
        for (std::size_t j = 0; j < b.names.size() && !m.strong; ++j) {
          if (!names_look_alike(a.names[i], b.names[j])) continue;
          const std::string& x = i == 0 ? ea.name : ea.aliases[i - 1].name;
          const std::string& y = j == 0 ? eb.name : eb.aliases[j - 1].name;
          m.reasons.push_back({"name-within", "\"" + x + "\" and \"" + y + "\" begin and end alike, the shorter within the longer", 3});
          name_reason = m.strong = true;
        }
      }
    }
    // An alias of one that is the other's name, an alias of it, or a word of its name.
    const auto alias_reason = [&](const Entity& owner, const Profile& own, const Entity& named, const Profile& other) {
      for (std::size_t i = 1; i < own.names.size(); ++i) {
        const std::string& alias = own.names[i];
        const bool whole = std::find(other.names.begin(), other.names.end(), alias) != other.names.end();
        if (!whole && !(alias.find(' ') == std::string::npos && other.words.count(alias))) continue;
        m.reasons.push_back({"alias", "alias \"" + owner.aliases[i - 1].name + "\" of " + owner.id + " is " +
                                          (whole ? "a name" : "a word of the name") + " of " + named.id, 2});
        return true;
      }
      return false;
    };
    name_reason = alias_reason(ea, a, eb, b) || name_reason;
    name_reason = alias_reason(eb, b, ea, a) || name_reason;
    // A one-word name that is a word of the other's name, or the start of one ("Trump",
    // "Donald Trump"; "Russia", "Russian Federation").
    const auto whole_name_reason = [&](const Entity& owner, const Profile& own, const Entity& named, const Profile& other) {
      const std::string& word = own.names.front();
      if (m.strong || word.find(' ') != std::string::npos || word.size() < 4) return false;
      const auto words = words_of(other.names.front());
      if (words.size() < 2) return false;
      const bool exact = std::find(words.begin(), words.end(), word) != words.end();
      const bool start = std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w.starts_with(word); });
      if (!exact && !start) return false;
      m.reasons.push_back({"name-in-name", "the name \"" + owner.name + "\" is " + (exact ? "a word" : "the start of a word") +
                                               " of \"" + named.name + "\"", 2});
      return true;
    };
    name_reason = whole_name_reason(ea, a, eb, b) || name_reason;
    name_reason = whole_name_reason(eb, b, ea, a) || name_reason;
    std::vector<std::string> shared;
    std::set_intersection(a.words.begin(), a.words.end(), b.words.begin(), b.words.end(), std::back_inserter(shared));
    if (!shared.empty()) {
      m.reasons.push_back({"name-words", "shared name words: " + quoted_list(shared), static_cast<int>(shared.size())});
    }
    bool context = false;
    for (const EntityIndex s : a.states) {
      const auto same = std::find_if(b.states.begin(), b.states.end(), [&](EntityIndex t) {
        return t == s || db.names().folded_name(t) == db.names().folded_name(s);
      });
      if (same == b.states.end()) continue;
      m.reasons.push_back({"country", "both linked to the state " + dataset.entities[s].name, 2});
      context = true;
      break;
    }
    std::vector<std::string> offices;
    std::set_intersection(a.offices.begin(), a.offices.end(), b.offices.begin(), b.offices.end(), std::back_inserter(offices));
    if (!offices.empty()) {
      m.reasons.push_back({"office", "both hold the office of " + quoted_list(offices), 2});
      context = true;
    }
    if (!name_reason && shared.size() < 2 && !(shared.size() == 1 && context)) continue;
    for (const auto& r : m.reasons) m.score += r.weight;
    out.push_back(std::move(m));
  }
  const auto& ranks = db.names().name_ranks(dataset);
  std::sort(out.begin(), out.end(), [&](const MatchCandidate& x, const MatchCandidate& y) {
    return std::tuple(-x.score, ranks[x.entity], ranks[x.candidate]) < std::tuple(-y.score, ranks[y.entity], ranks[y.candidate]);
  });
  return out;
}

}  // namespace parley
