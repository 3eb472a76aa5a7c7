#include "load/dataset_loader.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "load/diagnostic_sink.h"
#include "load/json_reader.h"
#include "load/record_stream.h"
#include "parley/common/date.h"
#include "parley/common/suggest.h"
#include "parley/common/terminal_text.h"
#include "load/structure_check.h"

namespace parley::detail {
namespace {

using rapidjson::Value;

std::string text_of(const Value& v) { return std::string(v.GetString(), v.GetStringLength()); }
std::string_view view_of(const Value& v) { return std::string_view(v.GetString(), v.GetStringLength()); }

std::string optional_text(const Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString() ? text_of(it->value) : std::string();
}

// A plain decimal number, the whole text: digits with an optional sign, point and exponent (no
// "nan", "inf", hexadecimal or spaces, which strtod would take).
std::optional<double> parse_decimal(std::string_view text) {
  if (text.empty() || text.size() > 40) return std::nullopt;
  if (text.find_first_not_of("0123456789+-.eE") != std::string_view::npos) return std::nullopt;
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

bool has_control_character(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

// What makes `name` unfit to be a name, or nullptr. A NUL ends C strings early; a line feed
// would split the line of every answer that shows the name, where it cannot be told from the
// answer's own line feeds, so a name is one line. (Other controls, a carriage return among
// them, are shown escaped: terminal_text.h.)
const char* name_problem(std::string_view name) {
  for (const char c : name) {
    if (c == '\0') return "a NUL character";
    if (c == '\n') return "a line feed: a name is one line";
  }
  return nullptr;
}

// A value quoted in a message: a 10 MB key is named by its start and its length.
std::string quoted(std::string_view value) { return "\"" + shorten_for_message(value) + "\""; }

// The longest duration accepted: a century. Longer ones are typing slips or overflow
// attempts ("PT99999999999999999999H"); no meeting or visit lasts so long.
constexpr std::uint64_t kMaxDurationSeconds = 100ull * 366 * 24 * 3600;

// The seconds a valid ISO 8601 duration stands for (see is_valid_duration), or more than
// kMaxDurationSeconds when it is longer; never overflows.
std::uint64_t duration_seconds(std::string_view text) {
  std::uint64_t total = 0;
  std::uint64_t number = 0;
  bool in_time = false;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      number = std::min<std::uint64_t>(number * 10 + static_cast<unsigned>(c - '0'), kMaxDurationSeconds + 1);
      continue;
    }
    const std::uint64_t unit = c == 'D' ? 86400 : c == 'H' ? 3600 : c == 'M' ? (in_time ? 60 : 0) : c == 'S' ? 1 : 0;
    if (c == 'T') in_time = true;
    total = std::min(total + number * unit, kMaxDurationSeconds + 1);
    number = 0;
  }
  return total;
}

// One file's parsed document with its place in the merged dataset.
struct ParsedFile {
  const DatasetText* input;
  std::uint32_t index;
  rapidjson::Document doc;
  bool usable = false;  // parsed and its top level is well-formed
};

class Loader {
 public:
  Loader(const RelationSchema& schema, std::string_view json_schema, Dataset& dataset, Diagnostics& diagnostics)
      : schema_(schema),
        structure_(checker_for(json_schema)),
        dataset_(dataset),
        diagnostics_(diagnostics),
        from_property_(schema.find_property("from")),
        until_property_(schema.find_property("until")) {
    for (KindId k = 0; k < schema.kind_count(); ++k) kind_names_.push_back(schema.kind(k).name);
    for (RelationTypeId t = 0; t < schema.relation_type_count(); ++t) {
      type_names_.push_back(schema.relation_type(t).name);
    }
  }

  bool load(const std::vector<DatasetText>& inputs, LoadPath path, Reading reading) {
    if (path != LoadPath::kWholeDocuments) {
      // A cycle is a finding too: the reading of whole documents reports it, in its place.
      if (Diagnostics cycles; load_streaming(inputs, reading) && (report_cycles(cycles), cycles.ok())) return true;
      // Something is wrong, or a record refers forward to one not read yet: start again from
      // whole documents, which check everything in order and report every problem.
      dataset_ = Dataset{};
      broken_.clear();
      kinds_.clear();
      records_by_source_.clear();
      relation_by_id_.clear();
      if (path == LoadPath::kStreamedOnly) return false;
    }
    load_whole_documents(inputs);
    report_cycles(diagnostics_);
    return true;
  }

 private:
  using RecordHandler = void (Loader::*)(std::uint32_t, const Value&, std::uint32_t, const std::string&,
                                         DiagnosticSink&);

  // "/entities/12": the pointer of a record in one of the three arrays, written into `out`
  // (reused from record to record). The array names need no escaping.
  static void record_pointer(std::string_view array, std::uint32_t index, std::string& out) {
    out.assign("/").append(array).append("/").append(std::to_string(index));
  }

  static RecordHandler handler_for(RecordKind kind) {
    return kind == RecordKind::kSource ? &Loader::add_source
           : kind == RecordKind::kEntity ? &Loader::add_entity
                                         : &Loader::add_relation;
  }

  // The fast path, for data with nothing to report: each file read once, record by record, with
  // the same checks as below, and no document held. It gives up at the first finding of any
  // kind, and when a citation or relation names a record further on (its own file's sources
  // after its entities, say, or an entity of a later file), which the loop below allows.
  bool load_streaming(const std::vector<DatasetText>& inputs, Reading reading) {
    Diagnostics findings;
    std::string pointer;
    std::size_t bytes = 0;
    for (const auto& input : inputs) bytes += input.text.size();
    // Room for the records the files are likely to hold, guessed from their size (datasets
    // seen so far have 200-400 bytes of JSON per relation and 800-900 per entity): growing by
    // doubling moved every record several times and held the old array beside the new one. A
    // guess too large costs address space only, as pages never written are never faulted in;
    // too small, and the arrays grow from there.
    dataset_.relations.reserve(bytes / 200);
    dataset_.entities.reserve(bytes / 800);
    for (const auto& input : inputs) {
      const auto file_index = static_cast<std::uint32_t>(dataset_.files.size());
      dataset_.files.push_back(input.name);
      DiagnosticSink sink(input.name, findings);
      const auto kind_of = [](std::string_view array) {
        return array == "sources" ? RecordKind::kSource
               : array == "entities" ? RecordKind::kEntity
                                     : RecordKind::kRelation;
      };
      // The structure verdict is made where the record is parsed (possibly another thread);
      // a rejected record stops the reading, and the reading of whole documents says why.
      const auto check = [&](std::string_view array, const Value& record) {
        return structure_.accepts(kind_of(array), record);
      };
      const auto visit = [&](std::string_view array, std::uint32_t index, const Value& record) {
        record_pointer(array, index, pointer);
        (this->*handler_for(kind_of(array)))(file_index, record, index, pointer, sink);
        return findings.size() == 0;
      };
      // A relation's two ids are looked up in an index far larger than the cache: asking for
      // a whole batch's slots first lets those misses overlap.
      const auto look_ahead = [&](std::string_view array, const Value& record) {
        if (array != "relations") return;
        for (const char* end : {"from", "to"}) {
          if (const auto id = record.FindMember(end); id != record.MemberEnd() && id->value.IsString()) {
            dataset_.entity_by_id.prefetch(view_of(id->value));
          }
        }
      };
      rapidjson::Document skeleton;
      const StreamOptions options{
          .reading = reading, .check = check, .look_ahead = look_ahead, .read_up_to = input.read_up_to};
      if (!stream_records(input.text, visit, skeleton, options) || findings.size() != 0) return false;
      if (!skeleton.IsObject() || !structure_.check(RecordKind::kDocument, skeleton, "", sink)) return false;
      add_identities(file_index, skeleton, sink);  // kept whole in the skeleton: not a records array
      add_about(skeleton);
      if (findings.size() != 0) return false;
    }
    // A relation's id may clash with an entity of a later file, not read when the relation
    // was: the reading of whole documents reports it.
    for (const auto& [id, origin] : relation_by_id_) {
      if (dataset_.find_entity(id)) return false;
    }
    return true;
  }

  void load_whole_documents(const std::vector<DatasetText>& inputs) {
    std::vector<ParsedFile> files(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      files[i].input = &inputs[i];
      files[i].index = static_cast<std::uint32_t>(dataset_.files.size());
      dataset_.files.push_back(inputs[i].name);
      parse(files[i]);
    }
    // Sources first, then entities, then relations, each across all files, so that any file
    // may cite a source or refer to an entity that another file declares.
    // Reserved up front: growing by doubling would hold the old and the new array at once, at
    // the moment the whole document is in memory too.
    dataset_.entities.reserve(dataset_.entities.size() + record_count(files, "entities"));
    dataset_.entity_by_id.reserve(dataset_.entities.capacity());
    dataset_.relations.reserve(dataset_.relations.size() + record_count(files, "relations"));
    for (auto& file : files) each_record(file, "sources", RecordKind::kSource, &Loader::add_source);
    for (auto& file : files) each_record(file, "entities", RecordKind::kEntity, &Loader::add_entity);
    for (auto& file : files) each_record(file, "relations", RecordKind::kRelation, &Loader::add_relation);
    for (auto& file : files) {
      if (!file.usable) continue;
      DiagnosticSink sink(file.input->name, diagnostics_);
      add_identities(file.index, file.doc, sink);
      add_about(file.doc);
    }
  }

  // What the file says about itself (structurally checked already): the first title and
  // description of any file, and every file's schema extension, merged.
  void add_about(const Value& top) {
    DatasetInfo& about = dataset_.about;
    const auto text = [&top](const char* name) -> std::string_view {
      const auto member = top.FindMember(name);
      return member != top.MemberEnd() && member->value.IsString() ? view_of(member->value) : std::string_view();
    };
    if (about.title.empty()) about.title = text("title");
    if (about.description.empty()) about.description = text("description");
    const auto schema = top.FindMember("schema");
    if (schema == top.MemberEnd() || !schema->value.IsObject()) return;
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    schema->value.Accept(writer);
    std::string extension(buffer.GetString(), buffer.GetSize());
    about.schema = about.schema.empty() ? std::move(extension) : merge_schema_extensions({about.schema, extension});
  }

  // The file's "identity" records, structurally checked already. Their ids are resolved once
  // every file is loaded (identity_merge.h), since they may name entities of any file.
  void add_identities(std::uint32_t file, const Value& top, DiagnosticSink& sink) {
    const auto list = top.FindMember("identity");
    if (list == top.MemberEnd() || !list->value.IsArray()) return;
    for (rapidjson::SizeType i = 0; i < list->value.Size(); ++i) {
      const Value& record = list->value[i];
      IdentityDeclaration declaration;
      declaration.entity = text_of(record["entity"]);
      declaration.file = file;
      declaration.record = i;
      int claims = 0;
      for (const auto claim : {IdentityClaim::kSameAs, IdentityClaim::kDistinctFrom, IdentityClaim::kCandidate}) {
        const std::string_view member = identity_member(claim);
        const auto other = record.FindMember(rapidjson::StringRef(member.data(), member.size()));
        if (other == record.MemberEnd()) continue;
        declaration.other = text_of(other->value);
        declaration.claim = claim;
        ++claims;
      }
      if (claims != 1) {
        sink.add(ErrorCode::kSchemaViolation,
                 "an identity record needs exactly one of same_as, distinct_from or candidate",
                 declaration.pointer(), declaration.entity);
        continue;
      }
      dataset_.identities.push_back(std::move(declaration));
    }
  }

  void parse(ParsedFile& file) {
    DiagnosticSink sink(file.input->name, diagnostics_);
    if (const auto error = parse_json_strict(file.input->text, file.doc)) {
      sink.add_at_offset(ErrorCode::kJsonSyntax, error->message, file.input->text, error->offset);
      return;
    }
    if (!file.doc.IsObject()) {
      sink.add(ErrorCode::kSchemaViolation,
               "a dataset must be a JSON object with \"format\", \"sources\", \"entities\" and \"relations\"", "");
      return;
    }
    file.usable = structure_.check(RecordKind::kDocument, file.doc, "", sink);
  }

  static std::size_t record_count(const std::vector<ParsedFile>& files, const char* array) {
    std::size_t count = 0;
    for (const auto& file : files) {
      if (file.usable) count += file.doc[array].Size();
    }
    return count;
  }

  void each_record(const ParsedFile& file, const char* array, RecordKind kind, RecordHandler handler) {
    if (!file.usable) return;
    DiagnosticSink sink(file.input->name, diagnostics_);
    const Value& records = file.doc[array];
    std::string pointer;  // one buffer for every record's pointer: no allocation per record
    for (rapidjson::SizeType i = 0; i < records.Size(); ++i) {
      record_pointer(array, i, pointer);
      if (structure_.check(kind, records[i], pointer, sink)) {
        (this->*handler)(file.index, records[i], i, pointer, sink);
      } else {
        register_placeholder(kind, records[i], file, i);
      }
    }
  }

  // A record that broke the JSON Schema has been reported; its id (if readable) is still
  // registered so that references to it do not add a second, misleading error.
  void register_placeholder(RecordKind kind, const Value& record, const ParsedFile& file, std::uint32_t index) {
    if (!record.IsObject()) return;
    const auto id = record.FindMember("id");
    if (id == record.MemberEnd() || !id->value.IsString() || id->value.GetStringLength() == 0) return;
    if (kind == RecordKind::kSource) {
      if (dataset_.source_by_id.insert(view_of(id->value), static_cast<SourceIndex>(dataset_.sources.size()))) {
        dataset_.sources.push_back(Source{text_of(id->value), {}, {}, {}, {}, {}, {}, {}, {}, {}});
      }
    } else if (kind == RecordKind::kEntity) {
      register_entity(Entity{text_of(id->value), 0, {}, {}, {}, {}, Origin{file.index, index}}, /*broken=*/true);
    }
  }

  // Adds an entity unless its id is taken; a broken one has already been reported and is
  // exempt from kind checks on the relations that name it.
  bool register_entity(Entity entity, bool broken) {
    const auto position = static_cast<EntityIndex>(dataset_.entities.size());
    if (!dataset_.entity_by_id.insert(entity.id, position)) return false;
    if (broken) broken_.insert(position);
    kinds_.push_back(entity.kind);
    dataset_.entities.push_back(std::move(entity));
    return true;
  }

  // A citation list known to be structurally valid; unknown sources are reported. `owner()`
  // names the record, and `pointer()` gives its citations' JSON pointer, only when needed.
  template <typename Owner, typename Pointer>
  bool read_citations(const Value& list, const Pointer& pointer, const Owner& owner, CitationList& out,
                      DiagnosticSink& sink) {
    bool ok = true;
    out.reserve(list.Size());
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      const std::string_view source_id = view_of(list[i]["source"]);
      const auto source = dataset_.source_by_id.find(source_id);
      if (!source) {
        std::vector<std::string_view> known;
        for (const auto& s : dataset_.sources) known.push_back(s.id);
        sink.add(ErrorCode::kUnknownSource,
                 "cites source " + quoted(source_id) + ", which no file lists" + did_you_mean(source_id, known),
                 pointer() + "/" + std::to_string(i) + "/source", owner(), "sources");
        ok = false;
        continue;
      }
      const Value& citation = list[i];
      const auto quote = citation.FindMember("quote");
      const auto record = citation.FindMember("record");
      const Source& cited = dataset_.sources[*source];
      // A document is quoted; coded event data is cited by record. Never both, never neither.
      const bool fits = cited.is_coded() ? record != citation.MemberEnd() && quote == citation.MemberEnd()
                                         : quote != citation.MemberEnd() && record == citation.MemberEnd();
      if (!fits) {
        sink.add(ErrorCode::kWrongEvidence,
                 cited.is_coded()
                     ? "source \"" + cited.id + "\" is coded event data: cite one of its rows with \"record\" (its event_id), not a quote"
                     : "source \"" + cited.id + "\" is a document: a citation of it needs a verbatim \"quote\"" +
                           (record != citation.MemberEnd() ? " (a \"record\" is for a source with \"evidence\": \"coded_records\")" : ""),
                 pointer() + "/" + std::to_string(i), owner(), "sources");
        ok = false;
        continue;
      }
      if (cited.is_coded()) {
        out.push_back(Citation{*source, intern_record(*source, record->value), {}});
      } else {
        const std::string_view text = view_of(quote->value);
        if (text.find('\0') != std::string_view::npos) {
          sink.add(ErrorCode::kInvalidValue, "a quote must not contain a NUL character",
                   pointer() + "/" + std::to_string(i) + "/quote", owner(), "sources");
          ok = false;
          continue;
        }
        out.push_back(Citation{*source, kNoRecord, dataset_.quote_text->keep(text)});
      }
    }
    return ok;
  }

  // The one stored copy of a source's record: facts cite the same row many times, in full once
  // (on the gathering) and by event id elsewhere, so fields a citation gives fill in those missing.
  std::uint32_t intern_record(SourceIndex source, const Value& record) {
    const std::string_view event_id = view_of(record["event_id"]);
    if (records_by_source_.size() <= source) records_by_source_.resize(source + 1);
    IdIndex& index = records_by_source_[source];
    auto at = index.find(event_id);
    if (!at) {
      at = static_cast<std::uint32_t>(dataset_.records.size());
      index.insert(event_id, *at);
      dataset_.records.push_back(CodedRecord{std::string(event_id), {}, {}, {}, {}, {}, {}});
    }
    CodedRecord& stored = dataset_.records[*at];
    const auto fill = [&](std::string& field, const char* name) {
      if (!field.empty()) return;
      const auto member = record.FindMember(name);
      if (member != record.MemberEnd()) field = text_of(member->value);
    };
    fill(stored.story_id, "story_id");
    fill(stored.sentence, "sentence");
    fill(stored.publisher, "publisher");
    fill(stored.cameo, "cameo");
    fill(stored.event_text, "event_text");
    fill(stored.url, "url");
    return *at;
  }

  bool check_identifier(std::string_view id, const std::string& pointer, const char* what, DiagnosticSink& sink) {
    // An id is typed on command lines and shown in every message: no character a terminal
    // would obey (C0, DEL, C1, bidi controls; see terminal_text.h) may hide in one.
    if (has_control_character(id) || needs_terminal_escaping(id) || id.front() == ' ' || id.back() == ' ') {
      sink.add(ErrorCode::kInvalidValue,
               std::string(what) +
                   " id must not contain control characters (C0, DEL, C1), bidi controls, or begin or end with a space",
               pointer);
      return false;
    }
    return true;
  }

  void add_source(std::uint32_t, const Value& record, std::uint32_t, const std::string& pointer,
                  DiagnosticSink& sink) {
    Source source;
    source.id = text_of(record["id"]);
    if (!check_identifier(source.id, pointer + "/id", "a source", sink)) return;
    source.publisher = text_of(record["publisher"]);
    source.title = text_of(record["title"]);
    source.published = optional_text(record, "published");
    source.file = optional_text(record, "file");
    source.url = optional_text(record, "url");
    source.note = optional_text(record, "note");
    source.evidence = optional_text(record, "evidence");
    source.byline = optional_text(record, "byline");
    if (const auto authors = record.FindMember("authors"); authors != record.MemberEnd()) {
      for (rapidjson::SizeType i = 0; i < authors->value.Size(); ++i) {
        std::string author = text_of(authors->value[i]);
        if (const char* problem = name_problem(author)) {
          sink.add(ErrorCode::kInvalidValue, std::string("an author's name must not contain ") + problem,
                   pointer + "/authors/" + std::to_string(i), source.id, "authors");
          return;
        }
        source.authors.push_back(std::move(author));
      }
    }
    std::string error;
    if (!source.published.empty() && !FuzzyDate::parse(source.published, &error)) {
      sink.add(ErrorCode::kInvalidDate, error, pointer + "/published", source.id, "published");
      return;
    }
    if (!dataset_.source_by_id.insert(source.id, static_cast<SourceIndex>(dataset_.sources.size()))) {
      sink.add(ErrorCode::kDuplicateId, "source id \"" + source.id + "\" is already used", pointer + "/id",
               source.id, "id");
      return;
    }
    dataset_.sources.push_back(std::move(source));
  }

  // Checks a value against its spec; returns an error message, empty when it is valid.
  std::string check_value(const ValueSpec& spec, const Value& value) const {
    switch (spec.type) {
      case ValueType::kInteger:
        return value.IsInt64() ? "" : "expected an integer";
      case ValueType::kText:
        if (!value.IsString()) return "expected text (a string)";
        if (view_of(value).find('\0') != std::string_view::npos) return "must not contain a NUL character";
        return value.GetStringLength() == 0 ? "must not be empty" : "";
      case ValueType::kDate: {
        if (!value.IsString()) return "expected a date (a string)";
        std::string error;
        return FuzzyDate::parse(view_of(value), &error) ? "" : error;
      }
      case ValueType::kDuration:
        if (!value.IsString()) return "expected a duration (a string)";
        if (!is_valid_duration(view_of(value))) return "expected an ISO 8601 duration such as \"PT45M\" or \"~PT4H\"";
        return duration_seconds(view_of(value)) > kMaxDurationSeconds
                   ? "duration " + quoted(view_of(value)) + " is longer than a century, the longest accepted"
                   : "";
      case ValueType::kEnum: {
        if (!value.IsString()) return "expected one of the listed values (a string)";
        const std::string_view text = view_of(value);
        if (std::find(spec.allowed.begin(), spec.allowed.end(), text) != spec.allowed.end()) return "";
        std::string allowed;
        for (const auto& a : spec.allowed) allowed += (allowed.empty() ? "" : ", ") + a;
        return quoted(text) + " is not one of " + allowed;
      }
      case ValueType::kNumber: {
        const auto number = value.IsInt64() ? std::optional<double>(static_cast<double>(value.GetInt64()))
                            : value.IsString() ? parse_decimal(view_of(value))
                                               : std::nullopt;
        if (!number) return "expected a decimal number such as \"21.0245\"";
        if (*number < spec.minimum || *number > spec.maximum) {
          return format_number(*number) + " is outside the range " + format_number(spec.minimum) + " to " +
                 format_number(spec.maximum);
        }
        return "";
      }
      case ValueType::kEntity:
        if (!value.IsString()) return "expected an entity id (a string)";
        return dataset_.find_entity(view_of(value)) ? "" : "names no entity " + quoted(view_of(value));
    }
    return "";
  }

  static std::string value_text(const Value& value) {
    return value.IsString() ? text_of(value) : std::to_string(value.GetInt64());
  }

  void add_entity(std::uint32_t file, const Value& record, std::uint32_t index, const std::string& pointer,
                  DiagnosticSink& sink) {
    Entity entity;
    entity.id = text_of(record["id"]);
    entity.origin = Origin{file, index};
    if (!check_identifier(entity.id, pointer + "/id", "an entity", sink)) return;

    const std::string kind_name = text_of(record["kind"]);
    const bool known_kind = schema_.find_kind(kind_name).has_value();
    bool broken = !known_kind;
    if (const auto kind = schema_.find_kind(kind_name)) {
      entity.kind = *kind;
      if (schema_.kind(*kind).is_abstract) {
        std::vector<std::string_view> below;
        for (KindId k = 0; k < schema_.kind_count(); ++k) {
          if (k != *kind && !schema_.kind(k).is_abstract && schema_.is_a(k, *kind)) below.push_back(schema_.kind(k).name);
        }
        std::string list;
        for (const auto& b : below) list += (list.empty() ? "" : ", ") + std::string(b);
        sink.add(ErrorCode::kAbstractKind,
                 "kind \"" + kind_name + "\" only groups other kinds; use one of: " + list,
                 pointer + "/kind", entity.id, "kind");
        broken = true;
      }
    } else {
      sink.add(ErrorCode::kUnknownKind,
               "kind " + quoted(kind_name) + " is not defined by the relation schema" + did_you_mean(kind_name, kind_names_),
               pointer + "/kind", entity.id, "kind");
    }

    entity.name = text_of(record["name"]);
    if (const char* problem = name_problem(entity.name)) {
      sink.add(ErrorCode::kInvalidValue, std::string("a name must not contain ") + problem, pointer + "/name", entity.id,
               "name");
    }
    read_citations(record["sources"], [&] { return pointer + "/sources"; }, [&] { return entity.id; }, entity.citations, sink);

    if (const auto aliases = record.FindMember("aliases"); aliases != record.MemberEnd()) {
      entity.aliases.reserve(aliases->value.Size());
      for (rapidjson::SizeType i = 0; i < aliases->value.Size(); ++i) {
        const Value& a = aliases->value[i];
        const auto at = [&] { return pointer + "/aliases/" + std::to_string(i); };  // only for a message
        Alias alias;
        if (a.IsString()) {
          alias.name = text_of(a);
        } else {
          alias.name = text_of(a["name"]);
          alias.note = optional_text(a, "note");
          if (const auto s = a.FindMember("sources"); s != a.MemberEnd()) {
            read_citations(s->value, [&] { return at() + "/sources"; }, [&] { return entity.id; }, alias.citations, sink);
          }
        }
        if (const char* problem = name_problem(alias.name)) {
          sink.add(ErrorCode::kInvalidValue, std::string("an alias must not contain ") + problem, at(), entity.id,
                   "aliases");
        }
        entity.aliases.push_back(std::move(alias));
      }
    }

    // An event that ends before it starts took place on no day at all.
    std::optional<FuzzyDate> start_date, end_date;
    rapidjson::SizeType end_date_at = 0;
    if (const auto attributes = record.FindMember("attributes"); attributes != record.MemberEnd()) {
      entity.attributes.reserve(attributes->value.Size());  // one allocation, not one per doubling
      for (rapidjson::SizeType i = 0; i < attributes->value.Size(); ++i) {
        const Value& a = attributes->value[i];
        const auto at = [&] { return pointer + "/attributes/" + std::to_string(i); };  // only for a message
        Attribute attribute;
        attribute.name = text_of(a["name"]);
        // Without a known kind there is nothing to check attributes against; the kind error
        // has been reported already.
        if (known_kind) {
          const AttributeSpec* spec = schema_.find_attribute(entity.kind, attribute.name);
          if (!spec) {
            std::vector<std::string_view> allowed;
            std::string list;
            for (const auto* s : schema_.attributes_of(entity.kind)) {
              allowed.push_back(s->name);
              list += (list.empty() ? "" : ", ") + s->name;
            }
            sink.add(ErrorCode::kAttributeNotAllowed,
                     "kind \"" + kind_name + "\" has no attribute " + quoted(attribute.name) +
                         did_you_mean(attribute.name, allowed) + "; it may carry: " + list,
                     at() + "/name", entity.id, attribute.name);
            continue;
          }
          if (const std::string error = check_value(spec->value, a["value"]); !error.empty()) {
            const ErrorCode code = spec->value.type == ValueType::kDate ? ErrorCode::kInvalidDate : ErrorCode::kInvalidValue;
            sink.add(code, error, at() + "/value", entity.id, attribute.name);
            continue;
          }
        }
        attribute.value = value_text(a["value"]);
        attribute.qualifier = optional_text(a, "qualifier");
        attribute.attribution = optional_text(a, "attribution");
        if (attribute.name == "date" && !start_date) start_date = FuzzyDate::parse(attribute.value);
        if (attribute.name == "end_date" && !end_date) {
          end_date = FuzzyDate::parse(attribute.value);
          end_date_at = i;
        }
        read_citations(a["sources"], [&] { return at() + "/sources"; }, [&] { return entity.id; }, attribute.citations, sink);
        entity.attributes.push_back(std::move(attribute));
      }
    }

    if (start_date && end_date && end_date->last_day() < start_date->first_day()) {
      sink.add(ErrorCode::kInvalidDate,
               "end_date " + end_date->to_string() + " is before its date " + start_date->to_string(),
               pointer + "/attributes/" + std::to_string(end_date_at) + "/value", entity.id, "end_date");
    }
    if (const auto first = dataset_.find_entity(entity.id)) {
      const Entity& existing = dataset_.entities[*first];
      sink.add(ErrorCode::kDuplicateId,
               "entity id \"" + entity.id + "\" is already used by the entity declared at " +
                   dataset_.files[existing.origin.file] + " " + existing.pointer(),
               pointer + "/id", entity.id, "id");
      return;
    }
    register_entity(std::move(entity), broken);
  }

  void add_relation(std::uint32_t file, const Value& record, std::uint32_t index, const std::string& pointer,
                    DiagnosticSink& sink) {
    Relation relation;
    relation.origin = Origin{file, index};
    // Views into the document, and the relation's label only when a message needs it: most
    // relations are valid, and a large dataset has millions.
    const std::string_view type_name = view_of(record["type"]);
    const std::string_view from_id = view_of(record["from"]);
    const std::string_view to_id = view_of(record["to"]);
    // A relation with an id is named by it; one without, by its type and ends.
    const auto id_member = record.FindMember("id");
    const std::string_view relation_id = id_member != record.MemberEnd() ? view_of(id_member->value) : std::string_view();
    const auto label = [&] {
      return relation_id.empty() ? std::string(type_name) + " " + std::string(from_id) + " -> " + std::string(to_id)
                                 : std::string(relation_id);
    };
    bool ok = true;
    if (!relation_id.empty()) {
      if (!check_identifier(relation_id, pointer + "/id", "a relation", sink)) return;
      relation.id = std::string(relation_id);
      const auto [first, added] =
          relation_by_id_.try_emplace(relation.id, Origin{file, index});
      if (!added) {
        sink.add(ErrorCode::kDuplicateId,
                 "relation id " + quoted(relation_id) + " is already used by the relation declared at " +
                     dataset_.files[first->second.file] + " /relations/" + std::to_string(first->second.record),
                 pointer + "/id", label(), "id");
        ok = false;
      } else if (const auto entity = dataset_.find_entity(relation_id)) {
        // One id names one record: a relation's id is never also an entity's, so a message or
        // an answer that gives an id leaves no doubt which record it means.
        sink.add(ErrorCode::kDuplicateId,
                 "relation id " + quoted(relation_id) + " is already used by the entity declared at " +
                     dataset_.files[dataset_.entities[*entity].origin.file] + " " + dataset_.entities[*entity].pointer(),
                 pointer + "/id", label(), "id");
        ok = false;
      }
    }

    const auto type = schema_.find_relation_type(type_name);
    if (!type) {
      sink.add(ErrorCode::kUnknownRelationType,
               "relation type " + quoted(type_name) + " is not defined by the relation schema" +
                   did_you_mean(type_name, type_names_),
               pointer + "/type", label(), "type");
      ok = false;
    }
    const auto endpoint = [&](std::string_view id, const char* field) -> std::optional<EntityIndex> {
      const auto found = dataset_.find_entity(id);
      if (!found) {
        sink.add(ErrorCode::kDanglingReference, "refers to entity \"" + std::string(id) + "\", which no file declares",
                 pointer + "/" + field, label(), field);
      }
      return found;
    };
    const auto from = endpoint(from_id, "from");
    const auto to = endpoint(to_id, "to");
    if (!type || !from || !to) return;
    relation.type = *type;
    relation.from = *from;
    relation.to = *to;
    const RelationTypeSpec& spec = schema_.relation_type(*type);

    const auto kinds_text = [&](const std::vector<KindId>& kinds) {
      std::string out;
      for (const KindId k : kinds) out += (out.empty() ? "" : ", ") + schema_.kind(k).name;
      return out;
    };
    const KindId from_kind = kinds_[*from];
    const KindId to_kind = kinds_[*to];
    if (!is_broken(*from) && !schema_.allows_from(*type, from_kind)) {
      sink.add(ErrorCode::kDomainViolation,
               "\"" + std::string(from_id) + "\" is of kind " + schema_.kind(from_kind).name + ", but " + std::string(type_name) +
                   " goes from: " + kinds_text(spec.domain),
               pointer + "/from", label(), "from");
      ok = false;
    }
    if (!is_broken(*to) && !schema_.allows_to(*type, to_kind)) {
      sink.add(ErrorCode::kRangeViolation,
               "\"" + std::string(to_id) + "\" is of kind " + schema_.kind(to_kind).name + ", but " + std::string(type_name) +
                   " goes to: " + kinds_text(spec.range),
               pointer + "/to", label(), "to");
      ok = false;
    }

    // No relation type of the schema relates a thing to itself ("abe represents abe", "an
    // event is part of itself"); such a record is a copying slip, and would put a loop on
    // the graph that every search would have to step over.
    if (ok && *from == *to) {
      sink.add(ErrorCode::kSelfRelation,
               "relates " + quoted(from_id) + " to itself; a " + std::string(type_name) + " relation joins two entities",
               pointer + "/to", label(), "to");
      ok = false;
    }
    if (const auto properties = record.FindMember("properties"); properties != record.MemberEnd()) {
      relation.properties.reserve(properties->value.MemberCount());
      for (const auto& member : properties->value.GetObject()) {
        const std::string_view name = view_of(member.name);
        const auto at = [&] { return pointer_join(pointer + "/properties", name); };  // only for a message
        const auto property = schema_.find_property(name);
        const bool allowed = property && std::find(spec.allowed.begin(), spec.allowed.end(), *property) != spec.allowed.end();
        if (!allowed) {
          std::vector<std::string_view> names;
          std::string list;
          for (const PropertyId p : spec.allowed) {
            names.push_back(schema_.property(p).name);
            list += (list.empty() ? "" : ", ") + schema_.property(p).name;
          }
          sink.add(ErrorCode::kPropertyNotAllowed,
                   std::string(type_name) + " does not carry property " + quoted(name) +
                       did_you_mean(name, names) + (list.empty() ? "; it carries none" : "; it may carry: " + list),
                   at(), label(), std::string(name));
          ok = false;
          continue;
        }
        if (const std::string error = check_value(schema_.property(*property).value, member.value); !error.empty()) {
          const ValueType vt = schema_.property(*property).value.type;
          const ErrorCode code = vt == ValueType::kDate ? ErrorCode::kInvalidDate
                                 : vt == ValueType::kEntity ? ErrorCode::kDanglingReference
                                                            : ErrorCode::kInvalidValue;
          sink.add(code, error, at(), label(), std::string(name));
          ok = false;
          continue;
        }
        relation.properties.push_back(PropertyValue{*property, value_text(member.value)});
      }
    }
    check_date_order(relation, pointer, label, sink, ok);
    for (const PropertyId required : spec.required) {
      if (relation.property(required).empty()) {
        sink.add(ErrorCode::kMissingProperty,
                 std::string(type_name) + " requires property \"" + schema_.property(required).name + "\"", pointer, label(),
                 schema_.property(required).name);
        ok = false;
      }
    }
    ok = read_citations(record["sources"], [&] { return pointer + "/sources"; }, label, relation.citations, sink) && ok;
    if (ok) dataset_.relations.push_back(std::move(relation));
  }

  // `until` before `from`: the relation would hold for no day at all.
  template <typename Label>
  void check_date_order(const Relation& relation, const std::string& pointer, const Label& label, DiagnosticSink& sink,
                        bool& ok) {
    if (!from_property_ || !until_property_ || relation.properties.empty()) return;
    const std::string_view from = relation.property(*from_property_);
    const std::string_view until = relation.property(*until_property_);
    if (from.empty() || until.empty()) return;
    const auto start = FuzzyDate::parse(from);
    const auto end = FuzzyDate::parse(until);
    if (start && end && end->last_day() < start->first_day()) {
      sink.add(ErrorCode::kInvalidDate, "until " + std::string(until) + " is before from " + std::string(from),
               pointer + "/properties/until",
               label(), "until");
      ok = false;
    }
  }

  // part_of and located_in say what lies inside what: followed from any entity, they must never
  // lead back to it. One message per cycle, at the relation that closes it.
  void report_cycles(Diagnostics& out) {
    for (const char* type_name : {"part_of", "located_in"}) {
      const auto type = schema_.find_relation_type(type_name);
      if (!type) continue;
      // What each entity is directly inside, as one array in entity order (a list per entity
      // would be an allocation for each of a large dataset's places).
      const std::size_t n = dataset_.entities.size();
      std::vector<std::uint32_t> first(n + 1, 0);
      for (const Relation& relation : dataset_.relations) {
        if (relation.type == *type && relation.from != relation.to) ++first[relation.from + 1];
      }
      for (std::size_t e = 0; e < n; ++e) first[e + 1] += first[e];
      if (first[n] == 0) continue;
      std::vector<RelationIndex> contained_in(first[n]);
      std::vector<std::uint32_t> filled(first.begin(), first.end() - 1);
      for (RelationIndex r = 0; r < dataset_.relations.size(); ++r) {
        const Relation& relation = dataset_.relations[r];
        if (relation.type == *type && relation.from != relation.to) contained_in[filled[relation.from]++] = r;
      }
      // Depth-first, iteratively (a chain may be long): 0 unseen, 1 on the current path, 2 done.
      std::vector<std::uint8_t> state(dataset_.entities.size(), 0);
      std::vector<std::pair<EntityIndex, std::size_t>> stack;
      for (EntityIndex root = 0; root < dataset_.entities.size(); ++root) {
        if (state[root] != 0 || first[root] == first[root + 1]) continue;
        stack.emplace_back(root, 0);
        state[root] = 1;
        while (!stack.empty()) {
          auto& [entity, next] = stack.back();
          if (first[entity] + next == first[entity + 1]) {
            state[entity] = 2;
            stack.pop_back();
            continue;
          }
          const RelationIndex r = contained_in[first[entity] + next++];
          const EntityIndex to = dataset_.relations[r].to;
          if (state[to] == 1) {
            report_cycle(type_name, r, stack, to, out);
          } else if (state[to] == 0) {
            state[to] = 1;
            stack.emplace_back(to, 0);
          }
        }
      }
    }
  }

  void report_cycle(const char* type_name, RelationIndex closing, const std::vector<std::pair<EntityIndex, std::size_t>>& path,
                    EntityIndex back_to, Diagnostics& out) {
    std::string chain;
    bool inside = false;
    for (const auto& step : path) {
      inside = inside || step.first == back_to;
      if (inside) chain += shorten_for_message(dataset_.entities[step.first].id, 40) + " -> ";
    }
    chain += shorten_for_message(dataset_.entities[back_to].id, 40);
    const Relation& relation = dataset_.relations[closing];
    const std::string& from = dataset_.entities[relation.from].id;
    const std::string& to = dataset_.entities[relation.to].id;
    Location where;
    where.file = dataset_.files[relation.origin.file];
    where.json_pointer = "/relations/" + std::to_string(relation.origin.record) + "/to";
    where.record = relation.id.empty() ? std::string(type_name) + " " + from + " -> " + to : relation.id;
    where.field = "to";
    out.add(ErrorCode::kCycle,
                     std::string(type_name) + " leads back to where it started: " + chain +
                         "; what contains a thing cannot also be inside it",
                     std::move(where));
  }

  const RelationSchema& schema_;
  // Compiling the JSON Schema costs more than loading a small dataset: do it once per schema
  // text for the whole process (the embedded one, in practice).
  static const StructureChecker& checker_for(std::string_view json_schema) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<StructureChecker>, std::less<>> compiled;
    const std::lock_guard<std::mutex> lock(mutex);
    auto it = compiled.find(json_schema);
    if (it == compiled.end()) {
      it = compiled.emplace(std::string(json_schema), std::make_unique<StructureChecker>(json_schema)).first;
    }
    return *it->second;
  }

  const StructureChecker& structure_;
  Dataset& dataset_;
  Diagnostics& diagnostics_;
  std::unordered_set<EntityIndex> broken_;  // entities already reported as malformed
  // Each source's coded records by event id, as positions in Dataset::records.
  std::vector<IdIndex> records_by_source_;
  std::unordered_map<std::string, Origin> relation_by_id_;  // where each relation id was first declared
  bool is_broken(EntityIndex e) const { return !broken_.empty() && broken_.count(e) > 0; }
  // Every entity's kind, packed: each relation checks both ends' kinds, and reading them from
  // the entities themselves cost a cache miss per end on a large dataset.
  std::vector<KindId> kinds_;
  std::vector<std::string_view> kind_names_;
  std::vector<std::string_view> type_names_;
  // Looked up once: every relation is checked for an `until` before its `from`.
  std::optional<PropertyId> from_property_;
  std::optional<PropertyId> until_property_;
};

}  // namespace

bool load_datasets(const std::vector<DatasetText>& inputs, const RelationSchema& schema,
                   std::string_view dataset_json_schema, Dataset& dataset, Diagnostics& diagnostics,
                   LoadPath path, Reading reading) {
  return Loader(schema, dataset_json_schema, dataset, diagnostics).load(inputs, path, reading);
}

void resolve_positions(const std::vector<DatasetText>& inputs, Diagnostics& diagnostics) {
  for (const auto& input : inputs) resolve_positions(input.name, input.text, diagnostics);
}

}  // namespace parley::detail
