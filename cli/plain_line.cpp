#include "plain_line.h"

#include <algorithm>
#include <charconv>
#include <memory>
#include <string_view>

namespace po = boost::program_options;

namespace parley::cli {

PlainLineReader::PlainLineReader(const po::options_description& options, const po::positional_options_description& positional,
                                 bool (*read_elsewhere)(std::string_view name)) {
  std::vector<OptionValues::Entry> defaults;
  for (const auto& option : options.options()) {
    const auto semantic = option->semantic();  // boost::shared_ptr
    const std::string key = option->key("");
    boost::any value;
    if (semantic->apply_default(value) && !(read_elsewhere && read_elsewhere(key))) {
      defaults.push_back({key, OptionValue(po::variable_value(value, true))});
    }
    // A required option is checked by Program_options' notify, which a plain reading skips.
    if (semantic->is_required()) never_plain_ = true;
    if (option->long_name().empty() || key != option->long_name()) continue;  // a short or wildcard name: never plain
    const bool one_value = semantic->min_tokens() == 1 && semantic->max_tokens() == 1 && !semantic->is_composing();
    if (dynamic_cast<const po::untyped_value*>(semantic.get()) && semantic->max_tokens() == 0) {
      options_.emplace(key, Kind::kSwitch);
    } else if (one_value && dynamic_cast<const po::typed_value<std::string>*>(semantic.get())) {
      options_.emplace(key, Kind::kText);
    } else if (one_value && dynamic_cast<const po::typed_value<long long>*>(semantic.get())) {
      options_.emplace(key, Kind::kCount);
    }
  }
  // Positions stay plain while each names a different option of one string.
  const unsigned positions = std::min(positional.max_total_count(), 16u);
  for (unsigned i = 0; i < positions; ++i) {
    const std::string& name = positional.name_for_position(i);
    const auto option = options_.find(name);
    if (option == options_.end() || option->second != Kind::kText ||
        std::find(positional_.begin(), positional_.end(), name) != positional_.end()) {
      break;
    }
    positional_.push_back(name);
  }
  defaults_ = std::make_shared<const std::vector<OptionValues::Entry>>(std::move(defaults));
}

bool PlainLineReader::read(int argc, const char* const argv[], OptionValues& into) const {
  into = OptionValues({}, defaults_);
  if (never_plain_ || !read_words(argc, argv, into)) {
    into = OptionValues();
    return false;
  }
  return true;
}

bool PlainLineReader::read_words(int argc, const char* const argv[], OptionValues& into) const {
  // False when the option was given before.
  const auto add = [&](std::string_view name, auto&& value) {
    if (into.given(name)) return false;  // given twice
    into.append(name) = OptionValue(std::forward<decltype(value)>(value), false);
    return true;
  };
  std::size_t position = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word.empty()) return false;
    if (word[0] != '-') {
      if (position == positional_.size()) return false;  // one word too many
      if (!add(positional_[position++], std::string(word))) return false;
      continue;
    }
    // "--name" or "--name=value"; "-", "--" and short options are not plain.
    if (word.size() < 3 || word[1] != '-') return false;
    const std::size_t equals = word.find('=');
    const std::string_view name = word.substr(2, equals == std::string_view::npos ? std::string_view::npos : equals - 2);
    const auto option = options_.find(name);
    if (option == options_.end()) return false;
    if (option->second == Kind::kSwitch) {
      if (equals != std::string_view::npos) return false;
      if (!add(name, std::string())) return false;  // what Program_options stores for an option without a value
      continue;
    }
    std::string_view text;
    if (equals != std::string_view::npos) {
      text = word.substr(equals + 1);
    } else {
      if (i + 1 == argc) return false;
      text = argv[++i];
    }
    if (text.empty() || text[0] == '-') return false;
    if (option->second == Kind::kText) {
      if (!add(name, std::string(text))) return false;
      continue;
    }
    // Digits alone, few enough that any of them fits: a sign, a space or an overflow is
    // Program_options' to read or refuse.
    if (text.size() > 18 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
    long long count = 0;
    std::from_chars(text.data(), text.data() + text.size(), count);
    if (!add(name, count)) return false;
  }
  return true;
}

}  // namespace parley::cli
