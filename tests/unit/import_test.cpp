// The import of coded event data: the CAMEO codebook and its classes, actors' kinds, each
// format's line reader, and the import end to end on the fixtures, loaded back.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "import/actor_rules.h"
#include "import/country_table.h"
#include "import/event_row.h"
#include "parley/graph/database.h"
#include "parley/import/cameo.h"
#include "parley/import/import.h"

using namespace parley;
using namespace parley::import;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(PARLEY_SOURCE_DIR) / "tests" / "fixtures";

std::string tabs(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "\t" : "") + fields[i];
  return out;
}

std::vector<std::string> icews_row() {
  return {"1", "2018-06-01", "Sergey Viktorovich Lavrov", "Government", "Russian Federation", "Make a visit", "042", "1",
          "Kim Jong-Un", "Government", "North Korea", "7", "2", "Yonhap", "Pyongyang", "NA", "Pyongyang", "North Korea",
          "39.03", "125.75"};
}

// A GDELT 1.0 row of 58 columns (57 without the URL); 2.0 adds an ADM2 code to each geography.
std::vector<std::string> gdelt_row(int columns) {
  std::vector<std::string> f = {"9", "20160728", "201607", "2016", "2016.5", "USA", "UNITED STATES", "USA", "", "", "", "",
                                "", "", "", "RUS", "RUSSIA", "RUS", "", "", "", "", "", "", "", "1", "042", "042", "04",
                                "1", "1.9", "4", "1", "4", "2.5"};
  for (int geo = 0; geo < 3; ++geo) {
    for (const std::string v : {"4", "Moscow, Moskva, Russia", "RS", "RS48"}) f.push_back(v);
    if (columns == 61) f.push_back("");
    for (const std::string v : {"55.75", "37.61", "-2960561"}) f.push_back(v);
  }
  f.push_back(columns == 61 ? "20160728000000" : "20160728");
  if (columns != 57) f.push_back("http://example.org/story");
  return f;
}

}  // namespace

TEST_CASE("the CAMEO codebook knows its codes and only those", "[import]") {
  CHECK(cameo_name("042") == "Make a visit");
  CHECK(cameo_name("0841") == "Return, release person(s)");
  CHECK(cameo_name("2042") == "Detonate nuclear weapons");
  for (const auto* unknown : {"", "04", "099", "0x2", "2043", "42", "0420"}) {
    INFO(unknown);
    CHECK_FALSE(cameo_name(unknown));
  }
}

TEST_CASE("CAMEO codes map to gathering classes as docs/import.md says", "[import]") {
  CHECK(classify_code("042") == CodeClass::kVisit);
  CHECK(classify_code("043") == CodeClass::kVisit);
  CHECK(classify_code("044") == CodeClass::kMeeting);
  CHECK(classify_code("046") == CodeClass::kNegotiationRound);
  CHECK(classify_code("041") == CodeClass::kCall);
  CHECK(classify_code("036") == CodeClass::kIntent);
  CHECK(classify_code("040") == CodeClass::kConsultation);
  CHECK(classify_code("045") == CodeClass::kOther);
  CHECK(classify_code("051") == CodeClass::kOther);
}

TEST_CASE("countries are found by code and by every spelling", "[import]") {
  CHECK(country_by_code("RUS")->name == "Russia");
  CHECK(country_by_code("ROM")->code == "ROU");  // CAMEO's own code for Romania
  CHECK_FALSE(country_by_code("AFR"));           // a region, not a state
  CHECK(country_by_name("Russian Federation")->code == "RUS");
  CHECK(country_by_name("the former Yugoslav Republic of Macedonia")->code == "MKD");
  CHECK(country_by_name("Korea, Republic of")->name == "South Korea");
  CHECK_FALSE(country_by_name("Sicily"));
}

TEST_CASE("ICEWS actors become states, people, organisations and groups", "[import]") {
  const auto kind = [](const char* name, const char* sectors, const char* country) {
    return icews_actor(ActorFields{name, sectors, country, {}, {}, {}}).kind;
  };
  CHECK(kind("Russia", "", "Russian Federation") == ActorKind::kState);
  CHECK(kind("Japan", "", "Japan") == ActorKind::kState);
  CHECK(kind("Sergey Viktorovich Lavrov", "Government,Foreign Ministry", "Russian Federation") == ActorKind::kPerson);
  CHECK(kind("Foreign Affairs (Bangladesh)", "Executive,Foreign Ministry", "Bangladesh") == ActorKind::kOrganisation);
  CHECK(kind("Senate (United States)", "Government,Upper House", "United States") == ActorKind::kOrganisation);
  CHECK(kind("Citizen (Japan)", "General Population / Civilian / Social", "Japan") == ActorKind::kGroup);
  CHECK(kind("Head of Government (Togo)", "Government", "Togo") == ActorKind::kGroup);
  CHECK(kind("Party Member (India)", "Parties", "India") == ActorKind::kGroup);
  CHECK(kind("United Nations", "International Government Organization", "") == ActorKind::kOrganisation);
  CHECK(kind("Reserve Bank of India", "Finance", "India") == ActorKind::kOrganisation);
  CHECK(kind("Sicily", "", "Italy") == ActorKind::kGroup);
  // A state is one entity whatever the row called it.
  CHECK(icews_actor(ActorFields{"Russia", "", "Russian Federation", {}, {}, {}}).key ==
        icews_actor(ActorFields{"Russian Federation", "", "Russian Federation", {}, {}, {}}).key);
}

TEST_CASE("GDELT actors are read from their CAMEO codes", "[import]") {
  const auto actor = [](const char* code, const char* name, const char* country, const char* type, const char* group) {
    return gdelt_actor(ActorFields{name, {}, country, code, type, group});
  };
  CHECK(actor("USA", "UNITED STATES", "USA", "", "").kind == ActorKind::kState);
  CHECK(actor("USA", "AMERICAN", "USA", "", "").name == "United States");
  CHECK(actor("USAGOV", "WHITE HOUSE", "USA", "GOV", "").kind == ActorKind::kOrganisation);
  CHECK(actor("USAGOV", "WHITE HOUSE", "USA", "GOV", "").name == "White House (United States)");
  CHECK(actor("JPNCVL", "JAPANESE", "JPN", "CVL", "").kind == ActorKind::kGroup);
  CHECK(actor("IGOUNO", "UNITED NATIONS", "", "IGO", "UNO").kind == ActorKind::kOrganisation);
  CHECK(actor("AFR", "AFRICA", "AFR", "", "").kind == ActorKind::kGroup);
}

TEST_CASE("an ICEWS line is read, and each bad value named by its column", "[import]") {
  const auto row = std::get<EventRow>(read_icews_line(tabs(icews_row()), 2));
  CHECK(row.code == "042");
  CHECK(row.place.city == "Pyongyang");
  CHECK(row.place.province == "Pyongyang");
  CHECK(std::holds_alternative<HeaderLine>(read_icews_line(
      "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\t"
      "Target Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\t"
      "Longitude",
      1)));
  struct Case {
    std::size_t column;
    std::string value;
    ErrorCode code;
    std::string name;
  };
  for (const Case& c : {Case{1, "2018-02-29", ErrorCode::kInvalidDate, "Event Date"},
                        Case{1, "01/06/2018", ErrorCode::kInvalidDate, "Event Date"},
                        Case{6, "999", ErrorCode::kUnknownCameoCode, "CAMEO Code"},
                        Case{18, "-90.5", ErrorCode::kInvalidCoordinates, "Latitude"},
                        Case{19, "nan", ErrorCode::kInvalidCoordinates, "Longitude"},
                        Case{19, "", ErrorCode::kInvalidCoordinates, "Longitude"},
                        Case{8, "Kim \xC3", ErrorCode::kInvalidEncoding, "Target Name"}}) {
    auto fields = icews_row();
    fields[c.column] = c.value;
    INFO(c.name << " = " << c.value);
    const auto result = read_icews_line(tabs(fields), 2);
    REQUIRE(std::holds_alternative<RowError>(result));
    const auto& error = std::get<RowError>(result);
    CHECK(error.code == c.code);
    CHECK(error.column == c.name);
  }
  auto short_row = icews_row();
  short_row.pop_back();
  CHECK(std::get<RowError>(read_icews_line(tabs(short_row), 2)).code == ErrorCode::kColumnCount);
}

TEST_CASE("a GDELT line's layout is told by its column count", "[import]") {
  for (const int columns : {57, 58, 61}) {
    INFO(columns);
    const std::string line = tabs(gdelt_row(columns));  // the row's fields are views into it
    const auto result = read_gdelt_line(line, 1);
    REQUIRE(std::holds_alternative<EventRow>(result));
    const auto& row = std::get<EventRow>(result);
    CHECK(row.code == "042");
    CHECK(row.source.code == "USA");
    CHECK(row.target.name == "RUSSIA");
    CHECK(row.place.city == "Moscow");
    CHECK(row.place.country == "Russia");
    CHECK(row.place.latitude == "55.75");
    CHECK(row.url == (columns == 57 ? "" : "http://example.org/story"));
  }
  auto wrong = gdelt_row(58);
  wrong.push_back("extra");
  CHECK(std::get<RowError>(read_gdelt_line(tabs(wrong), 1)).code == ErrorCode::kColumnCount);
}

TEST_CASE("an import loads back with its coded records, and beside the embedded dataset", "[import]") {
  ImportOptions options;
  std::ostringstream out;
  Diagnostics diagnostics;
  const auto summary = import_events((kFixtures / "import" / "icews-mapping.tab").string(), "-", out, options, diagnostics);
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(summary);
  CHECK(summary->raw_rows == 15);
  CHECK(summary->kept_rows == 12);
  CHECK(summary->gatherings == 9);

  std::vector<Database::Text> inputs = {Database::Text{"events.json", out.str()}};
  Diagnostics load_diagnostics;
  const auto db = Database::open_texts(std::move(inputs), load_diagnostics);
  for (const auto& d : load_diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(db);
  const Dataset& data = db->dataset();
  REQUIRE(data.sources.size() == 1);
  CHECK(data.sources[0].is_coded());
  // Every row kept is one record, however many facts cite it.
  CHECK(data.records.size() == 12);
  const auto visit = data.find_entity("icews-mapping/visit/1001");
  REQUIRE(visit);
  const auto& citations = data.entities[*visit].citations;
  REQUIRE(citations.size() == 2);
  CHECK(citations[0].is_coded());
  CHECK(data.records[citations[0].record].cameo == "042");
  CHECK(data.records[citations[1].record].cameo == "043");
  CHECK(data.records[citations[1].record].publisher == "Xinhua");
}

TEST_CASE("an import that finds a bad row writes nothing", "[import]") {
  const fs::path output = fs::temp_directory_path() / "parley-import-test-output.json";
  fs::remove(output);
  ImportOptions options;
  std::ostringstream out;
  Diagnostics diagnostics;
  CHECK_FALSE(import_events((kFixtures / "import" / "bad-date.tab").string(), output.string(), out, options, diagnostics));
  CHECK(diagnostics.size() == 1);
  CHECK_FALSE(fs::exists(output));
  options.skip_bad = true;
  Diagnostics skipped;
  const auto summary = import_events((kFixtures / "import" / "bad-date.tab").string(), output.string(), out, options, skipped);
  REQUIRE(summary);
  CHECK(summary->skipped_rows == 1);
  CHECK(summary->skipped_by_cause.at("invalid-date") == 1);
  CHECK(fs::exists(output));
  fs::remove(output);
}
