// Extending the relation schema: additions are read as built-in definitions are, and any
// redefinition is refused with both places named.
#include <catch2/catch.hpp>

#include <string>

#include "parley/common/embedded.h"
#include "parley/graph/database.h"
#include "parley/schema/schema_extension.h"

using namespace parley;

namespace {

const std::string kBase = "<embedded>/relations.json";

std::optional<RelationSchema> extended(const std::string& json, Diagnostics& diagnostics) {
  return extend_schema(embedded::relation_schema, kBase, {SchemaExtensionText{"ext.json", json, ""}}, diagnostics);
}

}  // namespace

TEST_CASE("an extension adds kinds, attributes, properties and relation types", "[schema-extension]") {
  Diagnostics diagnostics;
  const auto schema = extended(R"({
    "kinds": {"hearing": {"is_a": "event", "gathering": true, "attributes": {"room": {"type": "text"}}}},
    "attributes": {"person": {"nickname": {"type": "text"}}},
    "properties": {"seat": {"type": "integer"}},
    "relations": {"testified_at": {"domain": ["person"], "range": ["hearing"], "properties": ["seat"],
                                   "forward": "testified at", "backward": "heard"}}})",
                               diagnostics);
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(schema);
  const RelationSchema& base = embedded_schema();
  // Built-in ids are unchanged; the new ones follow.
  CHECK(schema->kind_count() == base.kind_count() + 1);
  CHECK(schema->find_kind("person") == base.find_kind("person"));
  const KindId hearing = *schema->find_kind("hearing");
  CHECK(schema->is_a(hearing, *schema->find_kind("event")));
  CHECK(schema->is_gathering(hearing));  // a flag read by the same reader as built-in kinds
  CHECK(schema->find_attribute(hearing, "room"));
  CHECK(schema->find_attribute(hearing, "status"));  // inherited from event
  CHECK(schema->find_attribute(*schema->find_kind("person"), "nickname"));
  const auto type = schema->find_relation_type("testified_at");
  REQUIRE(type);
  CHECK(schema->allows_to(*type, hearing));
  CHECK(schema->find_property("seat"));
}

TEST_CASE("an extension never redefines: each case names the first definition", "[schema-extension]") {
  const char* cases[] = {
      R"({"kinds": {"person": {"is_a": "actor"}}})",
      R"({"kinds": {"call_x": {"is_a": "event", "attributes": {"date": {"type": "text"}}}}})",
      R"({"attributes": {"meeting": {"status": {"type": "text"}}}})",
      R"({"attributes": {"event": {"place_type": {"type": "text"}}, "location": {"place_type": {"type": "text"}}}})",
      R"({"properties": {"role": {"type": "text"}}})",
      R"({"relations": {"holds_office": {"domain": ["person"], "range": ["state"], "forward": "a", "backward": "b"}}})",
  };
  for (const char* json : cases) {
    INFO(json);
    Diagnostics diagnostics;
    CHECK_FALSE(extended(json, diagnostics));
    REQUIRE_FALSE(diagnostics.ok());
    const Diagnostic& d = diagnostics.items().front();
    INFO(d.to_string());
    CHECK(d.code == ErrorCode::kSchemaRedefinition);
    CHECK(d.where.file == "ext.json");
    CHECK(d.where.line > 0);
    if (std::string(json).find("location") == std::string::npos) {
      CHECK(d.message.find(kBase + ":") != std::string::npos);
    }
  }
}

TEST_CASE("what an extension gets wrong is located in it", "[schema-extension]") {
  Diagnostics diagnostics;
  CHECK_FALSE(extended(R"({"kind": {},
  "kinds": {"panel": {"is_a": "organization", "gatherng": true}},
  "relations": {"sits_on": {"domain": ["person"], "range": ["panel"], "forward": "sits on"}}})",
                       diagnostics));
  std::vector<std::string> pointers;
  for (const auto& d : diagnostics.items()) {
    INFO(d.to_string());
    CHECK(d.where.file == "ext.json");
    CHECK(d.where.line > 0);
    pointers.push_back(d.where.json_pointer);
  }
  std::sort(pointers.begin(), pointers.end());
  CHECK(pointers == std::vector<std::string>{"/kind", "/kinds/panel/gatherng", "/kinds/panel/is_a", "/relations/sits_on"});
}

TEST_CASE("a dataset's schema member is found only where it is one", "[schema-extension]") {
  CHECK_FALSE(has_schema_member(embedded::default_dataset));
  const std::string dataset = R"({"format": "parley-dataset/1", "description": "\"schema\"",
    "schema": {"kinds": {"hearing": {"is_a": "event"}}},
    "sources": [{"id": "s", "publisher": "p", "title": "t"}],
    "entities": [{"id": "h", "kind": "hearing", "name": "A hearing", "sources": [{"source": "s", "quote": "q"}]}],
    "relations": []})";
  CHECK(has_schema_member(dataset));
  Diagnostics diagnostics;
  const auto db = Database::open_texts({{"d.json", dataset}}, diagnostics);
  for (const auto& d : diagnostics.items()) UNSCOPED_INFO(d.to_string());
  REQUIRE(db);
  CHECK(db->schema().find_kind("hearing"));
  CHECK(embedded_schema().find_kind("hearing") == std::nullopt);  // the embedded schema is untouched
}
