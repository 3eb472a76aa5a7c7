// Pieces of who-met's answers shared by its person and state forms.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

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
// "a" and, when given, "b": the entities asked about.
void write_asked(JsonOutput& json, const Database& db, EntityIndex a, std::optional<EntityIndex> b);

// The gatherings the status filter leaves out of an answer, so that "no meetings" (Trump and
// Putin: cancelled talks) is explained. `ask` gives the answer's rows for a filter (here: the
// same one with any status); the event table's status tells the left-out rows from the kept
// ones. Empty when the filter keeps any status.
std::vector<MeetingRow> left_out_by_status(const Database& db, const MeetingFilter& filter,
                                              const std::function<std::vector<MeetingRow>(const MeetingFilter&)>& ask);
// "not_counted": the id, name and status of each, from the event table (no facts are read: a
// hub leaves out thousands).
void write_not_counted(JsonOutput& json, const Database& db, const std::vector<MeetingRow>& rows);
// "  not counted: NAME (DATE, STATUS); see --status any", a line each.
void print_not_counted(std::ostream& out, const Database& db, const std::vector<MeetingRow>& rows);

// "1 June 2018; 14 June 2018": the dates of the answer's meetings `which`, `date_of(m)` being
// meeting m's narrowest date (its facts' or the event table's: they are the same).
void print_dates(std::ostream& out, const std::vector<std::size_t>& which,
                 const std::function<std::optional<FuzzyDate>(std::size_t)>& date_of);
// "counterparts": each counterpart, its meeting count and the ids of its meetings.
// `meeting_id(m)` is the id of the answer's meeting m.
void write_counterparts(JsonOutput& json, const Database& db, const std::vector<Counterpart>& counterparts,
                        const std::function<std::string_view(std::size_t)>& meeting_id);
// The counterparts under `heading`, a line each: name, count and the dates of the meetings
// (`date_of(m)`, as print_dates).
void print_counterparts(std::ostream& out, const Database& db, std::string_view heading,
                        const std::vector<Counterpart>& counterparts,
                        const std::function<std::optional<FuzzyDate>(std::size_t)>& date_of);

}  // namespace parley::cli
