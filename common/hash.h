#ifndef CNKG_COMMON_HASH_H_
#define CNKG_COMMON_HASH_H_

#include <cstddef>

namespace cnkg {

// Combines hash `x` into the running hash `h` (boost::hash_combine's mixing). Order matters:
// HashMix(HashMix(s, a), b) differs from HashMix(HashMix(s, b), a).
inline std::size_t HashMix(std::size_t h, std::size_t x) {
  return h ^ (x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2));
}

}  // namespace cnkg

#endif  // CNKG_COMMON_HASH_H_
