// Link classification (extract/grammar/links.h): which links are evidence of a talk.

#include "extract/grammar/links.h"

#include <catch2/catch.hpp>

using namespace cnkg;

TEST_CASE("Slides are a deck, not the speaker's profile", "[links]") {
  CHECK(ClassifyLink("https://speakerdeck.com/someone/scaling-etcd") == LinkKind::kSlides);
  CHECK(ClassifyLink("https://www.slideshare.net/someone/a-deck") == LinkKind::kSlides);
  CHECK(ClassifyLink("https://speakerdeck.com/someone") == LinkKind::kOther);
  CHECK(ClassifyLink("https://speakerdeck.com/someone/") == LinkKind::kOther);
  CHECK(ClassifyLink("https://slides.com/someone") == LinkKind::kOther);
  CHECK(!IsTalkLink(ClassifyLink("https://speakerdeck.com/someone")));
}

TEST_CASE("Recordings and sched pages are talks; channels and playlists are not", "[links]") {
  CHECK(IsTalkLink(ClassifyLink("https://www.youtube.com/watch?v=abc123")));
  CHECK(IsTalkLink(ClassifyLink("https://youtu.be/abc123")));
  CHECK(IsTalkLink(ClassifyLink("https://kccnceu2025.sched.com/event/1abc")));
  CHECK(IsTalkLink(ClassifyLink("https://sched.co/1abc")));
  CHECK(!IsTalkLink(ClassifyLink("https://www.youtube.com/playlist?list=PLx")));
  CHECK(!IsTalkLink(ClassifyLink("https://www.youtube.com/@cncf")));
  CHECK(!IsTalkLink(ClassifyLink("https://kccnceu2025.sched.com/")));
  CHECK(!IsTalkLink(ClassifyLink("https://github.com/org/repo/blob/main/talks/x.md")));
}
