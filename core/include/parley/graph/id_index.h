// A hash index from ids to positions (in the dataset's entities, say). Each slot holds the
// id's hash, its position and where the index's own copy of the id starts; the copies sit end
// to end in one buffer. A load resolves two ids per relation, millions at scale: with the ids
// packed together a lookup reads two small arrays, where comparing against each entity's own
// string cost a cache miss on the entity as well.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

class IdIndex {
 public:
  // The position recorded for `id`.
  std::optional<std::uint32_t> find(std::string_view id) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t hash = hash_of(id);
    for (std::size_t i = hash & mask(); ; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.position == kEmpty) return std::nullopt;
      if (slot.hash == hash && id_at(slot) == id) return slot.position;
    }
  }

  // Starts fetching the slot `find(id)` will read first: a caller that knows the ids it will
  // look up next asks for them all, and their cache misses overlap instead of queueing.
  void prefetch(std::string_view id) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash_of(id) & mask()]);
  }

  // Records that `id` is at `position`, unless the id is there already; returns whether it
  // was added.
  bool insert(std::string_view id, std::uint32_t position) {
    if ((count_ + 1) * 2 > slots_.size()) grow();
    const std::uint32_t hash = hash_of(id);
    for (std::size_t i = hash & mask(); ; i = (i + 1) & mask()) {
      Slot& slot = slots_[i];
      if (slot.position == kEmpty) {
        slot = Slot{hash, position, ids_.size()};
        const auto length = static_cast<std::uint32_t>(id.size());
        ids_.append(reinterpret_cast<const char*>(&length), sizeof length);
        ids_.append(id);
        ++count_;
        return true;
      }
      if (slot.hash == hash && id_at(slot) == id) return false;
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
    std::uint64_t offset;  // of the id's copy in ids_: its length (4 bytes), then its bytes
  };

  static std::uint32_t hash_of(std::string_view id) {
    const std::size_t h = std::hash<std::string_view>{}(id);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  std::size_t mask() const { return slots_.size() - 1; }
  std::string_view id_at(const Slot& slot) const {
    std::uint32_t length = 0;
    std::memcpy(&length, ids_.data() + slot.offset, sizeof length);
    return std::string_view(ids_.data() + slot.offset + sizeof length, length);
  }

  // Doubles the table (at least 16 slots); slots move by their stored hash, with no id read.
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{0, kEmpty, 0});
    for (const Slot& slot : old) {
      if (slot.position == kEmpty) continue;
      std::size_t i = slot.hash & mask();
      while (slots_[i].position != kEmpty) i = (i + 1) & mask();
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::string ids_;
  std::size_t count_ = 0;
};

}  // namespace parley
