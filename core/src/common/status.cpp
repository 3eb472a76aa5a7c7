#include "parley/common/status.h"

#include <algorithm>
#include <tuple>

#include "parley/common/terminal_text.h"

namespace parley {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kIoError: return "io-error";
    case ErrorCode::kJsonSyntax: return "json-syntax";
    case ErrorCode::kSchemaViolation: return "schema-violation";
    case ErrorCode::kDuplicateId: return "duplicate-id";
    case ErrorCode::kUnknownSource: return "unknown-source";
    case ErrorCode::kUnknownKind: return "unknown-kind";
    case ErrorCode::kAbstractKind: return "abstract-kind";
    case ErrorCode::kUnknownRelationType: return "unknown-relation-type";
    case ErrorCode::kDanglingReference: return "dangling-reference";
    case ErrorCode::kDomainViolation: return "domain-violation";
    case ErrorCode::kRangeViolation: return "range-violation";
    case ErrorCode::kPropertyNotAllowed: return "property-not-allowed";
    case ErrorCode::kMissingProperty: return "missing-property";
    case ErrorCode::kAttributeNotAllowed: return "attribute-not-allowed";
    case ErrorCode::kInvalidValue: return "invalid-value";
    case ErrorCode::kInvalidDate: return "invalid-date";
    case ErrorCode::kAmbiguousName: return "ambiguous-name";
    case ErrorCode::kInvalidSchema: return "invalid-schema";
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kNameNotFound: return "name-not-found";
    case ErrorCode::kNameAmbiguous: return "name-ambiguous";
    case ErrorCode::kColumnCount: return "column-count";
    case ErrorCode::kInvalidEncoding: return "invalid-utf8";
    case ErrorCode::kMisplacedHeader: return "misplaced-header";
    case ErrorCode::kUnknownCameoCode: return "unknown-cameo-code";
    case ErrorCode::kInvalidCoordinates: return "invalid-coordinates";
    case ErrorCode::kEmptyFile: return "empty-file";
    case ErrorCode::kWrongEvidence: return "wrong-evidence";
    case ErrorCode::kSelfRelation: return "self-relation";
    case ErrorCode::kCycle: return "cycle";
    case ErrorCode::kIdentityKindMismatch: return "identity-kind-mismatch";
    case ErrorCode::kIdentityChain: return "identity-chain";
    case ErrorCode::kIdentityConflict: return "identity-conflict";
    case ErrorCode::kSchemaRedefinition: return "schema-redefinition";
    case ErrorCode::kLookalike: return "lookalike";
  }
  return "unknown";
}

void Diagnostics::count_dropped(ErrorCode code) {
  ++dropped_total_;
  for (auto& [c, n] : dropped_) {
    if (c == code) return void(++n);
  }
  dropped_.emplace_back(code, 1);
}

std::vector<std::pair<ErrorCode, std::size_t>> Diagnostics::dropped() const {
  auto counts = dropped_;
  std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return counts;
}

void Diagnostics::sort_by_position(const std::vector<std::string>& file_order) {
  const auto rank = [&](const Diagnostic& d) {
    const auto it = std::find(file_order.begin(), file_order.end(), d.where.file);
    return std::tuple(it - file_order.begin(), d.where.line, d.where.column);
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
}

std::string Diagnostic::to_string() const {
  std::string out;
  // A path or a member name may hold a line feed; the message stays one line (but for lists a
  // message itself sets out on lines of its own).
  if (!where.file.empty()) out += single_line(where.file);
  if (where.line > 0) {
    out += ':' + std::to_string(where.line) + ':' + std::to_string(where.column);
  } else if (!where.json_pointer.empty()) {
    out += (out.empty() ? "" : ":") + std::string("pointer ") + single_line(where.json_pointer);
  }
  if (!out.empty()) out += ": ";
  out += severity == Severity::kWarning ? "warning[" : "error[";
  out += error_code_name(code);
  out += "]: ";
  if (!where.record.empty()) {
    // An absurdly long id would drown the message; JSON output keeps it whole.
    constexpr std::size_t kShown = 60;
    std::size_t cut = std::min(where.record.size(), kShown);
    while (cut < where.record.size() && (static_cast<unsigned char>(where.record[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    out += '"' + (cut < where.record.size() ? where.record.substr(0, cut) + "..." : where.record) + '"';
    if (!where.field.empty()) out += '.' + shorten_for_message(where.field);
    out += ": ";
  } else if (!where.field.empty()) {
    out += shorten_for_message(where.field) + ": ";
  }
  out += message;
  return out;
}

}  // namespace parley
