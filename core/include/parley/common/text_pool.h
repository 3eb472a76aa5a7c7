// Many short texts kept in a few large blocks.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace parley {

// Append-only storage for short texts that live as long as the pool: a dataset's quotes. A
// quote held in a std::string of its own cost a heap allocation (and, in a fresh process, its
// page faults) per citation; here it costs a copy into the current block. Blocks never move,
// so a view handed out stays valid for the pool's lifetime, however much is added later.
// Not safe to add to from two threads at once; reading views while another thread adds is.
class TextPool {
 public:
  TextPool() = default;
  TextPool(const TextPool&) = delete;
  TextPool& operator=(const TextPool&) = delete;

  // A view of a copy of `text` held by the pool. The empty text takes no space. A text equal to
  // the one kept just before is not copied again (data that quotes one phrase for fact after
  // fact, such as "as reported", keeps it once).
  std::string_view keep(std::string_view text);

  // Bytes held in blocks, for memory figures.
  std::size_t bytes_reserved() const { return reserved_; }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;    // the unused tail of the newest block
  std::size_t left_ = 0;    // its length
  std::size_t reserved_ = 0;
  std::string_view last_;   // the text kept last, to share a repeated one
};

}  // namespace parley
