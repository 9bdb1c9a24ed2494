#ifndef CNKG_EXTRACT_GRAMMAR_LINKS_H_
#define CNKG_EXTRACT_GRAMMAR_LINKS_H_

#include <string>
#include <string_view>

namespace cnkg {

// What a link points at, as far as talks are concerned. A link to a talk's page, recording or
// slides is evidence that its text (or the line around it) names a talk; the others are not.
enum class LinkKind {
  kSchedEvent,    // a session page on sched: https://kccnceu2025.sched.com/event/1txyz/...
  kSchedShort,    // a sched short link: https://sched.co/1txyz
  kTalkPage,      // a session page of another conference tool (pretalx, Sessionize, a /talks/ page)
  kVideo,         // one recording: YouTube watch/youtu.be/live, Vimeo
  kSlides,        // slides: Speaker Deck, SlideShare, Google Slides, a static.sched.com file, PDF
  kPlaylist,      // a YouTube playlist or channel: not one talk
  kScheduleHome,  // a schedule's home page (https://kccnceu2025.sched.com/): not one talk
  kOther,         // anything else: repositories, pull requests, KEPs, docs, blogs, home pages
};

// Classifies `url` (http or https; anything else is kOther). Never fails.
LinkKind ClassifyLink(std::string_view url);

// True for the kinds that make a link evidence of a talk: a session page, a recording, slides.
bool IsTalkLink(LinkKind kind);

// A stable identity of the session a talk link points at, to tell that two links name the same
// session: "sched:1txyz" for a sched event page or short link (the id in its path), the video id
// for a YouTube or Vimeo link ("youtube:dQw4w9WgXcQ"); the URL without query and fragment for
// other talk links; "" for links that are not talk links.
std::string TalkLinkId(std::string_view url);

// The event a sched subdomain stands for: "kccnceu2025" -> "KubeCon + CloudNativeCon Europe
// 2025", "kccncna2024", "kccncchn2025" (China), "kccncjpn2025" (Japan), "kccncind2024" (India),
// "kccncossaidevchn2024" (the China edition with Open Source Summit and AI_dev),
// "colocatedeventsna2025" ("KubeCon + CloudNativeCon North America 2025 Co-located Events"),
// "ossna2025" ("Open Source Summit North America 2025"); two-digit years ("kccncna19") are read as
// 20xx. Returns "" for a URL that is not on such a subdomain.
std::string EventOfSchedLink(std::string_view url);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_LINKS_H_
