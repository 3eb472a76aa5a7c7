// The dataset schema compiled to plain checks must give every value the verdict RapidJSON's
// validator gives it: the loader trusts the first on valid data and asks the second only why
// a record was rejected.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/json_reader.h"
#include "parley/common/embedded.h"
#include "load/structure_check.h"

using namespace parley;
using namespace parley::detail;
namespace fs = std::filesystem;

namespace {

const StructureChecker& checker() {
  static const StructureChecker instance(embedded::dataset_schema);
  return instance;
}

rapidjson::Document parse(std::string_view text) {
  rapidjson::Document doc;
  REQUIRE_FALSE(parse_json_strict(text, doc));
  return doc;
}

// The verdict both give, after checking that they give the same one.
bool agreed_verdict(RecordKind kind, const rapidjson::Value& record) {
  INFO("record kind " << static_cast<int>(kind));
  REQUIRE(checker().verdicts_agree(kind, record));
  Diagnostics diagnostics;
  DiagnosticSink sink("test.json", diagnostics);
  return checker().check(kind, record, "", sink);
}

void check_document(const rapidjson::Value& doc) {
  CHECK(checker().verdicts_agree(RecordKind::kDocument, doc));
  if (!doc.IsObject()) return;
  for (const char* name : {"sources", "entities", "relations"}) {
    const auto it = doc.FindMember(name);
    if (it == doc.MemberEnd() || !it->value.IsArray()) continue;
    for (const auto& record : it->value.GetArray()) {
      // Each record under every kind's schema, so that rejections are compared too.
      for (const auto other : {RecordKind::kSource, RecordKind::kEntity, RecordKind::kRelation}) {
        INFO(name << " record checked as kind " << static_cast<int>(other));
        CHECK(checker().verdicts_agree(other, record));
      }
    }
  }
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("compiled checks and the validator agree on every fixture and the default dataset", "[structure]") {
  check_document(parse(embedded::default_dataset));
  int parsed = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(PARLEY_SOURCE_DIR) / "tests" / "fixtures")) {
    if (entry.path().extension() != ".json") continue;
    rapidjson::Document doc;
    if (parse_json_strict(read(entry.path()), doc)) continue;  // not JSON: nothing to validate
    INFO(entry.path());
    check_document(doc);
    ++parsed;
  }
  CHECK(parsed > 20);
}

TEST_CASE("compiled checks and the validator agree on values at each keyword's edge", "[structure]") {
  const std::string cite = R"("sources": [{"source": "s", "quote": "q"}])";
  const auto entity = [&](const std::string& members) {
    return parse(R"({"id": "e", "kind": "person", "name": "N", )" + cite + (members.empty() ? "" : ", " + members) + "}");
  };
  const auto relation = [&](const std::string& members) {
    return parse(R"({"type": "t", "from": "a", "to": "b", )" + cite + (members.empty() ? "" : ", " + members) + "}");
  };
  const auto source = [&](const std::string& members) {
    return parse(R"({"id": "s", "publisher": "p", "title": "t")" + (members.empty() ? "" : ", " + members) + "}");
  };

  SECTION("lengths count code points, not bytes") {
    CHECK(agreed_verdict(RecordKind::kEntity, entity("")));
    // "id" allows 256 characters: 256 two-byte characters are 512 bytes and still fit.
    CHECK(agreed_verdict(RecordKind::kEntity, parse(R"({"id": ")" + repeat("é", 256) + R"(", "kind": "k", "name": "N", )" + cite + "}")));
    CHECK_FALSE(agreed_verdict(RecordKind::kEntity, parse(R"({"id": ")" + repeat("é", 257) + R"(", "kind": "k", "name": "N", )" + cite + "}")));
    CHECK(agreed_verdict(RecordKind::kEntity, parse(R"({"id": ")" + repeat("x", 256) + R"(", "kind": "k", "name": "N", )" + cite + "}")));
    CHECK_FALSE(agreed_verdict(RecordKind::kEntity, parse(R"({"id": ")" + repeat("x", 257) + R"(", "kind": "k", "name": "N", )" + cite + "}")));
    CHECK(agreed_verdict(RecordKind::kEntity, parse(R"({"id": ")" + repeat("😀", 256) + R"(", "kind": "k", "name": "N", )" + cite + "}")));
    CHECK_FALSE(agreed_verdict(RecordKind::kEntity, parse(R"({"id": "", "kind": "k", "name": "N", )" + cite + "}")));
    CHECK(agreed_verdict(RecordKind::kEntity, parse(R"({"id": "e", "kind": "k", "name": "N", "sources": [{"source": "s", "quote": ")" + repeat("ж", 400) + R"("}]})")));
    CHECK_FALSE(agreed_verdict(RecordKind::kEntity, parse(R"({"id": "e", "kind": "k", "name": "N", "sources": [{"source": "s", "quote": ")" + repeat("ж", 401) + R"("}]})")));
  }

  SECTION("types, integers and doubles") {
    for (const std::string value : {"null", "true", "1", "-1", "1.5", "1e3", "18446744073709551615", "\"\"", "\"x\"", "[]", "{}"}) {
      INFO(value);
      (void)agreed_verdict(RecordKind::kEntity, entity(R"("attributes": [{"name": "a", "value": )" + value + ", " + cite + "}]"));
      (void)agreed_verdict(RecordKind::kRelation, relation(R"("properties": {"p": )" + value + "}"));
      (void)agreed_verdict(RecordKind::kEntity, entity(R"("aliases": [)" + value + "]"));
      (void)agreed_verdict(RecordKind::kSource, source(R"("note": )" + value));
      (void)agreed_verdict(RecordKind::kEntity, parse(R"({"id": )" + value + R"(, "kind": "k", "name": "N", )" + cite + "}"));
    }
    CHECK(agreed_verdict(RecordKind::kRelation, relation(R"("properties": {"p": 7})")));
    CHECK_FALSE(agreed_verdict(RecordKind::kRelation, relation(R"("properties": {"p": 7.5})")));
  }

  SECTION("required, unknown members and minItems") {
    CHECK_FALSE(agreed_verdict(RecordKind::kEntity, parse(R"({"id": "e", "kind": "k", "name": "N"})")));
    CHECK_FALSE(agreed_verdict(RecordKind::kEntity, entity(R"("colour": "red")")));
    CHECK_FALSE(agreed_verdict(RecordKind::kEntity, parse(R"({"id": "e", "kind": "k", "name": "N", "sources": []})")));
    CHECK_FALSE(agreed_verdict(RecordKind::kEntity, entity(R"("sources2": [])")));
    CHECK_FALSE(agreed_verdict(RecordKind::kRelation, relation(R"("properties": [])")));
  }

  SECTION("aliases are a name or an object with one (oneOf)") {
    CHECK(agreed_verdict(RecordKind::kEntity, entity(R"("aliases": ["A", {"name": "B", "note": "n"}])")));
    CHECK(agreed_verdict(RecordKind::kEntity, entity(R"("aliases": [{"name": "B", )" + cite + "}]")));
    CHECK_FALSE(agreed_verdict(RecordKind::kEntity, entity(R"("aliases": [""])")));
    CHECK_FALSE(agreed_verdict(RecordKind::kEntity, entity(R"("aliases": [{"note": "n"}])")));
    CHECK_FALSE(agreed_verdict(RecordKind::kEntity, entity(R"("aliases": [{"name": "B", "sources": []}])")));
  }

  SECTION("dates and the format follow their patterns") {
    for (const std::string date : {"2019", "2019-01", "2019-01-22", "early 2019", "mid 2019-06", "late 2018-11-14"}) {
      INFO(date);
      CHECK(agreed_verdict(RecordKind::kSource, source(R"("published": ")" + date + "\"")));
    }
    for (const std::string date : {"", "19", "2019-1", " 2019", "2019 ", "2019-01-01x", "mid  2019", "Early 2019", "２０１９", "2019\\n"}) {
      INFO(date);
      CHECK_FALSE(agreed_verdict(RecordKind::kSource, source(R"("published": ")" + date + "\"")));
    }
    const auto document = [](const std::string& format) {
      return parse(R"({"format": )" + format + R"(, "sources": [], "entities": [], "relations": []})");
    };
    CHECK(agreed_verdict(RecordKind::kDocument, document(R"("parley-dataset/1")")));
    CHECK_FALSE(agreed_verdict(RecordKind::kDocument, document(R"("parley-dataset/10")")));
    CHECK_FALSE(agreed_verdict(RecordKind::kDocument, document(R"("xparley-dataset/1")")));
    CHECK_FALSE(agreed_verdict(RecordKind::kDocument, document("1")));
  }
}
