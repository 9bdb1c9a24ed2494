#include "query/lexer.h"

#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "common/strings.h"

namespace cnkg::query {
namespace {

bool IsIdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IsIdentPart(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The byte length of the Unicode space character at `pos` (U+00A0, U+2000..U+200B, U+3000,
// U+FEFF), or 0.
std::size_t UnicodeSpaceLength(std::string_view s, std::size_t pos) {
  auto at = [&](std::size_t i) -> unsigned char {
    return pos + i < s.size() ? static_cast<unsigned char>(s[pos + i]) : 0;
  };
  if (at(0) == 0xC2 && at(1) == 0xA0) return 2;
  if (at(0) == 0xE2 && at(1) == 0x80 && at(2) >= 0x80 && at(2) <= 0x8B) return 3;
  if (at(0) == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;
  if (at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return 3;
  return 0;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Expected<std::vector<Token>, SyntaxError> Run() {
    std::size_t bad = 0;
    if (!IsValidUtf8(text_, &bad)) {
      return SyntaxError{"the query is not valid UTF-8", {bad, bad + 1}};
    }
    std::vector<Token> tokens;
    while (true) {
      if (auto err = SkipSpaceAndComments()) return *err;
      if (pos_ >= text_.size()) break;
      Token t;
      if (auto err = Next(t)) return *err;
      tokens.push_back(std::move(t));
    }
    Token end;
    end.kind = TokenKind::kEnd;
    end.span = {text_.size(), text_.size()};
    tokens.push_back(std::move(end));
    return tokens;
  }

 private:
  std::optional<SyntaxError> SkipSpaceAndComments() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++pos_;
      } else if (text_.substr(pos_, 2) == "//") {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else if (text_.substr(pos_, 2) == "/*") {
        std::size_t close = text_.find("*/", pos_ + 2);
        if (close == std::string_view::npos) {
          return SyntaxError{"unterminated comment (missing */)", {pos_, pos_ + 2}};
        }
        pos_ = close + 2;
      } else {
        // Unicode spaces (no-break space and friends) are whitespace too.
        if (std::size_t n = UnicodeSpaceLength(text_, pos_)) {
          pos_ += n;
          continue;
        }
        break;
      }
    }
    return std::nullopt;
  }

  std::optional<SyntaxError> Next(Token& t) {
    const std::size_t start = pos_;
    const char c = text_[pos_];
    auto single = [&](TokenKind k, std::size_t len = 1) {
      t.kind = k;
      pos_ += len;
      t.span = {start, pos_};
      t.text = std::string(text_.substr(start, len));
      return std::nullopt;
    };
    auto peek = [&](std::size_t ahead) -> char {
      return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    };
    if (IsDigit(c) || (c == '.' && IsDigit(peek(1)))) return Number(t);
    if (IsIdentStart(static_cast<unsigned char>(c))) {
      while (pos_ < text_.size() && IsIdentPart(static_cast<unsigned char>(text_[pos_])) &&
             UnicodeSpaceLength(text_, pos_) == 0) {
        ++pos_;
      }
      t.kind = TokenKind::kIdentifier;
      t.text = std::string(text_.substr(start, pos_ - start));
      t.span = {start, pos_};
      return std::nullopt;
    }
    switch (c) {
      case '`':
        return Quoted(t);
      case '\'':
      case '"':
        return String(t);
      case '$': {
        ++pos_;
        std::size_t name_start = pos_;
        while (pos_ < text_.size() && IsIdentPart(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        if (pos_ == name_start) {
          return SyntaxError{"expected a parameter name after '$'", {start, start + 1}};
        }
        t.kind = TokenKind::kParameter;
        t.text = std::string(text_.substr(name_start, pos_ - name_start));
        t.span = {start, pos_};
        return std::nullopt;
      }
      case '(':
        return single(TokenKind::kLParen);
      case ')':
        return single(TokenKind::kRParen);
      case '[':
        return single(TokenKind::kLBracket);
      case ']':
        return single(TokenKind::kRBracket);
      case '{':
        return single(TokenKind::kLBrace);
      case '}':
        return single(TokenKind::kRBrace);
      case ',':
        return single(TokenKind::kComma);
      case ';':
        return single(TokenKind::kSemicolon);
      case ':':
        return single(TokenKind::kColon);
      case '|':
        return single(TokenKind::kPipe);
      case '*':
        return single(TokenKind::kStar);
      case '+':
        return single(TokenKind::kPlus);
      case '-':
        return single(TokenKind::kMinus);
      case '/':
        return single(TokenKind::kSlash);
      case '%':
        return single(TokenKind::kPercent);
      case '^':
        return single(TokenKind::kCaret);
      case '.':
        return peek(1) == '.' ? single(TokenKind::kDotDot, 2) : single(TokenKind::kDot);
      case '=':
        return peek(1) == '~' ? single(TokenKind::kRegexMatch, 2) : single(TokenKind::kEq);
      case '!':
        if (peek(1) == '=') return single(TokenKind::kNeq, 2);
        break;
      case '<':
        if (peek(1) == '>') return single(TokenKind::kNeq, 2);
        if (peek(1) == '=') return single(TokenKind::kLe, 2);
        return single(TokenKind::kLt);
      case '>':
        if (peek(1) == '=') return single(TokenKind::kGe, 2);
        return single(TokenKind::kGt);
      default:
        break;
    }
    std::size_t len = 1;
    while (start + len < text_.size() &&
           (static_cast<unsigned char>(text_[start + len]) & 0xC0) == 0x80) {
      ++len;
    }
    return SyntaxError{"unexpected character '" + std::string(text_.substr(start, len)) + "'",
                       {start, start + len}};
  }

  std::optional<SyntaxError> Number(Token& t) {
    const std::size_t start = pos_;
    bool is_float = false;
    while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    // "1..3" is 1, '..', 3: a '.' starts a fraction only when a digit follows it.
    if (pos_ + 1 < text_.size() && text_[pos_] == '.' && IsDigit(text_[pos_ + 1])) {
      is_float = true;
      ++pos_;
      while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      std::size_t save = pos_;
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (pos_ < text_.size() && IsDigit(text_[pos_])) {
        is_float = true;
        while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
      } else {
        pos_ = save;
        return SyntaxError{"malformed number: expected digits after the exponent",
                           {start, save + 1}};
      }
    }
    if (pos_ < text_.size() && IsIdentStart(static_cast<unsigned char>(text_[pos_]))) {
      std::size_t end = pos_;
      while (end < text_.size() && IsIdentPart(static_cast<unsigned char>(text_[end]))) ++end;
      return SyntaxError{"malformed number '" + std::string(text_.substr(start, end - start)) + "'",
                         {start, end}};
    }
    t.span = {start, pos_};
    t.text = std::string(text_.substr(start, pos_ - start));
    if (is_float) {
      t.kind = TokenKind::kFloat;
      errno = 0;
      char* endp = nullptr;
      t.number = std::strtod(t.text.c_str(), &endp);
      if (errno == ERANGE && (t.number > 1 || t.number < -1)) {
        return SyntaxError{"number " + t.text + " is too large", t.span};
      }
    } else {
      t.kind = TokenKind::kInteger;
    }
    return std::nullopt;
  }

  std::optional<SyntaxError> Quoted(Token& t) {
    const std::size_t start = pos_++;
    std::string name;
    while (true) {
      if (pos_ >= text_.size()) {
        return SyntaxError{"unterminated quoted name (missing `)", {start, start + 1}};
      }
      char c = text_[pos_++];
      if (c == '`') {
        if (pos_ < text_.size() && text_[pos_] == '`') {
          name += '`';
          ++pos_;
          continue;
        }
        break;
      }
      name += c;
    }
    if (name.empty()) return SyntaxError{"empty quoted name", {start, pos_}};
    t.kind = TokenKind::kIdentifier;
    t.quoted = true;
    t.text = std::move(name);
    t.span = {start, pos_};
    return std::nullopt;
  }

  std::optional<SyntaxError> String(Token& t) {
    const std::size_t start = pos_;
    const char quote = text_[pos_++];
    std::string value;
    while (true) {
      if (pos_ >= text_.size()) {
        return SyntaxError{std::string("unterminated string (missing ") + quote + ")",
                           {start, start + 1}};
      }
      char c = text_[pos_];
      if (c == quote) {
        ++pos_;
        break;
      }
      if (c != '\\') {
        value += c;
        ++pos_;
        continue;
      }
      const std::size_t esc = pos_;
      if (pos_ + 1 >= text_.size()) {
        return SyntaxError{std::string("unterminated string (missing ") + quote + ")",
                           {start, start + 1}};
      }
      char e = text_[pos_ + 1];
      pos_ += 2;
      switch (e) {
        case '\\':
          value += '\\';
          break;
        case '\'':
          value += '\'';
          break;
        case '"':
          value += '"';
          break;
        case 'n':
          value += '\n';
          break;
        case 't':
          value += '\t';
          break;
        case 'r':
          value += '\r';
          break;
        case 'b':
          value += '\b';
          break;
        case 'f':
          value += '\f';
          break;
        case 'u':
        case 'U': {
          const std::size_t digits = e == 'u' ? 4 : 8;
          std::uint32_t cp = 0;
          for (std::size_t i = 0; i < digits; ++i) {
            int d = pos_ + i < text_.size() ? HexDigit(text_[pos_ + i]) : -1;
            if (d < 0) {
              return SyntaxError{"invalid escape sequence: \\" + std::string(1, e) + " needs " +
                                     std::to_string(digits) + " hex digits",
                                 {esc, esc + 2}};
            }
            cp = cp * 16 + static_cast<std::uint32_t>(d);
          }
          if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return SyntaxError{"invalid escape sequence: not a Unicode code point",
                               {esc, esc + 2 + digits}};
          }
          pos_ += digits;
          value += Utf8Encode(static_cast<char32_t>(cp));
          break;
        }
        default: {
          std::size_t len = 1;
          while (esc + 1 + len < text_.size() &&
                 (static_cast<unsigned char>(text_[esc + 1 + len]) & 0xC0) == 0x80) {
            ++len;
          }
          pos_ = esc + 1 + len;
          return SyntaxError{"invalid escape sequence '\\" +
                                 std::string(text_.substr(esc + 1, len)) +
                                 "' (use \\\\ for a backslash)",
                             {esc, esc + 1 + len}};
        }
      }
    }
    t.kind = TokenKind::kString;
    t.text = std::move(value);
    t.span = {start, pos_};
    return std::nullopt;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

Expected<std::vector<Token>, SyntaxError> Tokenize(std::string_view text) {
  return Lexer(text).Run();
}

std::string DescribeToken(const Token& token) {
  switch (token.kind) {
    case TokenKind::kEnd:
      return "end of query";
    case TokenKind::kIdentifier:
      return "'" + token.text + "'";
    case TokenKind::kString:
      return "string '" + token.text + "'";
    case TokenKind::kParameter:
      return "parameter $" + token.text;
    default:
      return "'" + token.text + "'";
  }
}

}  // namespace cnkg::query
