// One row of an event file, split into the fields the import uses, the same for ICEWS and GDELT.
// Fields are views into the line being read: the importer copies what it keeps.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "parley/common/status.h"
#include "parley/import/import.h"

namespace parley::import {

struct ActorFields {
  std::string_view name;     // ICEWS: "Sergey Viktorovich Lavrov"; GDELT: "UNITED STATES"
  std::string_view sectors;  // ICEWS: "Government,Executive,Foreign Ministry"; GDELT: empty
  std::string_view country;  // ICEWS: a country name; GDELT: a CAMEO country code ("USA")
  std::string_view code;     // GDELT: the CAMEO actor code ("USAGOV"); ICEWS: empty
  std::string_view type;     // GDELT: the first type code ("GOV"); ICEWS: empty
  std::string_view known_group;  // GDELT: a known group code ("UNO"); ICEWS: empty

  bool empty() const { return name.empty() && code.empty(); }
};

struct PlaceFields {
  std::string_view city;      // empty when the row gives none
  std::string_view province;
  std::string_view country;   // a country name
  std::string_view latitude;  // empty, or checked to be a number in range
  std::string_view longitude;
};

struct EventRow {
  std::string_view event_id;
  std::int32_t day = 0;       // days since 1970-01-01
  std::string_view code;      // a CAMEO code the codebook knows
  std::string_view event_text;
  ActorFields source;
  ActorFields target;
  PlaceFields place;
  // Provenance: ICEWS story id, sentence number and publisher; GDELT source URL.
  std::string_view story_id;
  std::string_view sentence;
  std::string_view publisher;
  std::string_view url;
  std::uint32_t columns = 0;  // how many columns the line had (GDELT: which layout)
};

// Why a row was refused, and where: the column's name and its first character in the line.
struct RowError {
  ErrorCode code = ErrorCode::kInvalidValue;
  std::string column;       // "Event Date"; empty for a wrong count of columns
  std::uint32_t position = 1;  // 1-based code point of the column's start in the line
  std::string message;
};

// What reading one line gave: a row, a header to skip, or an error.
struct HeaderLine {};
using LineResult = std::variant<EventRow, HeaderLine, RowError>;

// Splits and checks one line (without its line break) of the format. `line_number` is
// 1-based; a header is accepted on line 1 only. A row's fields are views into `line`, which
// must outlive it.
LineResult read_icews_line(std::string_view line, std::uint64_t line_number);
LineResult read_gdelt_line(std::string_view line, std::uint64_t line_number);

}  // namespace parley::import
