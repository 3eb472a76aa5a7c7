// A JSON Schema (the draft-04 subset schemas/dataset.schema.json uses) compiled once into a
// flat table of checks that only answers "valid or not". RapidJSON's validator builds a
// context per value and hashes every member name, which made it a third of the time of a
// load; valid data, the common case, now pays only for these checks, and the validator runs
// only on a record this has rejected, to say why. The two must agree on every value; a unit
// test and the loader fuzz target check that they do.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

namespace parley::detail {

class CompiledSchema {
 public:
  // Compiles `schema`, whose "$ref"s point into `root` ("#/definitions/..."). Throws
  // std::runtime_error on a keyword this subset does not implement, so that a schema edit can
  // never be silently ignored.
  CompiledSchema(const rapidjson::Value& schema, const rapidjson::Value& root);

  bool accepts(const rapidjson::Value& value) const { return accepts(0, value); }

 private:
  enum TypeBit : std::uint8_t {
    kNull = 1, kBoolean = 2, kObject = 4, kArray = 8, kString = 16, kNumber = 32, kInteger = 64,
  };
  static constexpr std::int32_t kNone = -1;

  struct Property {
    std::string name;
    std::int32_t node;
  };

  struct Node {
    std::uint8_t types = 0xff;  // which JSON types may appear; all by default
    std::vector<Property> properties;
    // "required", split so that an object's members are read once: the names among the first
    // 64 `properties` as bits of their positions, any other names as they are.
    std::uint64_t required_properties = 0;
    std::vector<std::string> required_others;
    bool additional_allowed = true;
    std::int32_t additional = kNone;  // schema for members not in `properties`
    std::int32_t items = kNone;
    std::uint32_t min_items = 0;
    std::uint32_t min_length = 0;
    std::uint32_t max_length = UINT32_MAX;
    bool has_literal = false;  // "pattern": "^literal$", compared without a regex
    std::string literal;
    std::optional<std::regex> pattern;  // any other pattern (ECMAScript, as a search)
    std::vector<std::int32_t> one_of;
  };

  std::int32_t compile(const rapidjson::Value& schema, const rapidjson::Value& root);
  void compile_pattern(Node& node, std::string_view pattern);
  static void compile_required(Node& node, const std::vector<std::string>& required);
  bool accepts(std::int32_t node, const rapidjson::Value& value) const;
  bool accepts_object(const Node& node, const rapidjson::Value& value) const;

  std::vector<Node> nodes_;
  std::map<const rapidjson::Value*, std::int32_t> compiled_refs_;  // shared definitions, compiled once
};

}  // namespace parley::detail
