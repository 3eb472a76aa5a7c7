// Turning command-line values into core query arguments. A malformed value is a usage error
// (thrown as boost::program_options::error, exit 2); a name that fits no entity, or several, is
// a query error (thrown as QueryError carrying the diagnostics, exit 3).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "option_values.h"
#include "parley/graph/database.h"
#include "parley/query/who_met.h"
#include "parley/common/date.h"
#include "parley/common/date_range.h"
#include "parley/common/status.h"

namespace parley::cli {

struct QueryError {
  Diagnostics diagnostics;
};

// The entity a user's name means; throws QueryError otherwise.
EntityIndex entity_argument(const Database& db, const std::string& name);

// --from / --to as a date range (either may be absent).
DateRange date_range_options(const OptionValues& vm);

// A comma-separated list of relation type names, each checked against the schema.
std::vector<RelationTypeId> relation_types_option(const Database& db, const std::string& option, const std::string& value);
// A comma-separated list of kind names, each checked against the schema.
std::vector<KindId> kinds_option(const Database& db, const std::string& option, const std::string& value);
// --status: "any" or a comma-separated list of event statuses from the schema.
std::vector<std::string> statuses_option(const Database& db, const std::string& value);
// --kinds: gathering kinds (with their subkinds), comma-separated; "gathering" names them all.
std::vector<KindId> kinds_option(const Database& db, const std::string& value);

// Splits "a,b, c" into trimmed, non-empty parts.
std::vector<std::string> split_list(const std::string& value);

}  // namespace parley::cli
