#include "common/strings.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace cnkg {
namespace {

// Length in bytes of the Unicode space character at s[i], or 0 if there is none.
std::size_t SpaceAt(std::string_view s, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size()) {
    unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
    unsigned char c2 = static_cast<unsigned char>(s[i + 2]);
    if (c1 == 0x80 && c2 >= 0x80 && c2 <= 0x8B) return 3;  // U+2000..U+200B
    if (c1 == 0x80 && c2 == 0xAF) return 3;                // U+202F
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80)
    return 3;  // U+3000
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF)
    return 3;  // U+FEFF
  return 0;
}

}  // namespace

std::string_view Trim(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t n = SpaceAt(s, b);
    if (n == 0) break;
    b += n;
  }
  std::size_t e = s.size();
  while (e > b) {
    // Step back over one space character if the tail ends with one.
    bool found = false;
    for (std::size_t n = 1; n <= 3 && n <= e - b; ++n) {
      if (SpaceAt(s, e - n) == n) {
        e -= n;
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  return s.substr(b, e - b);
}

std::vector<std::string> Split(std::string_view s, std::string_view sep, bool keep_empty) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t pos = s.find(sep, start);
    std::string_view piece =
        Trim(s.substr(start, pos == std::string_view::npos ? s.npos : pos - start));
    if (keep_empty || !piece.empty()) out.emplace_back(piece);
    if (pos == std::string_view::npos) break;
    start = pos + sep.size();
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out.append(sep);
    out.append(parts[i]);
  }
  return out;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = SpaceAt(s, i);
    if (n) {
      pending = !out.empty();
      i += n;
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool IsValidUtf8(std::string_view s, std::size_t* bad_offset) {
  std::size_t i = 0;
  while (i < s.size()) {
    // ASCII, eight bytes at a time.
    while (s.size() - i >= 8) {
      std::uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    if (i == s.size()) break;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += static_cast<std::size_t>(n);
  }
  return true;
}

std::string SafeUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t bad = 0;
    std::string_view rest = text.substr(i);
    if (IsValidUtf8(rest, &bad)) {
      out.append(rest);
      break;
    }
    out.append(rest.substr(0, bad));
    out += "\xEF\xBF\xBD";  // one replacement per invalid byte
    i += bad + 1;
  }
  return out;
}

std::string OneLineMessage(std::string_view text) {
  const std::string safe = SafeUtf8(text);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7f) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\0') {
      out += "\\0";
    } else {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    }
  }
  return out;
}

namespace {

bool IsAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

std::string FoldName(std::string_view s) {
  if (IsAscii(s)) {
    // Fast path: for ASCII, compatibility decomposition, mark stripping and ignorable removal
    // change nothing and case folding is lower-casing (tests compare it with the full path).
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        pending = !out.empty();
        continue;
      }
      if (pending) out.push_back(' ');
      pending = false;
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
  }
  return FoldNameUnicode(s);
}

std::string FoldNameUnicode(std::string_view s) {
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                     UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
  std::string folded;
  if (n < 0) {
    // Invalid UTF-8: keep the valid ASCII bytes only.
    for (char c : s)
      if (static_cast<unsigned char>(c) < 0x80) folded.push_back(c);
    folded = AsciiLower(folded);
  } else {
    folded.assign(reinterpret_cast<char*>(mapped), static_cast<std::size_t>(n));
  }
  std::free(mapped);
  // Typographic apostrophes and dashes become ASCII.
  std::string out;
  out.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0 || folded.compare(i, 3, "\xE2\x80\x98") == 0) {
      out.push_back('\'');
      i += 2;
    } else if (folded.compare(i, 3, "\xE2\x80\x93") == 0 ||
               folded.compare(i, 3, "\xE2\x80\x94") == 0 ||
               folded.compare(i, 3, "\xE2\x80\x90") == 0) {
      out.push_back('-');
      i += 2;
    } else {
      out.push_back(folded[i]);
    }
  }
  return CollapseSpaces(out);
}

std::string Slug(std::string_view s) {
  std::string folded = FoldName(s);
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < folded.size();) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;
    bool alnum;
    if (static_cast<unsigned char>(folded[i]) < 0x80) {
      // ASCII: letters and digits are the only letter and number categories.
      cp = static_cast<unsigned char>(folded[i]);
      n = 1;
      alnum = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    } else {
      n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(folded.data() + i),
                           static_cast<utf8proc_ssize_t>(folded.size() - i), &cp);
      if (n <= 0) {
        ++i;
        continue;
      }
      utf8proc_category_t cat = utf8proc_category(cp);
      alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
              (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    }
    if (alnum) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.append(folded, i, static_cast<std::size_t>(n));
    } else if ((cp == '+' || cp == '#') && i > 0 && !out.empty() &&
               (!dash || folded[i - 1] == '+')) {
      // "C++" and "C#" are not "C": a '+' or '#' right after a word is spelled out.
      out += cp == '+' ? "-plus" : "-sharp";
      dash = true;
    } else {
      dash = true;
    }
    i += static_cast<std::size_t>(n);
  }
  return out.empty() ? "_" : out;
}

std::string_view SentenceAround(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > text.size()) begin = text.size();
  if (end < begin) end = begin;
  if (end > text.size()) end = text.size();
  auto is_boundary = [&](std::size_t i) {
    // A sentence ends at i (text[i] is . ! ?) when followed by a space and then not a lower-case
    // letter (so "e.g. this" and "v2.3" do not split).
    char c = text[i];
    if (c != '.' && c != '!' && c != '?') return false;
    if (i + 2 >= text.size() || text[i + 1] != ' ') return false;
    char next = text[i + 2];
    return !(next >= 'a' && next <= 'z');
  };
  std::size_t s = 0;
  for (std::size_t i = begin; i > 0; --i) {
    if (is_boundary(i - 1)) {
      s = i;
      break;
    }
  }
  std::size_t e = text.size();
  for (std::size_t i = end; i < text.size(); ++i) {
    if (is_boundary(i)) {
      e = i + 1;
      break;
    }
  }
  return Trim(text.substr(s, e - s));
}

std::size_t Utf8Length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string Utf8Encode(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

}  // namespace cnkg
