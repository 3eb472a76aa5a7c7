// GDELT event records: 1.0 (57 columns; 58 with SOURCEURL, from April 2013 on) and 2.0 (61
// columns: each of the three geographies gains an ADM2 code). The layout is told per line by its
// column count, since 57- and 58-column lines come mixed in one file.
#include <vector>

#include "import/event_row.h"
#include "import/line_fields.h"
#include "parley/import/cameo.h"

namespace parley::import {
namespace {

using detail::not_na;

// Column names of GDELT 2.0; 1.0 lacks the three ADM2 codes (and, with 57 columns, SOURCEURL).
const std::vector<std::string_view> kColumns2 = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"};

std::vector<std::string_view> version1_columns(bool with_url) {
  std::vector<std::string_view> names;
  for (const auto name : kColumns2) {
    if (name.find("ADM2") == std::string_view::npos && (with_url || name != "SOURCEURL")) names.push_back(name);
  }
  return names;
}

const std::vector<std::string_view> kColumns57 = version1_columns(false);
const std::vector<std::string_view> kColumns58 = version1_columns(true);

// The columns the import reads, by position in each layout (looked up once, not per row).
enum Field : std::size_t {
  kEventId, kSqlDate, kActor1Code, kActor1Name, kActor1Country, kActor1Group, kActor1Type, kActor2Code,
  kActor2Name, kActor2Country, kActor2Group, kActor2Type, kEventCode, kGeoType, kGeoName, kGeoLat, kGeoLong,
  kSourceUrl, kFieldCount
};
constexpr std::string_view kFieldNames[kFieldCount] = {
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2Type1Code",
    "EventCode", "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL"};

struct Layout {
  const std::vector<std::string_view>* names;
  std::size_t index[kFieldCount];
};

Layout layout_of(const std::vector<std::string_view>& names) {
  Layout layout{&names, {}};
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    layout.index[f] = names.size();  // SOURCEURL in the 57-column layout: absent
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == kFieldNames[f]) layout.index[f] = i;
    }
  }
  return layout;
}

const Layout kLayout57 = layout_of(kColumns57);
const Layout kLayout58 = layout_of(kColumns58);
const Layout kLayout61 = layout_of(kColumns2);

// "Boston, Massachusetts, United States" with its geography type (1 country, 2 US state,
// 3 US city, 4 world city, 5 world state) → city, province, country.
PlaceFields place_of(std::string_view type, std::string_view full_name) {
  PlaceFields place;
  if (full_name.empty() || type.empty() || type == "0") return place;
  const auto trimmed = [](std::string_view part) {
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    return part;
  };
  // The comma-separated parts that matter: the first, the last and the one before the last.
  const std::size_t first_comma = full_name.find(',');
  const std::size_t last_comma = full_name.rfind(',');
  std::size_t parts = 1;
  for (const char c : full_name) parts += c == ',' ? 1 : 0;
  const std::string_view first = trimmed(full_name.substr(0, first_comma));
  const std::string_view last = trimmed(last_comma == std::string_view::npos ? full_name : full_name.substr(last_comma + 1));
  place.country = last;
  const bool city = type == "3" || type == "4";
  if (city) place.city = first;
  if (parts >= 2 && (type == "2" || type == "5")) place.province = first;
  if (parts >= 3 && city) {
    const std::size_t before_last = full_name.rfind(',', last_comma - 1);
    place.province = trimmed(full_name.substr(before_last + 1, last_comma - before_last - 1));
  }
  return place;
}

}  // namespace

LineResult read_gdelt_line(std::string_view line, std::uint64_t line_number) {
  thread_local std::vector<std::string_view> fields;
  detail::split_tabs(line, fields);
  const Layout& layout = fields.size() == 61 ? kLayout61 : fields.size() == 57 ? kLayout57 : kLayout58;
  const std::vector<std::string_view>& names = *layout.names;
  if (auto bad = detail::check_utf8(line, fields, names)) return *bad;
  if (auto bad = detail::check_values(line, fields, names)) return *bad;
  if (!fields.empty() && fields[0] == "GLOBALEVENTID") {
    if (line_number == 1) return HeaderLine{};
    return RowError{ErrorCode::kMisplacedHeader, "GLOBALEVENTID", 1,
                    "a header line in the middle of the file (files joined together?); a header belongs on line 1 only"};
  }
  if (fields.size() != 57 && fields.size() != 58 && fields.size() != 61) {
    return RowError{ErrorCode::kColumnCount, "", 1,
                    "expected 57 or 58 tab-separated columns (GDELT 1.0) or 61 (GDELT 2.0), found " +
                        std::to_string(fields.size())};
  }
  const auto at = [&](Field f) { return fields[layout.index[f]]; };
  const auto error = [&](ErrorCode code, Field f, std::string message) {
    return RowError{code, std::string(kFieldNames[f]), detail::field_position(line, fields, layout.index[f]),
                    std::move(message)};
  };
  EventRow row;
  row.columns = static_cast<std::uint32_t>(fields.size());
  row.event_id = at(kEventId);
  if (!detail::is_valid_event_id(row.event_id)) {
    return error(ErrorCode::kInvalidValue, kEventId, "an event id is 1 to 64 printable characters with no space");
  }
  const auto day = detail::parse_day(at(kSqlDate), /*dashed=*/false);
  if (!day) {
    return error(ErrorCode::kInvalidDate, kSqlDate,
                 "\"" + std::string(at(kSqlDate)) + "\" is not a date of the form YYYYMMDD that exists");
  }
  row.day = *day;
  row.code = at(kEventCode);
  if (!cameo_name(row.code)) {
    return error(ErrorCode::kUnknownCameoCode, kEventCode, "\"" + std::string(row.code) + "\" is not a CAMEO event code");
  }
  row.event_text = *cameo_name(row.code);
  std::string which;
  const std::string_view latitude = at(kGeoLat);
  const std::string_view longitude = at(kGeoLong);
  if (std::string message = detail::check_coordinates(latitude, longitude, which); !message.empty()) {
    return error(ErrorCode::kInvalidCoordinates, which == "latitude" ? kGeoLat : kGeoLong,
                 std::move(message));
  }
  row.source = ActorFields{at(kActor1Name), {}, at(kActor1Country), at(kActor1Code), at(kActor1Type), at(kActor1Group)};
  row.target = ActorFields{at(kActor2Name), {}, at(kActor2Country), at(kActor2Code), at(kActor2Type), at(kActor2Group)};
  row.place = place_of(at(kGeoType), at(kGeoName));
  row.place.latitude = latitude;
  row.place.longitude = longitude;
  if (fields.size() != 57) row.url = at(kSourceUrl);
  return row;
}

}  // namespace parley::import
