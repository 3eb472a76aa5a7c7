#include "parley/graph/database.h"

#include <cstdlib>
#include <future>
#include <system_error>

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

const Attendance& Database::attendance() const {
  std::call_once(attendance_built_, [this] {
    // People have met at a gathering the sources say was held: the same rule as who-met's
    // default --status held, so that the two commands never disagree.
    const EventTable& table = events();
    const auto held = [&table](EntityIndex gathering) {
      const auto slot = table.slot(gathering);
      return slot != EventTable::kNoSlot && table.status_name(table.status(slot)) == "held";
    };
    attendance_ = std::make_unique<Attendance>(Attendance::build(dataset_, *schema_, held));
  });
  return *attendance_;
}

const EventTable& Database::events() const {
  std::call_once(events_built_, [this] { events_ = std::make_unique<EventTable>(EventTable::build(*this)); });
  return *events_;
}

std::unique_ptr<Database> Database::open(const std::vector<std::string>& paths, Diagnostics& diagnostics,
                                         std::uint64_t max_file_bytes, const std::vector<std::string>& schema_paths) {
  const std::size_t errors_before = diagnostics.size();
  std::vector<Text> schema_texts;
  for (const auto& path : schema_paths) {
    if (auto text = read_file_text(path, max_file_bytes, diagnostics)) schema_texts.push_back(Text{path, std::move(*text)});
  }
  // Dataset files are read in place (mapped), the embedded one from the binary.
  std::vector<FileText> files;
  std::vector<detail::DatasetText> inputs;
  const std::vector<std::string> wanted = paths.empty() ? std::vector<std::string>{std::string(kEmbeddedDatasetName)} : paths;
  files.reserve(wanted.size());
  for (const auto& path : wanted) {
    if (path == kEmbeddedDatasetName) {
      inputs.push_back(detail::DatasetText{std::string(kEmbeddedPrefix) + "japan-russia.json", embedded::default_dataset});
    } else if (auto text = FileText::read(path, max_file_bytes, diagnostics)) {
      files.push_back(std::move(*text));  // reserved: `file` below stays where it is
      FileText& file = files.back();
      inputs.push_back(detail::DatasetText{path, file.view(), [&file](std::size_t offset) { file.release_before(offset); }});
    }
  }
  if (diagnostics.size() != errors_before) return nullptr;
  return open_inputs(inputs, diagnostics, schema_texts);
}

std::unique_ptr<Database> Database::open_texts(std::vector<Text> texts, Diagnostics& diagnostics,
                                               std::vector<Text> schema_texts) {
  std::vector<detail::DatasetText> inputs;
  inputs.reserve(texts.size());
  for (const auto& text : texts) inputs.push_back(detail::DatasetText{text.name, text.json});
  return open_inputs(inputs, diagnostics, schema_texts);
}

std::unique_ptr<Database> Database::open_inputs(const std::vector<detail::DatasetText>& inputs, Diagnostics& diagnostics,
                                                const std::vector<Text>& schema_texts) {
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
