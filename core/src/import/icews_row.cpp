// ICEWS coded event data, the Dataverse layout: a header, then 20 tab-separated columns.
#include <array>

#include "import/event_row.h"
#include "import/line_fields.h"
#include "parley/import/cameo.h"

namespace parley::import {
namespace {

using detail::not_na;

const std::vector<std::string_view> kColumns = {
    "Event ID",  "Event Date", "Source Name",    "Source Sectors",  "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",       "Sentence Number",
    "Publisher", "City",        "District",       "Province",       "Country",        "Latitude",   "Longitude"};

enum Column : std::size_t {
  kEventId, kEventDate, kSourceName, kSourceSectors, kSourceCountry, kEventText, kCameoCode, kIntensity,
  kTargetName, kTargetSectors, kTargetCountry, kStoryId, kSentence, kPublisher, kCity, kDistrict, kProvince,
  kCountry, kLatitude, kLongitude
};

}  // namespace

LineResult read_icews_line(std::string_view line, std::uint64_t line_number) {
  thread_local std::vector<std::string_view> fields;
  detail::split_tabs(line, fields);
  const auto error = [&](ErrorCode code, std::size_t column, std::string message) {
    return RowError{code, std::string(kColumns[column]), detail::field_position(line, fields, column), std::move(message)};
  };
  if (auto bad = detail::check_utf8(line, fields, kColumns)) return *bad;
  if (auto bad = detail::check_values(line, fields, kColumns)) return *bad;
  if (fields.size() >= 2 && fields[0] == kColumns[0] && fields[1] == kColumns[1]) {
    if (line_number == 1) return HeaderLine{};
    return RowError{ErrorCode::kMisplacedHeader, "Event ID", 1,
                    "a header line in the middle of the file (files joined together?); a header belongs on line 1 only"};
  }
  if (fields.size() != kColumns.size()) {
    return RowError{ErrorCode::kColumnCount, "", 1,
                    "expected " + std::to_string(kColumns.size()) + " tab-separated columns (ICEWS), found " +
                        std::to_string(fields.size())};
  }
  EventRow row;
  row.columns = static_cast<std::uint32_t>(fields.size());
  row.event_id = fields[kEventId];
  if (!detail::is_valid_event_id(row.event_id)) {
    return error(ErrorCode::kInvalidValue, kEventId, "an event id is 1 to 64 printable characters with no space");
  }
  const auto day = detail::parse_day(fields[kEventDate], /*dashed=*/true);
  if (!day) {
    return error(ErrorCode::kInvalidDate, kEventDate,
                 "\"" + std::string(fields[kEventDate]) + "\" is not a date of the form YYYY-MM-DD that exists");
  }
  row.day = *day;
  row.code = fields[kCameoCode];
  if (!cameo_name(row.code)) {
    return error(ErrorCode::kUnknownCameoCode, kCameoCode,
                 "\"" + std::string(row.code) + "\" is not a CAMEO event code");
  }
  std::string which;
  const std::string_view latitude = not_na(fields[kLatitude]);
  const std::string_view longitude = not_na(fields[kLongitude]);
  if (std::string message = detail::check_coordinates(latitude, longitude, which); !message.empty()) {
    return error(ErrorCode::kInvalidCoordinates, which == "latitude" ? kLatitude : kLongitude, std::move(message));
  }
  row.event_text = fields[kEventText];
  row.source = ActorFields{not_na(fields[kSourceName]), not_na(fields[kSourceSectors]), not_na(fields[kSourceCountry]),
                           {}, {}, {}};
  row.target = ActorFields{not_na(fields[kTargetName]), not_na(fields[kTargetSectors]), not_na(fields[kTargetCountry]),
                           {}, {}, {}};
  row.place = PlaceFields{not_na(fields[kCity]), not_na(fields[kProvince]), not_na(fields[kCountry]), latitude, longitude};
  row.story_id = not_na(fields[kStoryId]);
  row.sentence = not_na(fields[kSentence]);
  row.publisher = not_na(fields[kPublisher]);
  return row;
}

}  // namespace parley::import
