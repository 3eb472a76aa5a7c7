// The options of one command line, by name: what a command reads its options from.
//
// It answers as Program_options' variables_map does (count, operator[], a value's as<T>() and
// defaulted()), but a line's own values sit in a short inline list, with the defaults of its
// command behind them, built once per command and shared by every line. A batch reads thousands
// of lines: a variables_map per line (a tree node, a key and a copied value for each of a dozen
// defaults, then a string comparison down the tree for every lookup) was a third of a small
// answer, and the boost::any each value then still lived in (a heap copy of every word, made
// again at every copy of the list) a tenth of what was left.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/container/small_vector.hpp>
#include <boost/program_options.hpp>

namespace parley::cli {

// One option's value, of the types parley's options have: one string (a switch stores an empty
// one, as Program_options does), one count (long long, so that "-1" is refused rather than
// wrapped), or a list of strings (--db, --alias ...). Held by value: no heap for a short word.
class OptionValue {
 public:
  OptionValue() = default;  // no value, as an option the line did not give
  OptionValue(std::string text, bool defaulted) : type_(Type::kText), defaulted_(defaulted), text_(std::move(text)) {}
  OptionValue(long long count, bool defaulted) : type_(Type::kCount), defaulted_(defaulted), count_(count) {}
  OptionValue(std::vector<std::string> list, bool defaulted) : type_(Type::kList), defaulted_(defaulted), list_(std::move(list)) {}
  // What Program_options stored. Throws std::logic_error for a type no option of parley's has.
  explicit OptionValue(const boost::program_options::variable_value& value);

  bool empty() const { return type_ == Type::kNone; }
  bool defaulted() const { return defaulted_; }
  // The value as T: std::string, long long or std::vector<std::string>. Throws std::logic_error
  // when the option holds another type (a mistake in parley, as boost::bad_any_cast would be).
  template <typename T>
  const T& as() const;

  friend bool operator==(const OptionValue&, const OptionValue&) = default;

 private:
  enum class Type : unsigned char { kNone, kText, kCount, kList };

  Type type_ = Type::kNone;
  bool defaulted_ = false;
  std::string text_;
  long long count_ = 0;
  std::vector<std::string> list_;
};

template <>
const std::string& OptionValue::as<std::string>() const;
template <>
const long long& OptionValue::as<long long>() const;
template <>
const std::vector<std::string>& OptionValue::as<std::vector<std::string>>() const;

class OptionValues {
 public:
  // One option's value under its name.
  struct Entry {
    std::string name;
    OptionValue value;
  };
  using Defaults = std::shared_ptr<const std::vector<Entry>>;
  // A line gives a handful of options: held inline, not on the heap.
  using Given = boost::container::small_vector<Entry, 6>;

  OptionValues() = default;
  // Every variable Program_options stored, defaulted ones included, but for the defaults of
  // options `read_elsewhere` names (the global ones, which a line's GlobalOptions holds).
  explicit OptionValues(const boost::program_options::variables_map& vm,
                        bool (*read_elsewhere)(std::string_view name) = nullptr);
  // The values a line gave, each name once, before `defaults` (the command's, shared).
  OptionValues(Given given, Defaults defaults) : given_(std::move(given)), defaults_(std::move(defaults)) {}

  // True when the line itself gave the option (Program_options' reading counts a defaulted one
  // among those it stored: see for_each_given).
  bool given(std::string_view name) const;
  // 1 when the option was given or has a default, else 0 (as variables_map::count).
  std::size_t count(std::string_view name) const { return find(name) ? 1 : 0; }
  // The option's value; an empty one when it has none (as variables_map::operator[]).
  const OptionValue& operator[](std::string_view name) const;
  // The option's text, or null when it has none: one lookup where count() and operator[] take two.
  const std::string* text(std::string_view name) const {
    const OptionValue* value = find(name);
    return value ? &value->as<std::string>() : nullptr;
  }
  // Gives the option a value, as if the line had given it. A reference operator[] gave before
  // may not survive this (the list may grow), as it would have in a variables_map.
  void set(std::string_view name, OptionValue value);
  // Appends an option the line gave, not given before, and returns its value to fill in place:
  // each value moved from the reader into its entry, a few times over, was a sizeable part of
  // reading a short line.
  OptionValue& append(std::string_view name) {
    Entry& entry = given_.emplace_back();
    entry.name.assign(name);
    return entry.value;
  }
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
  const OptionValue* find(std::string_view name) const;

  Given given_;  // a handful: searched in order
  Defaults defaults_;
};

// True when both hold the same options, each with the same value and the same defaulted() flag.
bool same_variables(const OptionValues& a, const OptionValues& b);

}  // namespace parley::cli
