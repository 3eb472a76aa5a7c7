#include "plain_line.h"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace po = boost::program_options;

namespace parley::cli {

PlainLineReader::PlainLineReader(const po::options_description& options, const po::positional_options_description& positional) {
  for (const auto& option : options.options()) {
    const auto semantic = option->semantic();  // boost::shared_ptr
    const std::string key = option->key("");
    if (boost::any value; semantic->apply_default(value)) defaults_.emplace_back(key, value);
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
}

std::optional<po::variables_map> PlainLineReader::read(int argc, const char* const argv[]) const {
  if (never_plain_) return std::nullopt;
  po::variables_map vm;
  std::size_t position = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word.empty()) return std::nullopt;
    if (word[0] != '-') {
      if (position == positional_.size()) return std::nullopt;  // one word too many
      if (!vm.emplace(positional_[position++], po::variable_value(boost::any(std::string(word)), false)).second) {
        return std::nullopt;
      }
      continue;
    }
    // "--name" or "--name=value"; "-", "--" and short options are not plain.
    if (word.size() < 3 || word[1] != '-') return std::nullopt;
    const std::size_t equals = word.find('=');
    const std::string name(word.substr(2, equals == std::string_view::npos ? std::string_view::npos : equals - 2));
    const auto option = options_.find(name);
    if (option == options_.end()) return std::nullopt;
    boost::any value;
    if (option->second == Kind::kSwitch) {
      if (equals != std::string_view::npos) return std::nullopt;
      value = std::string();  // what Program_options stores for an option without a value
    } else {
      std::string_view text;
      if (equals != std::string_view::npos) {
        text = word.substr(equals + 1);
      } else {
        if (i + 1 == argc) return std::nullopt;
        text = argv[++i];
      }
      if (text.empty() || text[0] == '-') return std::nullopt;
      if (option->second == Kind::kText) {
        value = std::string(text);
      } else {
        // Digits alone, few enough that any of them fits: a sign, a space or an overflow is
        // Program_options' to read or refuse.
        if (text.size() > 18 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          return std::nullopt;
        }
        long long count = 0;
        std::from_chars(text.data(), text.data() + text.size(), count);
        value = count;
      }
    }
    if (!vm.emplace(name, po::variable_value(value, false)).second) return std::nullopt;  // given twice
  }
  for (const auto& [key, value] : defaults_) vm.emplace(key, po::variable_value(value, true));
  return vm;
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

bool same_variables(const po::variables_map& a, const po::variables_map& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [key, value] : a) {
    const auto other = b.find(key);
    if (other == b.end() || value.defaulted() != other->second.defaulted() || !same_value(value.value(), other->second.value())) {
      return false;
    }
  }
  return true;
}

}  // namespace parley::cli
