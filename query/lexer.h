#ifndef CNKG_QUERY_LEXER_H_
#define CNKG_QUERY_LEXER_H_

#include <string>
#include <string_view>
#include <vector>

#include "query/errors.h"

namespace cnkg::query {

enum class TokenKind {
  kEnd,         // end of the query text (always the last token)
  kIdentifier,  // a name or keyword; keywords are recognised by the parser, case-insensitively
  kInteger,  // digits; `text` holds them (the parser converts, so that -9223372036854775808 works)
  kFloat,    // `number` holds the value
  kString,   // 'text' or "text"; `text` holds the decoded value
  kParameter,  // $name; `text` holds the name
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kComma,
  kDot,
  kDotDot,
  kColon,
  kSemicolon,
  kPipe,
  kStar,
  kPlus,
  kMinus,
  kSlash,
  kPercent,
  kCaret,
  kEq,   // =
  kNeq,  // <> or !=
  kLt,
  kLe,
  kGt,
  kGe,
  kRegexMatch,  // =~
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;     // identifier name (unquoted), string value, integer digits, parameter
  double number = 0;    // kFloat
  bool quoted = false;  // a `backtick-quoted` identifier, never a keyword
  SourceSpan span;
};

// Splits `text` into tokens, skipping whitespace and // and /* */ comments. Fails on invalid
// UTF-8, an unterminated string or comment, an invalid escape sequence, a malformed number or a
// character that starts no token. Never fails otherwise; the last token is always kEnd.
Expected<std::vector<Token>, SyntaxError> Tokenize(std::string_view text);

// How a token is named in messages: "end of query", "'('", "identifier 'foo'", "string 'x'".
std::string DescribeToken(const Token& token);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_LEXER_H_
