// Where a fact comes from, and the list of them a fact carries.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace parley {

using SourceIndex = std::uint32_t;

inline constexpr std::uint32_t kNoRecord = UINT32_MAX;

// Where a fact comes from: a source and either a short verbatim quote from it (a document) or
// one of its coded records (event data), never both. The quote's bytes belong to the dataset
// (Dataset::quote_text) or, for a citation made by hand, to whatever outlives it.
struct Citation {
  SourceIndex source = 0;
  std::uint32_t record = kNoRecord;  // into Dataset::records, for a citation of coded data
  std::string_view quote;

  bool is_coded() const { return record != kNoRecord; }
};

// The citations of one fact, in order. Nearly every fact has a single citation, held in place:
// a std::vector would allocate for each of a large dataset's hundreds of thousands of facts
// (half of a citation-heavy load's allocations). A second citation moves them all to the heap.
class CitationList {
 public:
  CitationList() = default;
  CitationList(std::initializer_list<Citation> citations);
  CitationList(const CitationList& other);
  CitationList(CitationList&& other) noexcept;
  CitationList& operator=(const CitationList& other);
  CitationList& operator=(CitationList&& other) noexcept;
  ~CitationList();

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const Citation* begin() const { return data(); }
  const Citation* end() const { return data() + size_; }
  Citation* begin() { return data(); }
  Citation* end() { return data() + size_; }
  const Citation& operator[](std::size_t i) const { return data()[i]; }
  Citation& operator[](std::size_t i) { return data()[i]; }
  const Citation& front() const { return data()[0]; }

  void push_back(const Citation& citation);
  void append(const CitationList& other);  // `other` must not be this list
  void reserve(std::size_t capacity);
  void clear() { size_ = 0; }
  // Removes the citations `drop` is true of, keeping the others in order.
  template <typename Predicate>
  friend void erase_if(CitationList& list, Predicate drop) {
    std::uint32_t kept = 0;
    for (std::uint32_t i = 0; i < list.size_; ++i) {
      if (!drop(list[i])) list[kept++] = list[i];
    }
    list.size_ = kept;
  }

 private:
  void take(CitationList& other) noexcept;
  bool on_heap() const { return capacity_ > 1; }
  const Citation* data() const { return on_heap() ? heap_ : &one_; }
  Citation* data() { return on_heap() ? heap_ : &one_; }

  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = 1;
  union {
    Citation one_{};
    Citation* heap_;
  };
};

}  // namespace parley
