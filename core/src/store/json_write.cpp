#include "parley/store/json_write.h"

#include <algorithm>
#include <set>

#include "parley/common/embedded.h"
#include "parley/common/file_text.h"
#include "parley/export/canonical_json.h"
#include "parley/export/dataset_json.h"
#include "store/write_check.h"

namespace parley {
namespace {

constexpr std::string_view kEmbeddedDatasetFile = "<embedded>/japan-russia.json";

std::string canonical(const std::string& record) { return canonical_record(record).value_or(record); }

}  // namespace

std::optional<std::size_t> json_write_target(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  std::vector<std::size_t> writable;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (paths[i] != kEmbeddedDatasetName) writable.push_back(i);
  }
  if (writable.size() == 1) return writable.front();
  diagnostics.add(ErrorCode::kUsage,
                  writable.empty()
                      ? "writes go to a store (--db FILE.parley) or to a JSON dataset file (--db FILE.json); the "
                        "embedded dataset (@default) is never written"
                      : "a write goes to one file: name one JSON dataset with --db (beside @default, which is never "
                        "written), or merge the files into a store with `parley build`");
  return std::nullopt;
}

bool plan_json_writes(const std::vector<std::string>& paths, std::size_t target,
                      const std::vector<std::string>& schema_paths, std::uint64_t max_file_bytes,
                      const std::vector<Write>& writes, JsonWrite& out, Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.size();
  std::vector<Database::Text> texts, schema_texts;
  for (const auto& path : schema_paths) {
    if (auto text = read_file_text(path, max_file_bytes, diagnostics)) schema_texts.push_back({path, std::move(*text)});
  }
  for (const auto& path : paths) {
    if (path == kEmbeddedDatasetName) {
      texts.push_back({std::string(kEmbeddedDatasetFile), std::string(embedded::default_dataset)});
    } else if (auto text = read_file_text(path, max_file_bytes, diagnostics)) {
      texts.push_back({path, std::move(*text)});
    }
  }
  if (diagnostics.size() != errors_before) return false;
  const std::string& name = paths[target];
  const std::string& original = texts[target].json;  // until texts go to the load below

  CanonicalDataset file;
  if (!read_canonical_dataset(name, original, file, diagnostics)) return false;
  if (render_canonical_dataset(file) != original) {
    Location where;
    where.file = name;
    diagnostics.add(ErrorCode::kUsage,
                    "not in parley's canonical layout, which a write keeps so that a diff shows only its change; "
                    "run `parley fmt " + name + "` first (and commit that on its own)",
                    where);
    return false;
  }

  const auto current = Database::open_texts(std::move(texts), diagnostics, std::move(schema_texts));
  if (!current) return false;
  const Dataset& dataset = current->dataset();
  // The checks' extension: the --schema files' and the files' own, merged as the load read them
  // (the checked documents are written without one).
  std::vector<Database::Text> extensions;
  if (!dataset.about.schema.empty()) extensions.push_back({name + " (schema)", dataset.about.schema});

  // Rows, as a store numbers them, are the records' positions plus one (0 means "new").
  StoreRows rows;
  const auto count = [](std::size_t n) {
    std::vector<std::int64_t> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::int64_t>(i) + 1;
    return v;
  };
  rows.sources = count(dataset.sources.size());
  rows.entities = count(dataset.entities.size());
  rows.relations = count(dataset.relations.size());
  for (const auto& e : dataset.entities) {
    rows.aliases.push_back(count(e.aliases.size()));
    rows.attributes.push_back(count(e.attributes.size()));
  }

  const auto file_id = static_cast<std::uint32_t>(target);
  std::set<EntityIndex> folded_into;  // entities that others were folded into by same_as
  for (const auto& m : dataset.merged) folded_into.insert(m.into);
  const auto elsewhere = [&](const std::string& what, std::uint32_t file) {
    Location where;
    where.file = name;
    diagnostics.add(ErrorCode::kUsage,
                    what + " is in " + dataset.files[file] + ", which is not written; a write changes only " + name,
                    where);
    return false;
  };

  return detail::check_writes(
      dataset, rows, current->schema(), std::move(extensions), name, writes, diagnostics,
      [&](const detail::CheckedWrites& checked) {
        std::set<std::size_t> drop_sources, drop_entities, drop_relations;
        bool ok = true;
        for (const auto row : checked.changes.retract_sources) {
          const Source& source = dataset.sources[static_cast<std::size_t>(row - 1)];
          const auto at = std::find(file.source_ids.begin(), file.source_ids.end(), source.id);
          if (at == file.source_ids.end()) {
            Location where;
            where.file = name;
            diagnostics.add(ErrorCode::kUsage,
                            "source " + source.id + " is not in " + name + ", the only file a write changes", where);
            ok = false;
            continue;
          }
          drop_sources.insert(static_cast<std::size_t>(at - file.source_ids.begin()));
        }
        const auto own_entity = [&](EntityIndex e, const std::string& what) {
          const Entity& entity = dataset.entities[e];
          if (entity.origin.file != file_id) return elsewhere(what + " " + entity.id, entity.origin.file);
          if (folded_into.count(e)) {
            Location where;
            where.file = name;
            diagnostics.add(ErrorCode::kUsage,
                            what + " " + entity.id +
                                " has other entities folded into it by same_as; change it in a store, or edit the file",
                            where);
            return false;
          }
          return true;
        };
        for (const auto row : checked.changes.retract_entities) {
          const auto e = static_cast<EntityIndex>(row - 1);
          if (own_entity(e, "entity")) {
            drop_entities.insert(dataset.entities[e].origin.record);
          } else {
            ok = false;
          }
        }
        for (const auto row : checked.changes.retract_relations) {
          const Relation& relation = dataset.relations[static_cast<std::size_t>(row - 1)];
          if (relation.origin.file != file_id) {
            ok = elsewhere("relation " + current->schema().relation_type(relation.type).name + " " +
                               dataset.entities[relation.from].id + " -> " + dataset.entities[relation.to].id,
                           relation.origin.file) && ok;
            continue;
          }
          drop_relations.insert(relation.origin.record);
        }
        for (const auto& [e, entity] : checked.changed) {
          if (!own_entity(e, "entity")) {
            ok = false;
            continue;
          }
          file.entities[dataset.entities[e].origin.record] = canonical(entity_json(*entity, dataset, current->schema()));
        }
        if (!ok) return false;
        const auto erase = [](std::vector<std::string>& lines, const std::set<std::size_t>& drop) {
          for (auto i = drop.rbegin(); i != drop.rend(); ++i) lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(*i));
        };
        erase(file.sources, drop_sources);
        erase(file.entities, drop_entities);
        erase(file.relations, drop_relations);
        for (const auto s : checked.changes.new_sources) file.sources.push_back(canonical(source_json(checked.dataset.sources[s])));
        for (const auto e : checked.changes.new_entities) {
          file.entities.push_back(canonical(entity_json(checked.dataset.entities[e], checked.dataset, checked.schema)));
        }
        for (const auto r : checked.changes.new_relations) {
          file.relations.push_back(canonical(relation_json(checked.dataset.relations[r], checked.dataset, checked.schema)));
        }
        out.path = name;
        out.text = render_canonical_dataset(file);
        out.done = checked.done;
        return true;
      });
}

}  // namespace parley
