// Proposing which entities of different files may be one, with the reasons, for a person to
// accept (same_as) or reject (distinct_from) in an identity list. Nothing is merged here.
#pragma once

#include <string>
#include <vector>

#include "parley/graph/database.h"

namespace parley {

struct MatchReason {
  std::string rule;  // same-name, name-within, alias, name-in-name, name-words, country, office
  std::string text;  // what was found, in words
  int weight = 0;
};

struct MatchCandidate {
  EntityIndex entity = 0;     // from the later file
  EntityIndex candidate = 0;  // from an earlier file, of the same kind
  int score = 0;              // the sum of the reasons' weights
  bool strong = false;        // the names look alike: loading both warns (lookalike)
  std::vector<MatchReason> reasons;
};

// Words shared by more entities than this (such as "ministry") say nothing about identity
// and are not followed.
inline constexpr std::size_t kMaxEntitiesPerMatchWord = 64;

// Pairs of entities of the same kind from different files that share a word of a name or
// alias (of three letters or more) or a word's first five letters, with every reason found,
// highest score first. A pair is proposed when a name or alias matches (equal names, names
// that look alike, an alias that is the other's name or a word of it, a one-word name that is
// a word of the other's or starts one), when two or more words are shared, or when one word is
// shared and so is a state or an office. Pairs declared distinct are left out.
std::vector<MatchCandidate> propose_matches(const Database& db);

}  // namespace parley
