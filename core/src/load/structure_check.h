// Structural validation of dataset files against schemas/dataset.schema.json (JSON Schema
// draft-04). The verdict comes from the schema compiled to plain checks (compiled_schema.h);
// a rejected record goes through RapidJSON's validator, which names the violation and its
// place. The validator stops at the first violation, so the document's top level and each
// source, entity and relation are validated separately: every malformed record is reported,
// each with the JSON pointer of the offending value.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "load/diagnostic_sink.h"

namespace parley::detail {

enum class RecordKind { kDocument, kSource, kEntity, kRelation };

class StructureChecker {
 public:
  // Compiles the dataset JSON Schema. Throws std::runtime_error if the embedded schema itself
  // is malformed, which the test suite rules out.
  explicit StructureChecker(std::string_view dataset_schema_json);
  ~StructureChecker();
  StructureChecker(const StructureChecker&) = delete;
  StructureChecker& operator=(const StructureChecker&) = delete;

  // Validates one record located at `pointer`; adds a diagnostic and returns false if it breaks
  // the schema. For kDocument only the top level is checked, not the records inside the arrays.
  bool check(RecordKind kind, const rapidjson::Value& record, const std::string& pointer,
             DiagnosticSink& sink) const;

  // The verdict alone, from the compiled checks: no message. Safe to call from any thread.
  bool accepts(RecordKind kind, const rapidjson::Value& record) const;

  // Whether the compiled checks and RapidJSON's validator give `record` the same verdict; for
  // the tests and the loader fuzz target.
  bool verdicts_agree(RecordKind kind, const rapidjson::Value& record) const;

 private:
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace parley::detail
