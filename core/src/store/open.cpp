#include "parley/store/open.h"

#include <algorithm>

#include "parley/common/embedded.h"
#include "parley/schema/schema_extension.h"

namespace parley {

bool names_a_store(const std::vector<std::string>& paths) {
  return std::any_of(paths.begin(), paths.end(), [](const std::string& p) {
    return p != kEmbeddedDatasetName && Store::looks_like_store(p);
  });
}

std::unique_ptr<Database> open_dataset_or_store(const std::vector<std::string>& paths, const AsOf& as_of,
                                        Diagnostics& diagnostics, std::uint64_t max_file_bytes,
                                        const std::vector<std::string>& schema_paths, const ReadScope* scope,
                                        bool* read_in_part) {
  if (read_in_part) *read_in_part = false;
  const bool past = as_of.transaction || as_of.time;
  if (!names_a_store(paths)) {
    if (past) {
      diagnostics.add(ErrorCode::kUsage, "--as-of-tx and --as-of read a store's history; --db names no store");
      return nullptr;
    }
    return Database::open(paths, diagnostics, max_file_bytes, schema_paths);
  }
  if (!schema_paths.empty()) {
    diagnostics.add(ErrorCode::kUsage, "--schema extends the schema of JSON datasets; a store keeps the schema it was built with");
    return nullptr;
  }
  if (paths.size() != 1) {
    diagnostics.add(ErrorCode::kUsage, "a store is opened alone: give one --db, the store (merge JSON files into it with `parley build`)");
    return nullptr;
  }
  auto store = Store::open(paths.front(), diagnostics);
  if (!store) return nullptr;
  DatasetInfo about;
  if (!store->about(about, diagnostics)) return nullptr;
  bool ok = true;
  auto extended = store_schema(paths.front(), about, ok, diagnostics);
  if (!ok) return nullptr;
  if (store->format() < kStoreFormatVersion) {
    Location where;
    where.file = store->path();
    diagnostics.add_warning(ErrorCode::kIoError,
                            "a store of format version " + std::to_string(store->format()) +
                                ", read whole; its next write upgrades it to format version " +
                                std::to_string(kStoreFormatVersion) + ", whose queries read only what they need",
                            where);
  }
  if (scope) {
    Dataset subset;
    switch (store->read_scoped(extended ? *extended : embedded_schema(), as_of, *scope, subset, diagnostics)) {
      case Store::ScopedResult::kFailed:
        return nullptr;
      case Store::ScopedResult::kRead: {
        Diagnostics scoped;
        // The schema is shared: should the subset not do, the whole read below needs it too.
        subset.about = about;
        auto db = Database::from_dataset(std::move(subset), scoped, extended);
        // Every name must find its entity in the subset as in the whole store; one that does
        // not (its only keys were a retracted alias's) is answered, with suggestions, by the whole.
        const auto found = [&](const std::string& name) { return db && !db->find(name).empty(); };
        if (std::all_of(scope->names.begin(), scope->names.end(), found) &&
            std::all_of(scope->places.begin(), scope->places.end(), found)) {
          for (const auto& d : scoped.items()) diagnostics.add(d);
          if (read_in_part) *read_in_part = true;
          return db;
        }
        break;
      }
      case Store::ScopedResult::kWhole:
        break;
    }
  }
  Dataset dataset;
  if (!store->read(extended ? *extended : embedded_schema(), as_of, dataset, diagnostics)) return nullptr;
  dataset.about = std::move(about);
  return Database::from_dataset(std::move(dataset), diagnostics, extended);
}

std::shared_ptr<const RelationSchema> store_schema(const std::string& store_path, const DatasetInfo& about,
                                                   bool& ok, Diagnostics& diagnostics) {
  ok = true;
  if (about.schema.empty()) return nullptr;
  auto extended = extend_schema(embedded::relation_schema, "<embedded>/relations.json",
                                {SchemaExtensionText{store_path + " (its schema extension)", about.schema, ""}},
                                diagnostics);
  if (!extended) {
    ok = false;
    return nullptr;
  }
  return std::make_shared<const RelationSchema>(std::move(*extended));
}

}  // namespace parley
