#include "parley/load/citation.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace parley {

// Copied as bytes: a citation holds indices and a view.
static_assert(std::is_trivially_copyable_v<Citation>);

CitationList::CitationList(std::initializer_list<Citation> citations) {
  reserve(citations.size());
  for (const Citation& c : citations) push_back(c);
}

CitationList::CitationList(const CitationList& other) { append(other); }

CitationList::CitationList(CitationList&& other) noexcept { take(other); }

CitationList& CitationList::operator=(const CitationList& other) {
  if (this != &other) {
    clear();
    append(other);
  }
  return *this;
}

CitationList& CitationList::operator=(CitationList&& other) noexcept {
  if (this != &other) {
    if (on_heap()) delete[] heap_;
    take(other);
  }
  return *this;
}

// Takes `other`'s citations (its heap array, or its one citation), leaving it empty.
void CitationList::take(CitationList& other) noexcept {
  size_ = other.size_;
  capacity_ = other.capacity_;
  if (other.on_heap()) {
    heap_ = other.heap_;
  } else {
    one_ = other.one_;
  }
  other.size_ = 0;
  other.capacity_ = 1;
  other.one_ = Citation{};
}

void CitationList::append(const CitationList& other) {
  reserve(size_ + other.size_);
  std::copy(other.begin(), other.end(), data() + size_);
  size_ += other.size_;
}

CitationList::~CitationList() {
  if (on_heap()) delete[] heap_;
}

void CitationList::push_back(const Citation& citation) {
  const Citation copy = citation;  // `citation` may be one of ours, which growing would move
  if (size_ == capacity_) reserve(std::size_t{capacity_} * 2);
  data()[size_++] = copy;
}

void CitationList::reserve(std::size_t capacity) {
  if (capacity <= capacity_) return;
  auto* grown = new Citation[capacity];
  std::copy(begin(), end(), grown);
  if (on_heap()) delete[] heap_;
  heap_ = grown;
  capacity_ = static_cast<std::uint32_t>(capacity);
}

}  // namespace parley
