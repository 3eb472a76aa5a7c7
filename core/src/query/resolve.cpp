#include "parley/query/resolve.h"

#include <algorithm>

#include "parley/common/suggest.h"
#include "parley/common/terminal_text.h"

namespace parley {

std::string describe_entity(const Database& db, EntityIndex entity) {
  const Entity& e = db.dataset().entities[entity];
  return e.name + " (" + db.schema().kind(e.kind).name + ", " + e.id + ")";
}

std::optional<EntityIndex> resolve_entity(const Database& db, std::string_view text, Diagnostics& diagnostics) {
  const std::vector<EntityIndex> found = db.find(text);
  if (found.size() == 1) return found.front();
  const Location where;
  if (found.empty()) {
    // Suggestions: names within a typo's distance, then names that contain what was typed as a
    // whole word ("Lavrov" in "Sergey Lavrov" is found directly; "Kono-Lavrov" is not a name).
    const std::string typed = normalize_name(text);
    std::vector<std::string> names;
    // Suggestions cost an edit distance per known name: for what is plainly not a name (a
    // pasted paragraph), skip them rather than spend seconds on a large dataset.
    constexpr std::size_t kLongestSuggestible = 100;
    const bool suggest = typed.size() <= kLongestSuggestible;
    for (const auto& key : suggest ? nearest(typed, db.names().keys(), 3) : std::vector<std::string>{}) {
      for (const EntityIndex e : db.find(key)) names.push_back(db.dataset().entities[e].name);
    }
    if (names.empty() && suggest && typed.size() >= 3) {
      for (const auto key : db.names().keys()) {
        const auto at = key.find(typed);
        const bool word_start = at != std::string_view::npos && (at == 0 || key[at - 1] == ' ');
        if (word_start && names.size() < 3) {
          for (const EntityIndex e : db.find(key)) names.push_back(db.dataset().entities[e].name);
        }
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    // By words: names sharing the most whole words with what was typed, titles dropped
    // ("Abe Shinzou" shares "abe" with Shinzo Abe), each word also read as the nearest word of
    // a name within a typo of it ("shinzou" as "shinzo"); most words shared first.
    if (names.empty() && suggest) {
      std::vector<std::string> words = db.names().words_without_titles(text);
      const std::size_t typed_words = words.size();
      std::vector<std::string_view> known_words;  // every word of every name, repeats and all
      for (const auto key : db.names().keys()) {
        for (const auto word : name_words(key)) known_words.push_back(word);
      }
      for (std::size_t w = 0; w < typed_words; ++w) {
        if (words[w].size() < 5) continue;  // two edits in a shorter word make another word
        for (auto& close : nearest(words[w], known_words, 1)) {
          if (close != words[w]) words.push_back(std::move(close));
        }
      }
      for (const EntityIndex e : db.names().sharing_words(db.dataset(), words, 3)) names.push_back(db.dataset().entities[e].name);
    }
    diagnostics.add(ErrorCode::kNameNotFound,
                    "no entity is called \"" + shorten_for_message(text) + "\"" + did_you_mean_list(names), where);
    return std::nullopt;
  }
  std::string message = "\"" + shorten_for_message(text) + "\" could mean " + std::to_string(found.size()) +
                        " entities; name one by its id:";
  std::vector<EntityIndex> sorted = found;
  const NameOrder order(db.names(), db.dataset());
  std::sort(sorted.begin(), sorted.end(), [&](EntityIndex x, EntityIndex y) { return order.less(x, y); });
  for (const EntityIndex e : sorted) message += "\n  " + describe_entity(db, e);
  diagnostics.add(ErrorCode::kNameAmbiguous, message, where);
  return std::nullopt;
}

}  // namespace parley
