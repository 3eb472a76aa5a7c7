// The format version every JSON and JSON-lines answer carries, and the writer that puts it there.
// Each answer is one object whose first member is "format": "parley-answer/N". Within version N
// members may be added; removing or renaming a member or changing a value's type makes it N+1
// (docs/queries.md, "Stable JSON"). tests/shapes/ holds the shape of every answer, checked
// against this version.
#pragma once

#include <string_view>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace parley::cli {

inline constexpr std::string_view kAnswerFormat = "parley-answer/1";

// A RapidJSON writer (Writer or PrettyWriter) that writes the format member first in its
// outermost object, so that no command writes it, or can forget it. An answer is therefore an
// object, never an outermost array (tests/shapes/ checks every answer carries the member).
template <typename Base>
class AnswerWriter : public Base {
 public:
  explicit AnswerWriter(rapidjson::StringBuffer& buffer) : Base(buffer) {}
  bool StartObject() {
    const bool outermost = Base::level_stack_.Empty();
    const bool ok = Base::StartObject();
    if (outermost) {
      Base::Key("format");
      Base::String(kAnswerFormat.data(), static_cast<rapidjson::SizeType>(kAnswerFormat.size()));
    }
    return ok;
  }
};

using PrettyAnswerWriter = AnswerWriter<rapidjson::PrettyWriter<rapidjson::StringBuffer>>;
using OneLineAnswerWriter = AnswerWriter<rapidjson::Writer<rapidjson::StringBuffer>>;

}  // namespace parley::cli
