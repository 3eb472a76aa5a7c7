#include "parley/graph/database.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <system_error>
#include <sstream>

#include "load/diagnostic_sink.h"
#include "load/identity_merge.h"
#include "load/dataset_loader.h"
#include "parley/common/embedded.h"
#include "parley/common/file_text.h"
#include "parley/graph/lookalikes.h"
#include "parley/schema/schema_extension.h"

namespace parley {
namespace {

constexpr std::string_view kEmbeddedPrefix = "<embedded>/";
// Below this, a second thread costs more than it saves (the embedded dataset has about 1,000).
constexpr std::size_t kParallelBuildRelations = 100000;

std::string size_text(std::uint64_t bytes) {
  if (bytes % (std::uint64_t{1} << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
  if (bytes % (std::uint64_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

// Reads a dataset file, at most `max_bytes` of it. A regular file's size is known beforehand;
// a pipe or a device (`--db /dev/zero`) is read until the limit, or until a NUL byte, which no
// JSON text holds: what was read up to it is parsed, and the parser says where the NUL is.
std::optional<std::string> read_file(const std::string& path, std::uint64_t max_bytes, Diagnostics& diagnostics) {
  Location where;
  where.file = path;
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    diagnostics.add(ErrorCode::kIoError, "cannot read: it is a directory", where);
    return std::nullopt;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int cause = errno;
    diagnostics.add(ErrorCode::kIoError,
                    std::string("cannot open: ") + (cause ? std::strerror(cause) : "unknown reason"), where);
    return std::nullopt;
  }
  // Straight into a string of the file's size: copying through a stringstream took a tenth
  // of a large load. The loop takes whatever a pipe or a growing file gives beyond that.
  const auto too_large = [&] {
    diagnostics.add(ErrorCode::kIoError, "cannot read: the file is larger than the limit of " + size_text(max_bytes) +
                                             " for a dataset file", where);
    return std::nullopt;
  };
  std::string text;
  const bool regular = std::filesystem::is_regular_file(path, error);
  if (const auto size = std::filesystem::file_size(path, error); !error && regular) {
    if (size > max_bytes) return too_large();
    text.resize(size);
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  char chunk[1 << 16];
  while (in) {
    in.read(chunk, sizeof chunk);
    const auto got = static_cast<std::size_t>(in.gcount());
    text.append(chunk, got);
    if (text.size() > max_bytes) return too_large();
    if (!regular && std::memchr(chunk, '\0', got)) break;
  }
  if (in.bad()) {
    diagnostics.add(ErrorCode::kIoError, "read failed", where);
    return std::nullopt;
  }
  return text;
}

}  // namespace

const RelationSchema& embedded_schema() {
  static const RelationSchema schema = [] {
    Diagnostics diagnostics;
    auto parsed = RelationSchema::parse(embedded::relation_schema,
                                        std::string(kEmbeddedPrefix) + "relations.json", diagnostics);
    if (!parsed) std::abort();  // a build that embeds a broken schema fails its tests
    return std::move(*parsed);
  }();
  return schema;
}

const MetGraph& Database::met_graph() const {
  std::call_once(met_graph_built_, [this] {
    // People have met at a gathering the sources say was held: the same rule as who-met's
    // default --status held, so that the two commands never disagree.
    const EventTable& table = events();
    const auto held = [&table](EntityIndex gathering) {
      const auto slot = table.slot(gathering);
      return slot != EventTable::kNoSlot && table.status_name(table.status(slot)) == "held";
    };
    met_graph_ = std::make_unique<MetGraph>(build_met_graph(dataset_, *schema_, held));
  });
  return *met_graph_;
}

const EventTable& Database::events() const {
  std::call_once(events_built_, [this] { events_ = std::make_unique<EventTable>(EventTable::build(*this)); });
  return *events_;
}

std::optional<std::string> read_file_text(const std::string& path, std::uint64_t max_bytes, Diagnostics& diagnostics) {
  return read_file(path, max_bytes, diagnostics);
}

std::unique_ptr<Database> Database::open(const std::vector<std::string>& paths, Diagnostics& diagnostics,
                                         std::uint64_t max_file_bytes, const std::vector<std::string>& schema_paths) {
  const std::size_t errors_before = diagnostics.size();
  std::vector<Text> schema_texts;
  for (const auto& path : schema_paths) {
    if (auto text = read_file(path, max_file_bytes, diagnostics)) schema_texts.push_back(Text{path, std::move(*text)});
  }
  std::vector<Text> texts;
  const std::vector<std::string> wanted = paths.empty() ? std::vector<std::string>{std::string(kEmbeddedDatasetName)} : paths;
  for (const auto& path : wanted) {
    if (path == kEmbeddedDatasetName) {
      texts.push_back(Text{std::string(kEmbeddedPrefix) + "japan-russia.json", std::string(embedded::default_dataset)});
    } else if (auto text = read_file(path, max_file_bytes, diagnostics)) {
      texts.push_back(Text{path, std::move(*text)});
    }
  }
  if (diagnostics.size() != errors_before) return nullptr;
  return open_texts(std::move(texts), diagnostics, std::move(schema_texts));
}

std::unique_ptr<Database> Database::open_texts(std::vector<Text> texts, Diagnostics& diagnostics,
                                               std::vector<Text> schema_texts) {
  std::vector<detail::DatasetText> inputs;
  inputs.reserve(texts.size());
  for (auto& text : texts) inputs.push_back(detail::DatasetText{std::move(text.name), std::move(text.json)});

  std::unique_ptr<Database> db(new Database());
  db->schema_ = &embedded_schema();
  const std::size_t errors_before = diagnostics.size();

  // Extensions to the relation schema are read before any record: --schema files, then each
  // dataset's own "schema" member (most datasets have none, which costs a text search).
  std::vector<SchemaExtensionText> extensions;
  for (const auto& text : schema_texts) extensions.push_back(SchemaExtensionText{text.name, text.json, ""});
  for (const auto& input : inputs) {
    if (has_schema_member(input.text)) extensions.push_back(SchemaExtensionText{input.name, input.text, "/schema"});
  }
  if (!extensions.empty()) {
    auto extended = extend_schema(embedded::relation_schema, std::string(kEmbeddedPrefix) + "relations.json",
                                  extensions, diagnostics);
    if (!extended) {
      std::vector<std::string> order;
      for (const auto& e : extensions) order.push_back(e.file);
      diagnostics.sort_by_position(order);
      return nullptr;
    }
    db->own_schema_ = std::make_unique<const RelationSchema>(std::move(*extended));
    db->schema_ = db->own_schema_.get();
  }

  detail::load_datasets(inputs, *db->schema_, embedded::dataset_schema, db->dataset_, diagnostics);
  if (!schema_texts.empty()) {
    // The --schema files come before the files' own extensions, as they were applied.
    std::vector<std::string> in_order;
    for (const auto& text : schema_texts) in_order.push_back(text.json);
    if (!db->dataset_.about.schema.empty()) in_order.push_back(db->dataset_.about.schema);
    db->dataset_.about.schema = merge_schema_extensions(in_order);
  }
  if (diagnostics.size() == errors_before) detail::merge_identities(db->dataset_, *db->schema_, diagnostics);
  if (!db->index(diagnostics, diagnostics.size() == errors_before)) {
    detail::resolve_positions(inputs, diagnostics);
    diagnostics.sort_by_position(db->dataset_.files);
    return nullptr;
  }
  warn_lookalikes(db->dataset_, *db->schema_, db->names_, diagnostics);
  if (diagnostics.size() != errors_before) {
    // Warnings only: placed at their records, the files read again only if there are any.
    detail::resolve_positions(inputs, diagnostics);
    diagnostics.sort_by_position(db->dataset_.files);
  }
  return db;
}

std::unique_ptr<Database> Database::from_dataset(Dataset dataset, Diagnostics& diagnostics,
                                                 std::shared_ptr<const RelationSchema> schema) {
  std::unique_ptr<Database> db(new Database());
  db->schema_ = &embedded_schema();
  if (schema) {
    db->own_schema_ = std::move(schema);
    db->schema_ = db->own_schema_.get();
  }
  db->dataset_ = std::move(dataset);
  if (!db->index(diagnostics, true)) return nullptr;
  return db;
}

bool Database::index(Diagnostics& diagnostics, bool loaded) {
  const std::size_t errors_before = diagnostics.size();
  // The graph and the name index are built from the loaded dataset independently of each
  // other: for a large one, on two threads at once (the graph is dropped if names fail).
  std::future<Graph> graph;
  const bool large = dataset_.relations.size() >= kParallelBuildRelations;
  if (large && loaded) {
    try {
      graph = std::async(std::launch::async, [&dataset = dataset_] { return build_graph(dataset); });
    } catch (const std::system_error&) {
      // No thread to be had: the graph is built below, on this one.
    }
  }
  names_ = NameIndex::build(dataset_, diagnostics, schema_->name_titles());
  if (!loaded || diagnostics.size() != errors_before) {
    if (graph.valid()) graph.wait();
    return false;
  }
  graph_ = graph.valid() ? graph.get() : build_graph(dataset_);
  return true;
}

}  // namespace parley
