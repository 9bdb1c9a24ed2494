#include "extract/grammar/links.h"

#include <re2/re2.h>

#include <cassert>

#include "common/strings.h"

namespace cnkg {
namespace {

constexpr std::size_t kMaxUrl = 4000;

struct Parts {
  std::string host;  // lower case, without "www."
  std::string path;  // from the first '/', without query and fragment
  std::string query;
};

bool Split(std::string_view url, Parts* out) {
  static const RE2 re(
      R"((?i)^https?://(?:www\.|m\.)?([^/?#:\s]+)(?::\d+)?([^?#\s]*)(?:\?([^#\s]*))?(?:#.*)?$)");
  assert(re.ok());
  if (url.size() > kMaxUrl) return false;
  std::string host;
  if (!RE2::FullMatch(url, re, &host, &out->path, &out->query)) return false;
  out->host = AsciiLower(host);
  return true;
}

bool HostIs(const std::string& host, std::string_view domain) {
  return host == domain || (host.size() > domain.size() &&
                            host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
                            host[host.size() - domain.size() - 1] == '.');
}

std::string QueryValue(const std::string& query, std::string_view key) {
  for (const std::string& kv : cnkg::Split(query, "&")) {
    std::size_t eq = kv.find('=');
    if (eq != std::string::npos && std::string_view(kv).substr(0, eq) == key)
      return kv.substr(eq + 1);
  }
  return "";
}

}  // namespace

LinkKind ClassifyLink(std::string_view url) {
  Parts p;
  if (!Split(url, &p)) return LinkKind::kOther;
  const std::string path = AsciiLower(p.path);
  if (HostIs(p.host, "sched.co")) return path.size() > 1 ? LinkKind::kSchedShort : LinkKind::kOther;
  if (HostIs(p.host, "static.sched.com")) return LinkKind::kSlides;
  if (HostIs(p.host, "sched.com") || HostIs(p.host, "sched.org")) {
    if (path.rfind("/event/", 0) == 0 && path.size() > 7) return LinkKind::kSchedEvent;
    if (path.empty() || path == "/" || path.rfind("/list", 0) == 0 || path.rfind("/grid", 0) == 0 ||
        path.rfind("/overview", 0) == 0 || path.rfind("/speaker", 0) == 0 ||
        path.rfind("/venue", 0) == 0 || path.rfind("/type", 0) == 0 ||
        path.rfind("/directory", 0) == 0)
      return LinkKind::kScheduleHome;
    return LinkKind::kOther;
  }
  if (HostIs(p.host, "youtube.com") || HostIs(p.host, "youtube-nocookie.com")) {
    if (path == "/watch" && !QueryValue(p.query, "v").empty()) return LinkKind::kVideo;
    if (path.rfind("/live/", 0) == 0 || path.rfind("/embed/", 0) == 0 ||
        path.rfind("/shorts/", 0) == 0 || path.rfind("/v/", 0) == 0)
      return LinkKind::kVideo;
    return LinkKind::kPlaylist;  // playlists, channels, search pages
  }
  if (HostIs(p.host, "youtu.be")) return path.size() > 1 ? LinkKind::kVideo : LinkKind::kOther;
  if (HostIs(p.host, "vimeo.com")) {
    static const RE2 id(R"(^/(?:video/)?\d+/?$)");
    assert(id.ok());
    return RE2::FullMatch(path, id) ? LinkKind::kVideo : LinkKind::kOther;
  }
  if (HostIs(p.host, "speakerdeck.com") || HostIs(p.host, "slideshare.net") ||
      HostIs(p.host, "slides.com")) {
    // "/user/deck" is a deck; "/user" alone is the speaker's profile.
    static const RE2 deck(R"(^/[^/]+/[^/]+)");
    assert(deck.ok());
    return RE2::PartialMatch(path, deck) ? LinkKind::kSlides : LinkKind::kOther;
  }
  if (HostIs(p.host, "docs.google.com") && path.rfind("/presentation/", 0) == 0)
    return LinkKind::kSlides;
  if (HostIs(p.host, "pretalx.com") || HostIs(p.host, "sessionize.com")) {
    static const RE2 session(R"((?:^|/)(?:talk|talks|session|sessions|s)/[^/]+)");
    assert(session.ok());
    return RE2::PartialMatch(path, session) ? LinkKind::kTalkPage : LinkKind::kOther;
  }
  if (path.size() > 4 && path.compare(path.size() - 4, 4, ".pdf") == 0) return LinkKind::kSlides;
  static const RE2 talk_path(R"(/(?:talks?|sessions?|slides?|presentations?)/[^/]+)");
  assert(talk_path.ok());
  if (RE2::PartialMatch(path, talk_path) && !HostIs(p.host, "github.com") &&
      !HostIs(p.host, "gitlab.com"))
    return LinkKind::kTalkPage;
  return LinkKind::kOther;
}

bool IsTalkLink(LinkKind kind) {
  switch (kind) {
    case LinkKind::kSchedEvent:
    case LinkKind::kSchedShort:
    case LinkKind::kTalkPage:
    case LinkKind::kVideo:
    case LinkKind::kSlides:
      return true;
    default:
      return false;
  }
}

std::string TalkLinkId(std::string_view url) {
  LinkKind kind = ClassifyLink(url);
  if (!IsTalkLink(kind)) return "";
  Parts p;
  Split(url, &p);
  static const RE2 sched_id(R"(^/(?:event/)?([A-Za-z0-9]+))");
  assert(sched_id.ok());
  std::string id;
  if ((kind == LinkKind::kSchedEvent || kind == LinkKind::kSchedShort) &&
      RE2::PartialMatch(p.path, sched_id, &id))
    return "sched:" + id;
  if (kind == LinkKind::kVideo) {
    if (HostIs(p.host, "youtu.be")) return "youtube:" + p.path.substr(1);
    if (HostIs(p.host, "vimeo.com")) return "vimeo:" + p.path.substr(p.path.rfind('/') + 1);
    std::string v = QueryValue(p.query, "v");
    if (!v.empty()) return "youtube:" + v;
    std::size_t slash = p.path.find('/', 1);
    return "youtube:" + (slash == std::string::npos ? p.path : p.path.substr(slash + 1));
  }
  return p.host + p.path;
}

std::string EventOfSchedLink(std::string_view url) {
  Parts p;
  if (!Split(url, &p) || !HostIs(p.host, "sched.com")) return "";
  std::string sub = p.host.substr(0, p.host.find('.'));
  static const RE2 kubecon(
      R"(^k(?:c)?(?:cnc)?(?:oss)?(?:aidev)?(eu|na|chn|cn|china|jpn|jp|japan|ind|in|india|hk)(\d{2}|\d{4})$)");
  static const RE2 colocated(R"(^colocatedevents(eu|na)(\d{2}|\d{4})$)");
  static const RE2 oss(R"(^oss(eu|na|japan|jp|india|chn|china)(\d{2}|\d{4})$)");
  assert(kubecon.ok() && colocated.ok() && oss.ok());
  auto region = [](const std::string& r) -> std::string {
    if (r == "eu") return "Europe";
    if (r == "na") return "North America";
    if (r == "chn" || r == "cn" || r == "china" || r == "hk") return "China";
    if (r == "jpn" || r == "jp" || r == "japan") return "Japan";
    return "India";
  };
  auto year = [](const std::string& y) { return y.size() == 2 ? "20" + y : y; };
  std::string r, y;
  if (RE2::FullMatch(sub, kubecon, &r, &y))
    return "KubeCon + CloudNativeCon " + region(r) + " " + year(y);
  if (RE2::FullMatch(sub, colocated, &r, &y))
    return "KubeCon + CloudNativeCon " + region(r) + " " + year(y) + " Co-located Events";
  if (RE2::FullMatch(sub, oss, &r, &y)) return "Open Source Summit " + region(r) + " " + year(y);
  return "";
}

}  // namespace cnkg
