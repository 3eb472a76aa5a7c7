// A coded record (the evidence of a fact from ICEWS or GDELT) as the JSON object a citation
// row holds, and back. A quoted citation holds "". Private to core/src/store.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parley/load/dataset.h"

namespace parley::store {

// {"event_id": ..., and each other field that is not empty}, in a fixed order.
std::string record_json(const CodedRecord& record);

// nullopt for text that is not such an object (a corrupt store).
std::optional<CodedRecord> parse_record_json(std::string_view text);

}  // namespace parley::store
