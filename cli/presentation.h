// Shared pieces of text and JSON output: how an entity, a date, a list of sources or an event
// is shown. Every command's output is built from these, so the same fact reads the same way
// everywhere.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "json_output.h"
#include "parley/graph/database.h"
#include "parley/common/date_range.h"
#include "parley/query/differing_values.h"
#include "parley/query/event_facts.h"
#include "parley/query/path.h"

namespace parley::cli {

// ---- text ----

// "1 source", "2 sources": a count with its noun, plural when it should be.
std::string count_of(std::size_t n, std::string_view noun, std::string_view plural = {});

// "1 December 2018", "September 2018", or "date not stated".
std::string date_text(const std::optional<FuzzyDate>& date);
std::string date_text(const EventFacts& facts);
// "[asahi-2018-12, jiji-2019-01-15]" for the sources of some citations, or "".
std::string sources_text(const Dataset& data, const CitationList& citations);
// A coded source is marked: "[icews-2018: 3 coded records]", "[icews-2018 (coded records)]".
std::string sources_text(const Dataset& data, const std::vector<SourceIndex>& sources);
// "coded record 32890001 (CAMEO 042 "Make a visit", story 47400401 sentence 1, Yonhap)": what
// stands for a quote when a fact rests on a row of coded event data.
std::string record_text(const Dataset& data, const Citation& citation);
// Every source an event's facts cite: the entity, its attributes, its participants and venues;
// in index order, each once.
std::vector<SourceIndex> event_sources(const Database& db, const EventFacts& facts);
// "the 24th meeting between the two leaders" style phrase for a stated ordinal.
std::string ordinal_text(const Attribute& ordinal);
// "~PT4H" → "about 4 hours", "PT45M" → "45 minutes".
std::string duration_text(const std::string& iso);
// Participants grouped by role: "principal: A, B; present: C".
std::string participants_text(const Database& db, const EventFacts& facts, std::optional<EntityIndex> skip = {});
std::string places_text(const Database& db, const EventFacts& facts);
// "possible (kyodo-2018-12) / planned (asahi-2019-06) — sources differ": values the sources
// state differently (differing_values.h), each with the sources that state it.
std::string differing_text(const Dataset& data, const DifferingValues& differing);
// An event's status as an answer line shows it: the status, "status not stated", or, where the
// sources differ on it, every value with its sources (differing_text).
std::string status_text(const Database& db, const EventFacts& facts);

// ---- JSON ----

void write_entity_ref(JsonOutput& json, const Database& db, EntityIndex entity);
void write_citations(JsonOutput& json, const Dataset& data, const CitationList& citations);
// {"value": ..., "qualifier": ..., "sources": [...]} for each stated value.
void write_stated(JsonOutput& json, const Dataset& data, const std::vector<const Attribute*>& values, bool integer = false);
// [{"attribute": "status", "values": [{"value": "possible", "sources": ["kyodo-2018-12"]}, ...]}]:
// the attributes whose values differ between sources; [] when none do.
void write_differing(JsonOutput& json, const Dataset& data, const std::vector<DifferingValues>& differing);
// {"value": "2018-12-01", "precision": "day", "text": "1 December 2018", "first_day": ..., "last_day": ...}
// or null.
void write_date(JsonOutput& json, const std::optional<FuzzyDate>& date);
std::string_view match_name(DateMatch match);
// The documented shape of an event: see docs/queries.md.
// A relation's properties beyond what its reading says, long values shortened:
// " [present]", " [principal; status: planned]", " [position: ...; date: 2018-12-01]"; "" for none.
// They tell apart two relations of one type between the same two entities.
std::string relation_qualifiers(const Database& db, RelationIndex relation);

void write_event(JsonOutput& json, const Database& db, const EventFacts& facts, DateMatch match);
// The members of write_event's object, for callers that add members of their own.
void write_event_members(JsonOutput& json, const Database& db, const EventFacts& facts, DateMatch match);
// A relation read from one side: type, reading, other end, properties, sources with quotes.
void write_relation(JsonOutput& json, const Database& db, RelationIndex relation, bool forward);
// A path: {"hops": N, "steps": [{from, to, reading | met_at, relations}]}.
void write_path_json(JsonOutput& json, const Database& db, const Path& path);

}  // namespace parley::cli
