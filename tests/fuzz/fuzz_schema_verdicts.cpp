// libFuzzer target: any bytes as JSON, checked against the dataset schema twice, by parley's
// compiled checks (compiled_schema.h) and by RapidJSON's validator. The loader trusts the
// first's "valid" without asking the second, so the two must never disagree: on the document
// and on every element of its arrays, each under every record kind's schema.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/json_reader.h"
#include "parley/common/embedded.h"
#include "load/structure_check.h"

namespace {

using parley::detail::RecordKind;

void check_all_kinds(const parley::detail::StructureChecker& checker, const rapidjson::Value& value) {
  for (const auto kind : {RecordKind::kDocument, RecordKind::kSource, RecordKind::kEntity, RecordKind::kRelation}) {
    if (!checker.verdicts_agree(kind, value)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const parley::detail::StructureChecker checker(parley::embedded::dataset_schema);
  rapidjson::Document doc;
  if (parley::detail::parse_json_strict(std::string_view(reinterpret_cast<const char*>(data), size), doc)) return 0;
  const rapidjson::Value& root = doc;
  check_all_kinds(checker, root);
  if (!root.IsObject()) return 0;
  for (const auto& member : root.GetObject()) {
    if (!member.value.IsArray()) continue;
    for (const auto& element : member.value.GetArray()) check_all_kinds(checker, element);
  }
  return 0;
}
