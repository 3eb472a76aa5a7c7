// A program built against an installed parley (tests/install/install_test.sh): opens the
// embedded dataset and prints its version and number of entities.
#include <iostream>

#include "parley/graph/database.h"
#include "parley/version.h"

int main() {
  parley::Diagnostics diagnostics;
  const auto db = parley::Database::open({}, diagnostics);
  if (!db) {
    for (const auto& d : diagnostics.items()) std::cerr << d.to_string() << '\n';
    return 1;
  }
  std::cout << "parley " << parley::kVersion << ": " << db->dataset().entities.size() << " entities\n";
  return 0;
}
