// Numbers by string key, for an import's actor spellings and places: an open-addressing table
// of (hash, where the key is, number), the keys kept end to end in one buffer. A lookup is a
// hash and, most often, one slot and one key compared: no node to chase and no allocation per
// key, where std::unordered_map<std::string, ...> has both (and the lookups are per kept row).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::import {

class KeyIndex {
 public:
  // The number under `key`, or nullptr.
  const std::uint32_t* find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t hash = std::hash<std::string_view>{}(key);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      const Slot& slot = slots_[at];
      if (!slot.used) return nullptr;
      if (slot.hash == hash && key_of(slot) == key) return &slot.number;
    }
  }

  // Records `number` under `key`, which must not be there yet.
  void insert(std::string_view key, std::uint32_t number) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    Slot slot{std::hash<std::string_view>{}(key), keys_.size(), key.size(), number, true};
    keys_.append(key);
    place(slot);
    ++count_;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::size_t offset = 0;
    std::size_t length = 0;
    std::uint32_t number = 0;
    bool used = false;
  };

  std::string_view key_of(const Slot& slot) const { return std::string_view(keys_).substr(slot.offset, slot.length); }

  void place(const Slot& slot) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = slot.hash & mask;
    while (slots_[at].used) at = (at + 1) & mask;
    slots_[at] = slot;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    for (const Slot& slot : old) {
      if (slot.used) place(slot);
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t count_ = 0;
};

}  // namespace parley::import
