#ifndef CNKG_COMMON_STRINGS_H_
#define CNKG_COMMON_STRINGS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cnkg {

// Removes ASCII and Unicode space (U+00A0, U+2000..U+200B, U+3000, U+FEFF) from both ends.
std::string_view Trim(std::string_view s);

// Splits on every occurrence of `sep` (not empty); pieces are trimmed; empty pieces are kept
// only when `keep_empty` is true.
std::vector<std::string> Split(std::string_view s, std::string_view sep, bool keep_empty = false);

std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// Replaces every run of whitespace with one ASCII space and trims the ends.
std::string CollapseSpaces(std::string_view s);

// ASCII-only lower-casing; other bytes are left alone.
std::string AsciiLower(std::string_view s);

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// Returns true if `s` is well-formed UTF-8. On failure, *bad_offset (if not null) is set to the
// byte offset of the first invalid sequence.
bool IsValidUtf8(std::string_view s, std::size_t* bad_offset = nullptr);

// Returns `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD (one
// per byte). Every valid character is kept, control characters and NUL included; valid text is
// returned unchanged. For text from a library that may break UTF-8 (an unescaper working on
// bytes), and for writers that must emit text whatever they are given.
std::string SafeUtf8(std::string_view text);

// `text` fit for one line of a message: SafeUtf8, with each control character written as an
// escape ("\n", "\t", "\r", "\0", "\x1f"). For text a message quotes that cnkg did not
// write itself, such as a parser library's error ("unknown escape character: \0").
std::string OneLineMessage(std::string_view text);

// The comparison form of a name: Unicode NFKD, combining marks removed (accent folding), case
// folded, typographic apostrophes and dashes made ASCII, whitespace collapsed. "Aurélie  VACHE"
// and "aurelie vache" fold to the same string. Input must be valid UTF-8 (invalid bytes are
// dropped).
std::string FoldName(std::string_view s);

// FoldName without its ASCII fast path: the same result for every input (for tests).
std::string FoldNameUnicode(std::string_view s);

// A key fragment: FoldName, then every run of characters other than letters and digits becomes
// one '-', with no '-' at either end. "Argo CD" -> "argo-cd", "Café Résumé!" -> "cafe-resume".
// A '+' or '#' right after a word is spelled out: "C++" -> "c-plus-plus", "C#" -> "c-sharp".
// Returns "_" for a string with no letters or digits so that keys are never empty.
std::string Slug(std::string_view s);

// The sentence of `text` that contains the byte range [begin, end): from just after the previous
// ". ", "! ", "? " (or the start) to the next such boundary (or the end), trimmed. Used to quote
// evidence shorter than a whole paragraph.
std::string_view SentenceAround(std::string_view text, std::size_t begin, std::size_t end);

// Number of Unicode code points (not bytes) in valid UTF-8.
std::size_t Utf8Length(std::string_view s);

// The UTF-8 encoding of code point `cp` (at most U+10FFFF; surrogates are encoded as they are).
std::string Utf8Encode(char32_t cp);

}  // namespace cnkg

#endif  // CNKG_COMMON_STRINGS_H_
