#include "extract/grammar/talk_title.h"

#include <re2/re2.h>

#include <cassert>

#include "common/strings.h"

namespace cnkg {

std::vector<std::string> TalkTitleAliases(std::string_view title) {
  std::vector<std::string> out;
  std::string t = CollapseSpaces(title);
  auto add = [&](const std::string& a) {
    std::string s = CollapseSpaces(a);
    if (s.empty() || s == t) return;
    for (const auto& x : out)
      if (x == s) return;
    out.push_back(s);
  };
  // Leading symbols: anything before the first letter or digit.
  static const RE2 leading(R"(^[^\pL\pN"'“‘(\[]+(.*)$)");
  static const RE2 prefix(
      R"((?i)^((?:sponsored\s+)?(?:keynote|lightning\s+talk|panel(?:\s+discussion)?|workshop|tutorial|demo|sponsored\s+demo|sponsored\s+session|birds\s+of\s+a\s+feather|bof|fireside\s+chat|contribfest|project\s+lightning\s+talk|learning\s+lounge))\s*:\s*(\S.*)$)");
  assert(leading.ok() && prefix.ok());
  std::string stripped = t;
  std::string rest;
  if (RE2::FullMatch(t, leading, &rest)) {
    stripped = rest;
    add(stripped);
  }
  std::string kind, bare;
  if (RE2::FullMatch(stripped, prefix, &kind, &bare)) add(bare);
  return out;
}

}  // namespace cnkg
