#include "extract/markup/html_text.h"

#include <cctype>
#include <cstdint>

#include "common/strings.h"

namespace cnkg {
namespace {

struct NamedReference {
  std::string_view name;
  char32_t code_point;
};

// The named references that schedule descriptions use.
constexpr NamedReference kNamed[] = {
    {"amp", U'&'},         {"lt", U'<'},          {"gt", U'>'},          {"quot", U'"'},
    {"apos", U'\''},       {"nbsp", U' '},        {"ndash", U'\u2013'},  {"mdash", U'\u2014'},
    {"hellip", U'\u2026'}, {"rsquo", U'\u2019'},  {"lsquo", U'\u2018'},  {"rdquo", U'\u201D'},
    {"ldquo", U'\u201C'},  {"bull", U'\u2022'},   {"middot", U'\u00B7'}, {"copy", U'\u00A9'},
    {"reg", U'\u00AE'},    {"trade", U'\u2122'},  {"eacute", U'\u00E9'}, {"egrave", U'\u00E8'},
    {"aacute", U'\u00E1'}, {"agrave", U'\u00E0'}, {"iacute", U'\u00ED'}, {"oacute", U'\u00F3'},
    {"uacute", U'\u00FA'}, {"ntilde", U'\u00F1'}, {"ouml", U'\u00F6'},   {"uuml", U'\u00FC'},
    {"auml", U'\u00E4'},   {"szlig", U'\u00DF'},  {"ccedil", U'\u00E7'}, {"times", U'\u00D7'},
    {"euro", U'\u20AC'},   {"pound", U'\u00A3'},  {"deg", U'\u00B0'},    {"rarr", U'\u2192'},
    {"larr", U'\u2190'},   {"zwj", U'\u200D'},    {"shy", U'\u00AD'},    {"thinsp", U' '},
    {"ensp", U' '},        {"emsp", U' '}};

// Tags whose start or end breaks the line. Cells and images separate words; other tags (<b>,
// <a>, <span>) are inline and leave nothing.
bool BreaksLine(std::string_view tag) {
  for (std::string_view t : {"br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                             "tr", "table", "blockquote", "pre", "hr", "section"})
    if (EqualsIgnoreCase(tag, t)) return true;
  return false;
}

// Decodes the reference at s[i] == '&'; returns its length and sets `out`, or 0.
std::size_t Reference(std::string_view s, std::size_t i, std::string& out) {
  const std::size_t semi = s.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  std::string_view body = s.substr(i + 1, semi - i - 1);
  if (body.empty()) return 0;
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    std::uint32_t cp = 0;
    for (char c : digits) {
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (hex && std::isxdigit(static_cast<unsigned char>(c))) {
        v = std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
      } else {
        return 0;
      }
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    if (cp == 0xA0) cp = ' ';
    out = Utf8Encode(static_cast<char32_t>(cp));
    return semi - i + 1;
  }
  for (const NamedReference& r : kNamed) {
    if (body == r.name) {
      out = Utf8Encode(r.code_point);
      return semi - i + 1;
    }
  }
  return 0;
}

// Normalises spacing: spaces collapsed, lines trimmed, at most one blank line in a row.
std::string Tidy(std::string_view text) {
  std::string out;
  int blank_run = 0;
  for (const std::string& line : Split(text, "\n", /*keep_empty=*/true)) {
    std::string l = CollapseSpaces(line);
    if (l.empty()) {
      ++blank_run;
      continue;
    }
    if (!out.empty()) out += blank_run > 0 ? "\n\n" : "\n";
    blank_run = 0;
    out += l;
  }
  return out;
}

}  // namespace

std::string HtmlToText(std::string_view s) {
  std::string text;
  text.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '<') {
      std::size_t j = i + 1;
      if (j < s.size() && s[j] == '/') ++j;
      std::size_t name_end = j;
      while (name_end < s.size() && std::isalnum(static_cast<unsigned char>(s[name_end])))
        ++name_end;
      const std::size_t close = s.find('>', i + 1);
      const bool comment = s.substr(i, 4) == "<!--";
      if (comment) {
        const std::size_t end = s.find("-->", i + 4);
        i = end == std::string_view::npos ? s.size() : end + 3;
        continue;
      }
      if (name_end > j && close != std::string_view::npos &&
          s.substr(i, close - i).find('\n') == std::string_view::npos) {
        const std::string_view tag = s.substr(j, name_end - j);
        if (BreaksLine(tag)) {
          text += '\n';
        } else if (EqualsIgnoreCase(tag, "td") || EqualsIgnoreCase(tag, "th") ||
                   EqualsIgnoreCase(tag, "img")) {
          text += ' ';
        }
        i = close + 1;
        continue;
      }
    } else if (c == '&') {
      std::string decoded;
      if (std::size_t n = Reference(s, i, decoded)) {
        text += decoded;
        i += n;
        continue;
      }
    } else if (c == '\r' || c == '\t') {
      text += ' ';
      ++i;
      continue;
    }
    text += c;
    ++i;
  }
  return Tidy(text);
}

}  // namespace cnkg
