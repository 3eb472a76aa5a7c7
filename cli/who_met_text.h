// Pieces of who-met's answers shared by its person and state forms.
#pragma once

#include <cstddef>
#include <string>

#include "json_output.h"
#include "parley/graph/database.h"
#include "parley/query/who_met.h"

namespace parley::cli {

// "status held", and the kinds counted when a query chose them: "status held; kinds call".
std::string status_label(const Database& db, const MeetingFilter& filter);
// What the answer counts: "meetings", or "gatherings" of the kinds a query chose.
std::string counted_noun(const MeetingFilter& filter, std::size_t n);
// "statuses": the statuses kept, [] for any; "kinds": the gathering kinds counted as meetings.
void write_statuses(JsonOutput& json, const Database& db, const MeetingFilter& filter);

}  // namespace parley::cli
