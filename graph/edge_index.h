#ifndef CNKG_GRAPH_EDGE_INDEX_H_
#define CNKG_GRAPH_EDGE_INDEX_H_

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cnkg {

// The relationships of a graph by (source, target, type), for the one-edge-per-triple rule: an
// open-addressing table of 24-byte slots (a node-based hash map spends about 80 bytes on each
// edge, and a graph has millions). Values are opaque non-null pointers (the edges' property
// objects, whose addresses are stable). Node numbers must be below 2^32. Not thread-safe.
class EdgeIndex {
 public:
  // The value stored for the triple, or nullptr.
  const void* Find(std::size_t source, std::size_t target, int type) const {
    if (slots_.empty()) return nullptr;
    const Slot& s = slots_[Probe(source, target, type)];
    return s.value;
  }
  // Stores `value` (not null) for the triple unless it has one; returns whether it stored.
  bool Insert(std::size_t source, std::size_t target, int type, const void* value) {
    assert(value != nullptr && source <= UINT32_MAX && target <= UINT32_MAX);
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow((size_ + 1) * 2);
    Slot& s = slots_[Probe(source, target, type)];
    if (s.value != nullptr) return false;
    s = {value, static_cast<std::uint32_t>(source), static_cast<std::uint32_t>(target),
         static_cast<std::uint8_t>(type)};
    ++size_;
    return true;
  }
  // Makes room for `n` triples in all without growing again.
  void Reserve(std::size_t n) {
    if (n * 4 > slots_.size() * 3) Grow(n);
  }
  void Clear() {
    slots_.clear();
    slots_.shrink_to_fit();
    size_ = 0;
  }
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    const void* value = nullptr;  // null: empty
    std::uint32_t source = 0;
    std::uint32_t target = 0;
    std::uint8_t type = 0;
  };

  // The slot holding the triple, or the empty slot where it would go. Precondition: the table
  // has an empty slot.
  std::size_t Probe(std::size_t source, std::size_t target, int type) const {
    const std::uint64_t key = (static_cast<std::uint64_t>(source) << 32) ^ target;
    std::uint64_t h = (key ^ (static_cast<std::uint64_t>(type) << 58)) * 0x9e3779b97f4a7c15ull;
    h ^= h >> 29;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.value == nullptr ||
          (s.source == source && s.target == target && s.type == static_cast<std::uint8_t>(type)))
        return i;
    }
  }
  // Rehashes into a power-of-two table that holds `n` triples at most 3/4 full.
  void Grow(std::size_t n) {
    std::size_t capacity = 16;
    while (capacity * 3 < n * 4) capacity *= 2;
    if (capacity <= slots_.size()) return;
    std::vector<Slot> old(capacity);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.value != nullptr) slots_[Probe(s.source, s.target, s.type)] = s;
  }

  std::vector<Slot> slots_;  // empty, or a power of two in size
  std::size_t size_ = 0;
};

}  // namespace cnkg

#endif  // CNKG_GRAPH_EDGE_INDEX_H_
