#ifndef CNKG_QUERY_ID_TABLE_H_
#define CNKG_QUERY_ID_TABLE_H_

// Open-addressing hash tables keyed by 64-bit identities (a node or relationship id with a tag,
// or a pair of them), for grouping and DISTINCT on graph elements without building general
// values: one probe of a flat array instead of hashing and comparing variants.

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace cnkg::query {

// The identity of a value for grouping when it is a graph element: a tag (1 node, 2
// relationship, 3 null) in the high 32 bits and the id in the low ones. 0 is never used.
inline constexpr std::uint64_t kNodeTag = std::uint64_t{1} << 32;
inline constexpr std::uint64_t kRelTag = std::uint64_t{2} << 32;
inline constexpr std::uint64_t kNullIdentity = std::uint64_t{3} << 32;

// A map from a pair of 64-bit keys (neither 0 in the first) to a 32-bit value. Values are
// never removed.
class IdMap {
 public:
  IdMap() { slots_.resize(16); }

  // The value of (a, b), or inserts `value` for it. Returns the value and whether it was
  // inserted. Precondition: a != 0.
  std::pair<std::uint32_t, bool> FindOrInsert(std::uint64_t a, std::uint64_t b,
                                              std::uint32_t value) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    std::size_t i = Probe(a, b);
    if (slots_[i].a != 0) return {slots_[i].value, false};
    slots_[i] = {a, b, value};
    ++size_;
    return {value, true};
  }
  // Inserts (a, b); true when it was not there. Precondition: a != 0.
  bool Insert(std::uint64_t a, std::uint64_t b) { return FindOrInsert(a, b, 0).second; }

  std::size_t size() const { return size_; }
  // Calls f(a, b, value) for every entry, in no particular order.
  template <typename F>
  void ForEach(F&& f) const {
    for (const Slot& s : slots_)
      if (s.a != 0) f(s.a, s.b, s.value);
  }

 private:
  struct Slot {
    std::uint64_t a = 0, b = 0;
    std::uint32_t value = 0;
  };

  static std::uint64_t Mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t h =
        a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
    return h ^ (h >> 29);
  }
  std::size_t Probe(std::uint64_t a, std::uint64_t b) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = Mix(a, b) & mask;
    while (slots_[i].a != 0 && (slots_[i].a != a || slots_[i].b != b)) i = (i + 1) & mask;
    return i;
  }
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.a != 0) slots_[Probe(s.a, s.b)] = s;
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace cnkg::query

#endif  // CNKG_QUERY_ID_TABLE_H_
