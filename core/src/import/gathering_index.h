// Finds the gathering a row belongs to by its key (the pair of actors, the day, the venue and
// the class of code): an open-addressing table of gathering numbers with their hashes, the keys
// themselves compared on the gatherings. No allocation per row, unlike a map of key strings.
#pragma once

#include <cstdint>
#include <vector>

namespace parley::import {

class GatheringIndex {
 public:
  // The number of the gathering with this hash for which `same(number)` is true; when there is
  // none, `fresh` is recorded under the hash and returned.
  template <typename Same>
  std::uint32_t find_or_insert(std::uint32_t hash, Same same, std::uint32_t fresh) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.number == kEmpty) {
        slot = Slot{hash, fresh};
        ++count_;
        return fresh;
      }
      if (slot.hash == hash && same(slot.number)) return slot.number;
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t number = kEmpty;
  };

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.number == kEmpty) continue;
      std::size_t at = slot.hash & mask;
      while (slots_[at].number != kEmpty) at = (at + 1) & mask;
      slots_[at] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

}  // namespace parley::import
