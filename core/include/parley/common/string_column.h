// Texts stored end to end in one buffer and found by their place in it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

// Ids copied in the order an answer reads them: a hub's who-met writes tens of thousands, and
// reading each from its entity's record, anywhere in the dataset, cost a cache miss each, where
// reading the next one here reads the next bytes.
class StringColumn {
 public:
  void push_back(std::string_view text) {
    text_.append(text);
    ends_.push_back(text_.size());
  }
  std::string_view operator[](std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }
  std::size_t size() const { return ends_.size(); }
  void reserve(std::size_t texts) { ends_.reserve(texts); }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;  // where each text ends in text_
};

}  // namespace parley
