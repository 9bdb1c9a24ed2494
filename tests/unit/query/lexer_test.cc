#include "query/lexer.h"

#include <catch2/catch.hpp>

namespace cnkg::query {
namespace {

std::vector<TokenKind> Kinds(std::string_view text) {
  auto t = Tokenize(text);
  REQUIRE(t.ok());
  std::vector<TokenKind> out;
  for (const Token& tok : t.value()) out.push_back(tok.kind);
  return out;
}

std::string LexError(std::string_view text) {
  auto t = Tokenize(text);
  REQUIRE_FALSE(t.ok());
  return t.error().message;
}

TEST_CASE("Lexer: punctuation, arrows and ranges", "[query][lexer]") {
  using K = TokenKind;
  CHECK(Kinds("(a)-[:R*1..3]->(b)") ==
        std::vector<K>{K::kLParen, K::kIdentifier, K::kRParen, K::kMinus, K::kLBracket, K::kColon,
                       K::kIdentifier, K::kStar, K::kInteger, K::kDotDot, K::kInteger, K::kRBracket,
                       K::kMinus, K::kGt, K::kLParen, K::kIdentifier, K::kRParen, K::kEnd});
  CHECK(Kinds("<> != <= >= =~ = < >") == std::vector<K>{K::kNeq, K::kNeq, K::kLe, K::kGe,
                                                        K::kRegexMatch, K::kEq, K::kLt, K::kGt,
                                                        K::kEnd});
  CHECK(Kinds("a.b , ; | + / % ^ { }") ==
        std::vector<K>{K::kIdentifier, K::kDot, K::kIdentifier, K::kComma, K::kSemicolon, K::kPipe,
                       K::kPlus, K::kSlash, K::kPercent, K::kCaret, K::kLBrace, K::kRBrace,
                       K::kEnd});
}

TEST_CASE("Lexer: numbers", "[query][lexer]") {
  auto t = Tokenize("42 1.5 .25 1e3 2.5E-2 1..4");
  REQUIRE(t.ok());
  const auto& v = t.value();
  CHECK(v[0].kind == TokenKind::kInteger);
  CHECK(v[0].text == "42");
  CHECK(v[1].kind == TokenKind::kFloat);
  CHECK(v[1].number == 1.5);
  CHECK(v[2].number == 0.25);
  CHECK(v[3].kind == TokenKind::kFloat);
  CHECK(v[3].number == 1000.0);
  CHECK(v[4].number == Approx(0.025));
  CHECK(v[5].kind == TokenKind::kInteger);
  CHECK(v[6].kind == TokenKind::kDotDot);
  CHECK(v[7].text == "4");
}

TEST_CASE("Lexer: strings and escapes", "[query][lexer]") {
  auto t = Tokenize(R"('it\'s' "say \"hi\"" 'a\nb' '\u00e9' 'caf\U0001F600')");
  REQUIRE(t.ok());
  const auto& v = t.value();
  CHECK(v[0].text == "it's");
  CHECK(v[1].text == "say \"hi\"");
  CHECK(v[2].text == "a\nb");
  CHECK(v[3].text == "\xC3\xA9");
  CHECK(v[4].text == "caf\xF0\x9F\x98\x80");
}

TEST_CASE("Lexer: identifiers, backticks, parameters and comments", "[query][lexer]") {
  auto t = Tokenize("MATCH `my var` $name // comment\n /* block */ x");
  REQUIRE(t.ok());
  const auto& v = t.value();
  REQUIRE(v.size() == 5);
  CHECK(v[0].text == "MATCH");
  CHECK(v[1].text == "my var");
  CHECK(v[1].quoted);
  CHECK(v[2].kind == TokenKind::kParameter);
  CHECK(v[2].text == "name");
  CHECK(v[3].text == "x");
  CHECK(v[3].span.begin == 45);
}

TEST_CASE("Lexer: Unicode spaces separate tokens", "[query][lexer]") {
  auto t = Tokenize("MATCH\xC2\xA0(n)");
  REQUIRE(t.ok());
  CHECK(t.value()[0].text == "MATCH");
  CHECK(t.value()[1].kind == TokenKind::kLParen);
}

TEST_CASE("Lexer: every error message", "[query][lexer]") {
  CHECK(LexError("MATCH (n) WHERE n.name = 'abc") == "unterminated string (missing ')");
  CHECK(LexError("RETURN \"abc") == "unterminated string (missing \")");
  CHECK(LexError("RETURN 'a\\qb'") == "invalid escape sequence '\\q' (use \\\\ for a backslash)");
  CHECK(LexError("RETURN '\\u12'") == "invalid escape sequence: \\u needs 4 hex digits");
  CHECK(LexError("RETURN '\\uD800'") == "invalid escape sequence: not a Unicode code point");
  CHECK(LexError("RETURN 1 /* open") == "unterminated comment (missing */)");
  CHECK(LexError("RETURN `abc") == "unterminated quoted name (missing `)");
  CHECK(LexError("RETURN ``") == "empty quoted name");
  CHECK(LexError("RETURN $") == "expected a parameter name after '$'");
  CHECK(LexError("RETURN 1e") == "malformed number: expected digits after the exponent");
  CHECK(LexError("RETURN 12abc") == "malformed number '12abc'");
  CHECK(LexError("RETURN 1e999") == "number 1e999 is too large");
  CHECK(LexError("RETURN #") == "unexpected character '#'");
  CHECK(LexError("RETURN '\xFF'") == "the query is not valid UTF-8");
}

TEST_CASE("Lexer: error spans point at the problem", "[query][lexer]") {
  auto t = Tokenize("RETURN 'abc");
  REQUIRE_FALSE(t.ok());
  CHECK(t.error().span.begin == 7);
  auto u = Tokenize("RETURN 1 # 2");
  REQUIRE_FALSE(u.ok());
  CHECK(u.error().span.begin == 9);
}

}  // namespace
}  // namespace cnkg::query
