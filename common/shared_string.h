#ifndef CNKG_COMMON_SHARED_STRING_H_
#define CNKG_COMMON_SHARED_STRING_H_

#include <atomic>
#include <compare>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace cnkg {

// An immutable string that copies share: a copy costs a reference count, not an allocation, and
// the text is freed with its last copy. Evidence uses it so that a line quoted by many nodes and
// relationships (a talk's line supports its speakers, room, track and mentions) and a document
// name quoted by every fact of the document are stored once.
//
// Reads like a `const std::string` (it converts to `const std::string&` and to
// std::string_view); assigning a new text replaces the shared one rather than changing it, so
// other copies keep theirs. Comparisons and hashes are by content. Copies may live on different
// threads (the count is atomic); one object is not for concurrent writes.
class SharedString {
 public:
  SharedString() noexcept = default;
  SharedString(std::string_view s) : rep_(s.empty() ? nullptr : new Rep(std::string(s))) {}
  SharedString(const std::string& s) : SharedString(std::string_view(s)) {}
  SharedString(std::string&& s) : rep_(s.empty() ? nullptr : new Rep(std::move(s))) {}
  SharedString(const char* s) : SharedString(std::string_view(s)) {}

  SharedString(const SharedString& other) noexcept : rep_(other.rep_) { Ref(); }
  SharedString(SharedString&& other) noexcept : rep_(std::exchange(other.rep_, nullptr)) {}
  SharedString& operator=(const SharedString& other) noexcept {
    if (rep_ != other.rep_) {
      Unref();
      rep_ = other.rep_;
      Ref();
    }
    return *this;
  }
  SharedString& operator=(SharedString&& other) noexcept {
    if (this != &other) {
      Unref();
      rep_ = std::exchange(other.rep_, nullptr);
    }
    return *this;
  }
  SharedString& operator=(std::string_view s) { return *this = SharedString(s); }
  SharedString& operator=(const std::string& s) { return *this = SharedString(s); }
  SharedString& operator=(std::string&& s) { return *this = SharedString(std::move(s)); }
  SharedString& operator=(const char* s) { return *this = SharedString(s); }
  ~SharedString() { Unref(); }

  const std::string& str() const noexcept { return rep_ != nullptr ? rep_->text : Empty(); }
  operator const std::string&() const noexcept { return str(); }
  operator std::string_view() const noexcept { return str(); }

  bool empty() const noexcept { return rep_ == nullptr; }
  std::size_t size() const noexcept { return str().size(); }
  const char* data() const noexcept { return str().data(); }
  const char* c_str() const noexcept { return str().c_str(); }
  std::string::const_iterator begin() const noexcept { return str().begin(); }
  std::string::const_iterator end() const noexcept { return str().end(); }
  char operator[](std::size_t i) const { return str()[i]; }
  std::string substr(std::size_t pos, std::size_t n = std::string::npos) const {
    return str().substr(pos, n);
  }
  std::size_t find(std::string_view s, std::size_t pos = 0) const noexcept {
    return str().find(s, pos);
  }
  std::size_t find(char c, std::size_t pos = 0) const noexcept { return str().find(c, pos); }

  // std::hash<std::string_view> of the text, computed once.
  std::size_t hash() const noexcept {
    return rep_ != nullptr ? rep_->hash : std::hash<std::string_view>()(std::string_view());
  }

  // True when both hold the very same text object (not merely equal texts).
  bool SharesWith(const SharedString& other) const noexcept { return rep_ == other.rep_; }
  // How many copies hold this text (0 for the empty string). Only a hint while other threads
  // hold copies.
  std::size_t use_count() const noexcept {
    return rep_ != nullptr ? rep_->refs.load(std::memory_order_relaxed) : 0;
  }

  friend bool operator==(const SharedString& a, const SharedString& b) noexcept {
    return a.rep_ == b.rep_ || (a.hash() == b.hash() && a.str() == b.str());
  }
  friend std::strong_ordering operator<=>(const SharedString& a, const SharedString& b) noexcept {
    if (a.rep_ == b.rep_) return std::strong_ordering::equal;
    return a.str() <=> b.str();
  }
  friend bool operator==(const SharedString& a, std::string_view b) noexcept {
    return std::string_view(a.str()) == b;
  }
  friend std::strong_ordering operator<=>(const SharedString& a, std::string_view b) noexcept {
    return std::string_view(a.str()) <=> b;
  }
  friend bool operator==(const SharedString& a, const std::string& b) noexcept {
    return a.str() == b;
  }
  friend std::strong_ordering operator<=>(const SharedString& a, const std::string& b) noexcept {
    return a.str() <=> b;
  }
  friend bool operator==(const SharedString& a, const char* b) noexcept {
    return std::string_view(a.str()) == std::string_view(b);
  }
  friend std::string operator+(const SharedString& a, std::string_view b) {
    return a.str() + std::string(b);
  }
  friend std::string operator+(std::string_view a, const SharedString& b) {
    return std::string(a) + b.str();
  }
  friend std::string operator+(const std::string& a, const SharedString& b) { return a + b.str(); }
  friend std::string operator+(const char* a, const SharedString& b) {
    return std::string(a) + b.str();
  }
  friend std::ostream& operator<<(std::ostream& os, const SharedString& s) { return os << s.str(); }

 private:
  struct Rep {
    explicit Rep(std::string s) : text(std::move(s)), hash(std::hash<std::string>()(text)) {}
    std::atomic<std::size_t> refs{1};
    const std::string text;
    // Computed once, where the string is made (often an extraction thread), so that the graph
    // that takes it in compares it by hash first without reading it again.
    const std::size_t hash;
  };
  static const std::string& Empty() noexcept {
    static const std::string empty;
    return empty;
  }
  void Ref() noexcept {
    if (rep_ != nullptr) rep_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  void Unref() noexcept {
    if (rep_ != nullptr && rep_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete rep_;
  }

  Rep* rep_ = nullptr;
};

}  // namespace cnkg

template <>
struct std::hash<cnkg::SharedString> {
  std::size_t operator()(const cnkg::SharedString& s) const noexcept { return s.hash(); }
};

#endif  // CNKG_COMMON_SHARED_STRING_H_
