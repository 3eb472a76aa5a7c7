#include "parley/common/text_pool.h"

#include <cstring>

namespace parley {

namespace {
// Large enough that a block's allocation is rare against the texts it holds, small enough that
// a dataset of a few quotes does not reserve much.
constexpr std::size_t kBlockBytes = 64 * 1024;
}  // namespace

std::string_view TextPool::keep(std::string_view text) {
  if (text.empty()) return std::string_view("", 0);  // never a null pointer: C APIs take it for "no text"
  if (text == last_) return last_;
  char* at = nullptr;
  if (text.size() > kBlockBytes) {
    // A block of its own; the current block's tail stays in use for shorter texts.
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(text.size()));
    reserved_ += text.size();
    at = blocks_.back().get();
  } else {
    if (text.size() > left_) {
      blocks_.push_back(std::make_unique_for_overwrite<char[]>(kBlockBytes));
      reserved_ += kBlockBytes;
      free_ = blocks_.back().get();
      left_ = kBlockBytes;
    }
    at = free_;
    free_ += text.size();
    left_ -= text.size();
  }
  std::memcpy(at, text.data(), text.size());
  last_ = std::string_view(at, text.size());
  return last_;
}

}  // namespace parley
