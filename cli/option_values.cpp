#include "option_values.h"

#include <algorithm>
#include <optional>

namespace po = boost::program_options;

namespace parley::cli {

OptionValues::OptionValues(const po::variables_map& vm) {
  given_.reserve(vm.size());
  for (const auto& [name, value] : vm) given_.push_back(Entry{name, value});
}

const po::variable_value* OptionValues::find(std::string_view name) const {
  for (const Entry& entry : given_) {
    if (entry.name == name) return &entry.value;
  }
  if (defaults_) {
    for (const Entry& entry : *defaults_) {
      if (entry.name == name) return &entry.value;
    }
  }
  return nullptr;
}

const po::variable_value& OptionValues::operator[](std::string_view name) const {
  static const po::variable_value none;
  const po::variable_value* value = find(name);
  return value ? *value : none;
}

void OptionValues::set(std::string_view name, po::variable_value value) {
  for (Entry& entry : given_) {
    if (entry.name == name) {
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

namespace {

template <typename T>
std::optional<bool> same_if(const boost::any& a, const boost::any& b) {
  const T* x = boost::any_cast<T>(&a);
  const T* y = boost::any_cast<T>(&b);
  if (!x && !y) return std::nullopt;
  return x && y && *x == *y;
}

bool same_value(const boost::any& a, const boost::any& b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty();
  if (const auto same = same_if<std::string>(a, b)) return *same;
  if (const auto same = same_if<long long>(a, b)) return *same;
  if (const auto same = same_if<std::vector<std::string>>(a, b)) return *same;
  return false;  // a type no option of parley's has
}

}  // namespace

bool same_variables(const OptionValues& a, const OptionValues& b) {
  const std::vector<std::string_view> names = a.names();
  if (names != b.names()) return false;
  return std::all_of(names.begin(), names.end(), [&](std::string_view name) {
    return a[name].defaulted() == b[name].defaulted() && same_value(a[name].value(), b[name].value());
  });
}

}  // namespace parley::cli
