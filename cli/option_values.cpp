#include "option_values.h"

#include <algorithm>
#include <stdexcept>

namespace po = boost::program_options;

namespace parley::cli {
namespace {

[[noreturn]] void wrong_type() { throw std::logic_error("an option read as a type it does not have (cli/option_values.h)"); }

// Compared inline: names are a few letters, and a command looks up a dozen options a line, most
// of them absent, each against every option that has a value. std::string's == calls memcmp for
// each name of the same length: 380 instructions more of a 12,700-instruction line (callgrind).
bool same_name(const std::string& a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

OptionValue::OptionValue(const po::variable_value& value) : defaulted_(value.defaulted()) {
  const boost::any& held = value.value();
  if (held.empty()) return;
  if (const auto* text = boost::any_cast<std::string>(&held)) {
    type_ = Type::kText;
    text_ = *text;
  } else if (const auto* count = boost::any_cast<long long>(&held)) {
    type_ = Type::kCount;
    count_ = *count;
  } else if (const auto* list = boost::any_cast<std::vector<std::string>>(&held)) {
    type_ = Type::kList;
    list_ = *list;
  } else {
    throw std::logic_error("an option of a type parley's options do not have (cli/option_values.h)");
  }
}

template <>
const std::string& OptionValue::as<std::string>() const {
  if (type_ != Type::kText) wrong_type();
  return text_;
}

template <>
const long long& OptionValue::as<long long>() const {
  if (type_ != Type::kCount) wrong_type();
  return count_;
}

template <>
const std::vector<std::string>& OptionValue::as<std::vector<std::string>>() const {
  if (type_ != Type::kList) wrong_type();
  return list_;
}

OptionValues::OptionValues(const po::variables_map& vm, bool (*read_elsewhere)(std::string_view name)) {
  for (const auto& [name, value] : vm) {
    if (value.defaulted() && read_elsewhere && read_elsewhere(name)) continue;
    given_.push_back(Entry{name, OptionValue(value)});
  }
}

bool OptionValues::given(std::string_view name) const {
  for (const Entry& entry : given_) {
    if (same_name(entry.name, name)) return !entry.value.defaulted();
  }
  return false;
}

const OptionValue* OptionValues::find(std::string_view name) const {
  for (const Entry& entry : given_) {
    if (same_name(entry.name, name)) return &entry.value;
  }
  if (defaults_) {
    for (const Entry& entry : *defaults_) {
      if (same_name(entry.name, name)) return &entry.value;
    }
  }
  return nullptr;
}

const OptionValue& OptionValues::operator[](std::string_view name) const {
  static const OptionValue none;
  const OptionValue* value = find(name);
  return value ? *value : none;
}

void OptionValues::set(std::string_view name, OptionValue value) {
  for (Entry& entry : given_) {
    if (same_name(entry.name, name)) {
      entry.value = std::move(value);
      return;
    }
  }
  given_.push_back(Entry{std::string(name), std::move(value)});
}

std::vector<std::string_view> OptionValues::names() const {
  std::vector<std::string_view> out;
  for (const Entry& entry : given_) out.push_back(entry.name);
  if (defaults_) {
    for (const Entry& entry : *defaults_) {
      if (std::find(out.begin(), out.end(), entry.name) == out.end()) out.push_back(entry.name);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool same_variables(const OptionValues& a, const OptionValues& b) {
  const std::vector<std::string_view> names = a.names();
  if (names != b.names()) return false;
  return std::all_of(names.begin(), names.end(), [&](std::string_view name) { return a[name] == b[name]; });
}

}  // namespace parley::cli
