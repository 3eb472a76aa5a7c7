// A hash index from ids to positions in a vector that already holds the ids, such as the
// dataset's entities. It stores no strings: each slot is eight bytes, the id's hash and its
// position, in one open-addressed array probed linearly. A load resolves two ids per
// relation, millions at scale; std::unordered_map spent a node, a pointer chase and a string
// copy on each.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace parley {

class IdIndex {
 public:
  // The position of `id`, where `id_at(position)` gives the id stored at a position.
  template <typename IdAt>
  std::optional<std::uint32_t> find(std::string_view id, const IdAt& id_at) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t hash = hash_of(id);
    for (std::size_t i = hash & mask(); ; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.position == kEmpty) return std::nullopt;
      if (slot.hash == hash && id_at(slot.position) == id) return slot.position;
    }
  }

  // Records that `id` is at `position`, unless the id is there already; returns whether it
  // was added.
  template <typename IdAt>
  bool insert(std::string_view id, std::uint32_t position, const IdAt& id_at) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    const std::uint32_t hash = hash_of(id);
    for (std::size_t i = hash & mask(); ; i = (i + 1) & mask()) {
      Slot& slot = slots_[i];
      if (slot.position == kEmpty) {
        slot = Slot{hash, position};
        ++count_;
        return true;
      }
      if (slot.hash == hash && id_at(slot.position) == id) return false;
    }
  }

  std::size_t size() const { return count_; }
  void reserve(std::size_t ids) {
    while (ids * 2 > slots_.size()) grow();
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    std::uint32_t hash;
    std::uint32_t position;
  };

  static std::uint32_t hash_of(std::string_view id) {
    const std::size_t h = std::hash<std::string_view>{}(id);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  std::size_t mask() const { return slots_.size() - 1; }

  // Doubles the table (at least 16 slots); slots move by their stored hash, with no id read.
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{0, kEmpty});
    for (const Slot& slot : old) {
      if (slot.position == kEmpty) continue;
      std::size_t i = slot.hash & mask();
      while (slots_[i].position != kEmpty) i = (i + 1) & mask();
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

}  // namespace parley
