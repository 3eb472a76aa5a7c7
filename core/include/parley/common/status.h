// Errors as values. Every failure parley reports is a Diagnostic: a stable code that tests and
// scripts can match, a human message, and where it came from (file, line, column, JSON pointer,
// entity id and field). Loading collects all diagnostics rather than stopping at the first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley {

enum class ErrorCode {
  kIoError,             // a file could not be read or written
  kJsonSyntax,          // malformed JSON (includes invalid UTF-8 and NUL bytes)
  kSchemaViolation,     // JSON structure breaks schemas/dataset.schema.json
  kDuplicateId,         // two entities or sources share an id
  kUnknownSource,       // a citation names a source that is not listed
  kUnknownKind,         // an entity's kind is not in the relation schema
  kAbstractKind,        // an entity uses a kind that only groups other kinds
  kUnknownRelationType, // a relation's type is not in the relation schema
  kDanglingReference,   // a relation (or entity-valued property) names a missing entity
  kDomainViolation,     // a relation's source entity has a kind the type does not allow
  kRangeViolation,      // a relation's target entity has a kind the type does not allow
  kPropertyNotAllowed,  // a relation property the type does not declare
  kMissingProperty,     // a property the relation type requires is absent
  kAttributeNotAllowed, // an entity attribute its kind does not declare
  kInvalidValue,        // a value of the wrong type or outside its enumeration
  kInvalidDate,         // a date that does not parse or does not exist
  kAmbiguousName,       // a name or alias that would resolve to two entities
  kInvalidSchema,       // the relation schema itself is inconsistent
  kUsage,               // the command line is wrong
  kNameNotFound,        // a query names nothing in the dataset
  kNameAmbiguous,       // a query's name fits several entities
  kColumnCount,         // an event file's line has the wrong number of columns
  kInvalidEncoding,     // an event file's line is not valid UTF-8
  kMisplacedHeader,     // an event file's header line where a row belongs
  kUnknownCameoCode,    // an event file's row has a code the CAMEO codebook lacks
  kInvalidCoordinates,  // an event file's latitude or longitude is not a number in range
  kEmptyFile,           // an event file has no rows
  kWrongEvidence,       // a citation's kind (quote or coded record) does not fit its source
  kSelfRelation,        // a relation from an entity to itself
  kCycle,               // part_of or located_in relations that lead back to where they start
  kIdentityKindMismatch,  // same_as between entities of different kinds
  kIdentityChain,         // same_as names an entity that is itself folded into another
  kIdentityConflict,      // an entity declared the same as two others, or both same and distinct
  kSchemaRedefinition,    // a schema extension defines again what the schema has
  kLookalike,             // (a warning) entities of two files that look like one, undeclared
};

// An error stops a load (nothing is loaded); a warning is reported and the data loads.
enum class Severity : std::uint8_t { kError, kWarning };

// The stable, documented identifier of a code, e.g. "dangling-reference".
std::string_view error_code_name(ErrorCode code);

// Where a diagnostic points. Fields that are unknown stay empty / zero.
struct Location {
  std::string file;          // dataset path as given, or "<embedded>/name"
  std::uint32_t line = 0;    // 1-based; 0 when no position is known
  std::uint32_t column = 0;  // 1-based, counted in Unicode code points
  std::string json_pointer;  // RFC 6901 pointer into the document, e.g. "/relations/3/to"
  std::string record;        // the entity id, or "type from -> to" for a relation, when known
  std::string field;         // the field of that entity, when known
};

struct Diagnostic {
  ErrorCode code;
  std::string message;
  Location where;
  Severity severity = Severity::kError;

  // "file:line:column: error[code]: "record".field: message" ("warning[code]" for a
  // warning), falling back to the JSON pointer when no line is known.
  std::string to_string() const;
};

// An ordered collection of diagnostics. No errors (warnings allowed) means success.
class Diagnostics {
 public:
  // A file of a million bad rows would otherwise hold a million messages: past `limit`
  // diagnostics (0: no limit), further ones are only counted, by code. They still make the
  // load fail, and size() still counts them.
  void set_limit(std::size_t limit) { limit_ = limit; }
  bool full() const { return limit_ != 0 && items_.size() >= limit_; }

  void add(Diagnostic diagnostic) {
    if (diagnostic.severity == Severity::kWarning) ++warnings_;
    if (full()) return count_dropped(diagnostic.code);
    items_.push_back(std::move(diagnostic));
  }
  void add(ErrorCode code, std::string message, Location where = {}) {
    if (full()) return count_dropped(code);
    items_.push_back(Diagnostic{code, std::move(message), std::move(where)});
  }
  void add_warning(ErrorCode code, std::string message, Location where = {}) {
    add(Diagnostic{code, std::move(message), std::move(where), Severity::kWarning});
  }
  void append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d);
    for (const auto& [code, n] : other.dropped_) {
      for (std::size_t i = 0; i < n; ++i) count_dropped(code);
      if (code == ErrorCode::kLookalike) warnings_ += n;  // the one code that is a warning
    }
  }

  bool ok() const { return error_count() == 0; }
  // Errors and warnings reported, kept or not.
  std::size_t error_count() const { return size() - warnings_; }
  std::size_t warning_count() const { return warnings_; }
  // Orders diagnostics by file (in the order given), then line and column, so that a
  // report reads top to bottom whatever phase of checking found each problem.
  void sort_by_position(const std::vector<std::string>& file_order);
  // Every diagnostic reported, kept or not.
  std::size_t size() const { return items_.size() + dropped_total_; }
  // The diagnostics kept: the first `limit` reported.
  const std::vector<Diagnostic>& items() const { return items_; }
  // For editing diagnostics in place (positions, order), not their severity.
  std::vector<Diagnostic>& items() { return items_; }
  // Those past the limit, counted by code, most frequent first.
  std::vector<std::pair<ErrorCode, std::size_t>> dropped() const;

 private:
  void count_dropped(ErrorCode code);

  std::vector<Diagnostic> items_;
  std::size_t warnings_ = 0;
  std::size_t limit_ = 0;
  std::size_t dropped_total_ = 0;
  std::vector<std::pair<ErrorCode, std::size_t>> dropped_;  // by code, in order of first drop
};

}  // namespace parley
