// The options of one command line, by name: what a command reads its options from.
//
// It answers as Program_options' variables_map does (count, operator[], a value's defaulted()),
// but a line's own values sit in a short list, with the defaults of its command behind them,
// built once per command and shared by every line. A batch reads thousands of lines, and a
// variables_map per line (a tree node, a key and a copied value for each of a dozen defaults,
// then a string comparison down the tree for every lookup) was a third of a small answer.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

namespace parley::cli {

class OptionValues {
 public:
  // One option's value under its name.
  struct Entry {
    std::string name;
    boost::program_options::variable_value value;
  };
  using Defaults = std::shared_ptr<const std::vector<Entry>>;

  OptionValues() = default;
  // Every variable Program_options stored, defaulted ones included.
  explicit OptionValues(const boost::program_options::variables_map& vm);
  // The values a line gave, each name once, before `defaults` (the command's, shared).
  OptionValues(std::vector<Entry> given, Defaults defaults) : given_(std::move(given)), defaults_(std::move(defaults)) {}

  // 1 when the option was given or has a default, else 0 (as variables_map::count).
  std::size_t count(std::string_view name) const { return find(name) ? 1 : 0; }
  // The option's value; an empty one when it has none (as variables_map::operator[]).
  const boost::program_options::variable_value& operator[](std::string_view name) const;
  // Gives the option a value, as if the line had given it. A reference operator[] gave before
  // may not survive this (the list may grow), as it would have in a variables_map.
  void set(std::string_view name, boost::program_options::variable_value value);
  // Calls `visit(name, value)` for each option the line itself gave (not a default).
  template <typename Visitor>
  void for_each_given(Visitor visit) const {
    for (const Entry& entry : given_) {
      if (!entry.value.defaulted()) visit(std::string_view(entry.name), entry.value);
    }
  }
  // The names of every option with a value, each once.
  std::vector<std::string_view> names() const;

 private:
  const boost::program_options::variable_value* find(std::string_view name) const;

  std::vector<Entry> given_;  // a handful: searched in order
  Defaults defaults_;
};

// True when both hold the same options, each with the same value and the same defaulted() flag
// (values of the types parley's options have: string, long long, a list of strings, and a
// switch's empty value).
bool same_variables(const OptionValues& a, const OptionValues& b);

}  // namespace parley::cli
