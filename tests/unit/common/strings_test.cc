#include "common/strings.h"

#include <catch2/catch.hpp>

using namespace cnkg;

TEST_CASE("Trim removes ASCII and Unicode spaces") {
  CHECK(Trim("  a b \t") == "a b");
  CHECK(Trim("\xC2\xA0x\xE2\x80\x8B") == "x");
  CHECK(Trim("   ").empty());
}

TEST_CASE("Split trims pieces and drops empty ones unless asked") {
  CHECK(Split("a; b ;;c", ";") == std::vector<std::string>{"a", "b", "c"});
  CHECK(Split("a;;b", ";", true) == std::vector<std::string>{"a", "", "b"});
  CHECK(Split("", ";").empty());
}

TEST_CASE("FoldName folds case, accents, apostrophes and spaces") {
  CHECK(FoldName("Aurélie  VACHE") == "aurelie vache");
  CHECK(FoldName("Lene Kärnström") == FoldName("lene karnstrom"));
  CHECK(FoldName("L\xE2\x80\x99"
                 "Ecuyer") == "l'ecuyer");
  CHECK(FoldName("Wojtek Nowiński") == "wojtek nowinski");
}

TEST_CASE("FoldName's ASCII fast path folds as the full Unicode path does") {
  for (int c = 0; c < 128; ++c) {
    const std::string one(1, static_cast<char>(c));
    for (const std::string& s : {one, "A" + one + "b", one + " x " + one + one}) {
      INFO("byte " << c);
      CHECK(FoldName(s) == FoldNameUnicode(s));
    }
  }
  // Pseudo-random ASCII strings (a fixed linear congruential sequence).
  unsigned state = 12345;
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    const int len = static_cast<int>(state % 24);
    for (int i = 0; i < len; ++i) {
      state = state * 1103515245u + 12345u;
      s.push_back(static_cast<char>((state >> 16) % 128));
    }
    state = state * 1103515245u + 12345u;
    INFO(s);
    CHECK(FoldName(s) == FoldNameUnicode(s));
  }
}

TEST_CASE("Slug makes stable key fragments") {
  CHECK(Slug("Argo CD") == "argo-cd");
  CHECK(Slug("Café Résumé!") == "cafe-resume");
  CHECK(Slug("solo.io") == Slug("Solo.io"));
  CHECK(Slug("!!!") == "_");
  CHECK(Slug("  --Kubernetes--  ") == "kubernetes");
  CHECK(Slug("C++") == "c-plus-plus");
  CHECK(Slug("C#") == "c-sharp");
  CHECK(Slug("Dapr + Score") == "dapr-score");
  CHECK(Slug("Notepad++ Tips") == "notepad-plus-plus-tips");
}

TEST_CASE("IsValidUtf8 reports the first bad byte") {
  std::size_t bad = 0;
  CHECK(IsValidUtf8("plain ascii"));
  CHECK(IsValidUtf8("caf\xC3\xA9"));
  CHECK_FALSE(
      IsValidUtf8("ab\xFF"
                  "cd",
                  &bad));
  CHECK(bad == 2);
  CHECK_FALSE(IsValidUtf8("\xC3", &bad));  // truncated sequence
  // Long ASCII runs are read eight bytes at a time: a bad byte anywhere after them is found.
  const std::string ascii(37, 'a');
  for (std::size_t at = 0; at <= ascii.size(); ++at) {
    std::string s = ascii;
    s.insert(at, "\x80");
    INFO("bad byte at " << at);
    CHECK_FALSE(IsValidUtf8(s, &bad));
    CHECK(bad == at);
    CHECK(IsValidUtf8(ascii.substr(0, at) + "\xE2\x82\xAC" + ascii.substr(at)));
  }
}

TEST_CASE("SentenceAround quotes the sentence holding a range") {
  std::string text = "First one. We run Kueue on v2.3 here, e.g. daily. Last!";
  std::size_t at = text.find("Kueue");
  CHECK(SentenceAround(text, at, at + 5) == "We run Kueue on v2.3 here, e.g. daily.");
  CHECK(SentenceAround(text, 0, 5) == "First one.");
  CHECK(SentenceAround("no boundary", 3, 5) == "no boundary");
}

TEST_CASE("CollapseSpaces and case helpers") {
  CHECK(CollapseSpaces("  a \n\t b  ") == "a b");
  CHECK(AsciiLower("KubeCon") == "kubecon");
  CHECK(EqualsIgnoreCase("EST", "est"));
  CHECK(StartsWithIgnoreCase("Keynote: x", "keynote"));
  CHECK(Utf8Length("caf\xC3\xA9") == 4);
}

TEST_CASE("OneLineMessage escapes control characters and repairs UTF-8") {
  CHECK(OneLineMessage("plain caf\xC3\xA9") == "plain caf\xC3\xA9");
  CHECK(OneLineMessage(std::string("a\nb\tc\rd\0e\x1f\x7f", 11)) == "a\\nb\\tc\\rd\\0e\\x1f\\x7f");
  CHECK(OneLineMessage("bad \xFF") == "bad \xEF\xBF\xBD");
}

TEST_CASE("SafeUtf8 replaces each invalid byte and keeps the rest") {
  CHECK(SafeUtf8("ok") == "ok");
  CHECK(SafeUtf8("a\xC3"
                 "A\xFF\xFE") ==
        "a\xEF\xBF\xBD"
        "A\xEF\xBF\xBD\xEF\xBF\xBD");
}
