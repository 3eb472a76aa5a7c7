// The CAMEO event codebook (Conflict and Mediation Event Observations, version 1.1b3, with the
// codes GDELT added: 155, 176, 1834), which ICEWS and GDELT both code events with, and what
// parley makes of each code on import.
#pragma once

#include <optional>
#include <string_view>

namespace parley::import {

// The codebook's name of a CAMEO event code ("042" → "Make a visit"), or nullopt when the
// codebook has no such code.
std::optional<std::string_view> cameo_name(std::string_view code);

// What an imported row becomes, decided by its CAMEO code alone (docs/import.md).
enum class CodeClass {
  kVisit,             // 042 make a visit, 043 host a visit: one visit, either direction
  kMeeting,           // 044 meet at a third location
  kNegotiationRound,  // 046 engage in negotiation
  kCall,              // 041 discuss by telephone: no one met anyone
  kIntent,            // 036 express intent to meet or negotiate: planned or proposed, never held
  kConsultation,      // 040 consult: how they consulted is not said
  kOther,             // every other code: imported only when asked (--codes, --all-codes)
};

CodeClass classify_code(std::string_view code);

}  // namespace parley::import
