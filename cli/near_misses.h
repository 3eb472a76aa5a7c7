// "Did you mean ...?" for a command or an option that does not exist: by spelling
// ("neigbours"), and by the words other tools and other Englishes use for the same thing
// ("neighbors", "--hops").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::cli {

// " (did you mean \"neighbours\"?)" or "" when no command is near `typed`.
std::string command_hint(std::string_view typed, const std::vector<std::string_view>& commands);

// " (did you mean --depth?)" or "" when no option is near `typed` ("--hops", "-hops" or "hops").
std::string option_hint(std::string_view typed, const std::vector<std::string_view>& options);

}  // namespace parley::cli
