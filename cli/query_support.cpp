#include "query_support.h"

#include <algorithm>

#include "options.h"
#include "parley/query/resolve.h"
#include "parley/common/suggest.h"

namespace po = boost::program_options;

namespace parley::cli {

EntityIndex entity_argument(const Database& db, const std::string& name) {
  QueryError error;
  const auto entity = resolve_entity(db, name, error.diagnostics);
  if (!entity) throw error;
  return *entity;
}

DateRange date_range_options(const OptionValues& vm) {
  DateRange range{date_option(vm, "from"), date_option(vm, "to")};
  if (range.from && range.to && range.from->first_day() > range.to->last_day()) {
    throw po::error("--from " + range.from->to_string() + " is after --to " + range.to->to_string());
  }
  return range;
}

std::vector<std::string> split_list(const std::string& value) {
  std::vector<std::string> parts;
  std::string_view rest = value;
  while (true) {
    const std::size_t comma = rest.find(',');
    std::string_view part = rest.substr(0, comma);
    const auto first = part.find_first_not_of(' ');
    if (first != std::string_view::npos) {
      part = part.substr(first, part.find_last_not_of(' ') - first + 1);
      parts.emplace_back(part);
    }
    if (comma == std::string_view::npos) return parts;
    rest.remove_prefix(comma + 1);
  }
}

std::vector<RelationTypeId> relation_types_option(const Database& db, const std::string& option, const std::string& value) {
  std::vector<std::string_view> known;
  for (RelationTypeId t = 0; t < db.schema().relation_type_count(); ++t) known.push_back(db.schema().relation_type(t).name);
  std::vector<RelationTypeId> types;
  for (const auto& name : split_list(value)) {
    const auto type = db.schema().find_relation_type(name);
    if (!type) throw po::error("--" + option + ": no relation type \"" + name + "\"" + did_you_mean(name, known));
    types.push_back(*type);
  }
  return types;
}

std::vector<KindId> kinds_option(const Database& db, const std::string& option, const std::string& value) {
  std::vector<std::string_view> known;
  for (KindId k = 0; k < db.schema().kind_count(); ++k) known.push_back(db.schema().kind(k).name);
  std::vector<KindId> kinds;
  for (const auto& name : split_list(value)) {
    const auto kind = db.schema().find_kind(name);
    if (!kind) throw po::error("--" + option + ": no kind \"" + name + "\"" + did_you_mean(name, known));
    kinds.push_back(*kind);
  }
  return kinds;
}

std::vector<std::string> statuses_option(const Database& db, const std::string& value) {
  if (value == "any") return {};
  const AttributeSpec* spec = db.schema().find_attribute(*db.schema().core_names().event, "status");
  std::vector<std::string> statuses = split_list(value);
  for (const auto& status : statuses) {
    if (std::find(spec->value.allowed.begin(), spec->value.allowed.end(), status) == spec->value.allowed.end()) {
      std::string allowed = "any";
      for (const auto& a : spec->value.allowed) allowed += ", " + a;
      throw po::error("--status \"" + status + "\" is not one of " + allowed);
    }
  }
  return statuses;
}

std::vector<KindId> kinds_option(const Database& db, const std::string& value) {
  const RelationSchema& schema = db.schema();
  std::vector<std::string_view> gathering_kinds;
  for (KindId k = 0; k < schema.kind_count(); ++k) {
    if (schema.is_gathering(k)) gathering_kinds.push_back(schema.kind(k).name);
  }
  std::vector<KindId> kinds;
  for (const auto& name : split_list(value)) {
    const auto kind = schema.find_kind(name);
    if (!kind || !schema.is_gathering(*kind)) {
      std::string known;
      for (const auto k : gathering_kinds) known += (known.empty() ? "" : ", ") + std::string(k);
      throw po::error("--kinds \"" + name + "\" is not a gathering kind" + did_you_mean(name, gathering_kinds) + "; the kinds are " +
                      known);
    }
    kinds.push_back(*kind);
  }
  if (kinds.empty()) throw po::error("--kinds needs at least one gathering kind");
  return kinds;
}

}  // namespace parley::cli
