// Objects kept for the next use on the same thread, rather than made anew: a batch runs
// thousands of lines, and some objects of a line cost more to make than to use (a stream sets up
// its locale; a JSON buffer and its writer's stack are each on the heap).
#pragma once

#include <memory>
#include <vector>

namespace parley::cli {

template <typename T>
class SpareObjects {
 public:
  // One kept from an earlier use, or null when none is: the caller makes one then. Room to give
  // it back is made at that moment, so that give_back (called from destructors) never allocates.
  static std::unique_ptr<T> take() {
    auto& spares = kept();
    if (spares.empty()) {
      spares.reserve(spares.capacity() + 1);
      return nullptr;
    }
    std::unique_ptr<T> taken = std::move(spares.back());
    spares.pop_back();
    return taken;
  }
  // Keeps `object` for the thread's next take(). One in use (a batch's, while its lines run)
  // is not among them, so a use nested in another takes a second object.
  static void give_back(std::unique_ptr<T> object) { kept().push_back(std::move(object)); }

 private:
  static std::vector<std::unique_ptr<T>>& kept() {
    thread_local std::vector<std::unique_ptr<T>> objects;
    return objects;
  }
};

}  // namespace parley::cli
