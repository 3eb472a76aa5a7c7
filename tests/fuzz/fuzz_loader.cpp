// libFuzzer target: any bytes as a dataset file. Loading must either succeed or report located
// diagnostics; it must never crash, hang or leak. A dataset that loads is also exported, so
// the exporters see whatever the loader accepts.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parley/graph/database.h"
#include "parley/export/dot_export.h"
#include "parley/export/graphml_export.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  parley::Diagnostics diagnostics;
  const auto db = parley::Database::open_texts({{"fuzz.json", std::string(reinterpret_cast<const char*>(data), size)}},
                                               diagnostics);
  if (!db) {
    for (const auto& d : diagnostics.items()) {
      // Every diagnostic about the file must say where: a line or at least a pointer.
      if (d.where.file == "fuzz.json" && d.where.line == 0 && d.where.json_pointer.empty()) __builtin_trap();
    }
    return 0;
  }
  auto whole = parley::Subgraph::whole(db->dataset());
  (void)parley::to_dot(*db, whole);
  (void)parley::to_graphml(*db, whole);
  return 0;
}
