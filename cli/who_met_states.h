// who-met asked of a state: the meetings of the people who act for it (parley/query/state_meetings.h),
// each row saying who represented whom, as text, JSON or a graph.
#pragma once

#include <optional>

#include "commands.h"
#include "parley/query/who_met.h"

namespace parley::cli {

int run_who_met_states(const CommandContext& context, const Database& db, EntityIndex a, std::optional<EntityIndex> b,
                       const MeetingFilter& filter);

}  // namespace parley::cli
