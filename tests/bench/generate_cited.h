// The citation-heavy shape of parley_generate (--shape cited): data as curated by hand, where
// every entity, attribute and relation carries its own source and its own verbatim quote.
#pragma once

#include <cstdint>
#include <string>

namespace parley::bench {

// Writes the dataset to standard output and, when csv_dir is not empty, the same graph as
// entities.csv and relations.csv in it. At scale 1: 10,000 people, 200 states, 1,000 places and
// 50,000 meetings of 2–3 participants (Zipf popularity), each meeting with a date and a status
// and often a duration or a time of day, every fact quoted: about 380,000 quotes.
void write_cited_dataset(double scale, std::uint64_t seed, const std::string& csv_dir);

}  // namespace parley::bench
