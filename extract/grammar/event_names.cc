#include "extract/grammar/event_names.h"

#include <re2/re2.h>

#include <cassert>
#include <set>

#include "common/strings.h"

namespace cnkg {
namespace {

std::size_t CountWords(std::string_view s) { return Split(CollapseSpaces(s), " ").size(); }

}  // namespace

std::vector<EventMention> FindEventNames(std::string_view text) {
  static const RE2 re(
      R"(\b((?i:kubecon\s*(?:\+|&|and)\s*cloudnativecon(?:\s*(?:\+|&|and)\s*open\s+source\s+summit)?(?:\s*(?:\+|&|and)\s*ai_dev)?|kubecon|cloudnativecon|open\s+source\s+summit|kubernetes\s+community\s+days?|kcd|cloud\s+native\s+rejekts|rejekts|platformcon|argocon|backstagecon|ciliumcon|istiocon|gitopscon|devopsdays|fosdem|srecon|all\s+things\s+open|cloud\s+native\s+summit|openssf\s+day|wasmcon|observability\s+day|cloud\s+native\s+days?|appdevelopercon|platform\s+engineering\s+day|cloud\s+native\s+security\s+con|kubeday))\b(?:\s+(Europe|North\s+America|Latin\s+America|Hong\s+Kong|EU|NA|China|India|Japan|Asia|Australia|APAC|Korea|EMEA|\p{Lu}\p{Ll}+))?(?:\s+((?:19|20)\d\d))?)");
  assert(re.ok());
  static const std::set<std::string> kRegions = {
      "europe", "north america", "latin america", "hong kong", "eu",   "na",    "china",
      "india",  "japan",         "asia",          "australia", "apac", "korea", "emea"};
  static const std::set<std::string> kNotPlaces = {
      "the",       "this",    "that",       "day",      "keynote",      "keynotes",    "is",
      "was",       "has",     "had",        "and",      "or",           "but",         "in",
      "on",        "at",      "for",        "with",     "from",         "it",          "we",
      "our",       "my",      "talk",       "talks",    "session",      "sessions",    "recap",
      "takeaways", "notes",   "highlights", "edition",  "conference",   "event",       "week",
      "blog",      "summary", "review",     "will",     "were",         "are",         "attendees",
      "schedule",  "program", "speakers",   "venue",    "registration", "tickets",     "co",
      "proper",    "itself",  "adventure",  "playlist", "videos",       "video",       "youtube",
      "booth",     "project", "projects",   "europe's", "maintainer",   "contributor", "ticket",
      "end",       "next",    "last",       "first"};
  std::vector<EventMention> out;
  if (text.size() > 20000) text = text.substr(0, 20000);
  re2::StringPiece input(text.data(), text.size());
  std::string series, region, year;
  while (RE2::FindAndConsume(&input, re, &series, &region, &year)) {
    EventMention e;
    std::string r = CollapseSpaces(region);
    if (!r.empty() && !kRegions.count(AsciiLower(r)) && kNotPlaces.count(AsciiLower(r))) r.clear();
    e.region = r;
    e.year = year;
    std::string s = CollapseSpaces(series);
    // "KubeCon+CloudNativeCon" and "KubeCon & CloudNativeCon" are written "KubeCon + ...".
    static const RE2 plus(R"((?i)^(kubecon)\s*(?:\+|&|and)\s*(cloudnativecon)(.*)$)");
    assert(plus.ok());
    std::string a, b, more;
    if (RE2::FullMatch(s, plus, &a, &b, &more)) s = a + " + " + b + more;
    e.name = s;
    std::string folded = Slug(s);
    e.family = folded.find("kubecon") != std::string::npos ||
                       folded.find("cloudnativecon") != std::string::npos
                   ? "kubecon"
               : folded == "kubernetes-community-days" || folded == "kubernetes-community-day"
                   ? "kcd"
                   : folded;
    if (!r.empty()) e.name += " " + r;
    if (!year.empty()) e.name += " " + year;
    e.score = static_cast<int>(CountWords(s)) + (r.empty() ? 0 : 2) + (year.empty() ? 0 : 2);
    // Offsets: the match ends where the input now starts; it begins at the series name.
    std::size_t end = static_cast<std::size_t>(input.data() - text.data());
    std::string_view consumed = text.substr(0, end);
    std::size_t begin = consumed.rfind(series);
    e.begin = begin == std::string_view::npos ? 0 : begin;
    // The match may have ended before an unused region/year group; trim trailing spaces.
    while (end > e.begin && text[end - 1] == ' ') --end;
    if (!region.empty() && r.empty()) {
      // A word taken for a region that is none: the event ends at the series (or year).
      end = e.begin + series.size();
    }
    e.end = end;
    out.push_back(std::move(e));
    series.clear();
    region.clear();
    year.clear();
  }
  return out;
}

std::string EventLabel(std::string_view text) {
  std::string t = CollapseSpaces(text);
  if (t.empty() || t.size() > 160) return "";
  static const RE2 lead(
      R"((?i)^(?:(?:my\s+|our\s+)?(?:talks|sessions|presentations|recordings|videos)\s+(?:at|from)\s+|at\s+|from\s+|@\s*))");
  static const RE2 tail(
      R"((?i)\s*(?:(?:talks?|sessions?|presentations?|recordings?|videos?|keynotes?|lightning\s+talks|highlights|picks)\s*)?[:.]?\s*$)");
  static const RE2 paren(R"(\s*\([^()]*\)\s*$)");
  static const RE2 trailing_place(R"(\s*[,\-–—]\s*\p{Lu}\p{L}*(?:\s\p{L}+){0,2}$)");
  assert(lead.ok() && tail.ok() && paren.ok() && trailing_place.ok());
  RE2::Replace(&t, lead, "");
  RE2::Replace(&t, paren, "");
  RE2::Replace(&t, tail, "");
  t = CollapseSpaces(t);
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<EventMention> found = FindEventNames(t);
    if (found.size() == 1 && found[0].begin == 0 && found[0].end >= t.size()) return found[0].name;
    // "KubeCon EU - Paris", "KCD Zurich, Switzerland": a place after the name.
    if (pass == 0 && !RE2::Replace(&t, trailing_place, "")) break;
  }
  return "";
}

EventAffix SplitEventAffix(std::string_view text) {
  EventAffix out;
  std::string t = CollapseSpaces(text);
  out.title = t;
  if (t.size() > 2000) return out;
  std::vector<EventMention> found = FindEventNames(t);
  if (found.empty()) return out;
  auto is_sep = [](char c) {
    return c == ':' || c == '-' || c == '|' || c == ',' || c == '@' || c == '(' || c == '[';
  };
  // A prefix: "[KubeCon EU 2025] - Title", "KubeCon NA 2025: Title".
  static const RE2 after_prefix(R"(^\s*[\])]?\s*(?:[:|,@\-\x{2013}\x{2014}]+|\])\s*(\S.*)$)");
  static const RE2 bracket_prefix(R"(^\s*[\])]\s*(\S.*)$)");
  assert(after_prefix.ok() && bracket_prefix.ok());
  const EventMention& first = found.front();
  std::size_t lead = 0;
  while (lead < t.size() && (t[lead] == '[' || t[lead] == '(' || t[lead] == ' ')) ++lead;
  if (first.begin == lead && first.end < t.size()) {
    std::string rest;
    std::string_view tail = std::string_view(t).substr(first.end);
    if ((RE2::FullMatch(tail, after_prefix, &rest) ||
         (lead > 0 && RE2::FullMatch(tail, bracket_prefix, &rest))) &&
        CountWords(rest) >= 2) {
      out.event = first.name;
      out.title = CollapseSpaces(rest);
      return out;
    }
  }
  // A suffix: "Title - KubeCon Europe 2024", "Title (KubeCon EU 2024)", "Title | KubeCon EU".
  const EventMention& last = found.back();
  std::size_t end = t.size();
  while (end > 0 && (t[end - 1] == ')' || t[end - 1] == ']' || t[end - 1] == ' ')) --end;
  if (last.end == end && last.begin > 0) {
    std::size_t k = last.begin;
    bool separated = false;
    while (k > 0) {
      unsigned char c = static_cast<unsigned char>(t[k - 1]);
      if (c == ' ') {
        --k;
      } else if (is_sep(static_cast<char>(c))) {
        separated = true;
        --k;
      } else if (k >= 3 && (t.compare(k - 3, 3, "\xE2\x80\x93") == 0 ||
                            t.compare(k - 3, 3, "\xE2\x80\x94") == 0)) {
        separated = true;
        k -= 3;
      } else {
        break;
      }
    }
    // " at KubeCon EU" / " @ KubeCon EU" also separate.
    std::string head = CollapseSpaces(std::string_view(t).substr(0, k));
    static const RE2 at(R"((?i)^(.*\S)\s+at$)");
    assert(at.ok());
    std::string before_at;
    if (!separated && RE2::FullMatch(head, at, &before_at)) {
      head = before_at;
      separated = true;
    }
    if (separated && CountWords(head) >= 2) {
      out.event = last.name;
      out.title = head;
    }
  }
  return out;
}

}  // namespace cnkg
