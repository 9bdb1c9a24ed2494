#include "cli/statement_splitter.h"

#include <cctype>

namespace cnkg::cli {
namespace {

std::string Trimmed(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

}  // namespace

std::vector<std::string> StatementSplitter::Add(std::string_view line) {
  std::vector<std::string> done;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const char next = i + 1 < line.size() ? line[i + 1] : '\0';
    switch (state_) {
      case State::kCode:
        if (c == ';') {
          EndStatement(done);
          continue;
        }
        if (c == '/' && next == '/') {  // a line comment: the rest of the line
          buffer_.append(line.substr(i));
          i = line.size();
          continue;
        }
        if (c == '/' && next == '*') {
          state_ = State::kBlockComment;
          buffer_ += "/*";
          ++i;
          continue;
        }
        if (c == '\'') state_ = State::kSingle;
        if (c == '"') state_ = State::kDouble;
        if (c == '`') state_ = State::kBacktick;
        if (!std::isspace(static_cast<unsigned char>(c))) has_code_ = true;
        break;
      case State::kSingle:
      case State::kDouble:
        if (escape_) {
          escape_ = false;
        } else if (c == '\\') {
          escape_ = true;
        } else if (c == (state_ == State::kSingle ? '\'' : '"')) {
          state_ = State::kCode;
        }
        break;
      case State::kBacktick:
        if (c == '`') state_ = State::kCode;  // `a``b`: closes and opens again
        break;
      case State::kBlockComment:
        if (c == '*' && next == '/') {
          state_ = State::kCode;
          buffer_ += "*/";
          ++i;
          continue;
        }
        break;
    }
    buffer_ += c;
  }
  if (pending() || !buffer_.empty()) {
    escape_ = false;  // a backslash at the end of a line escapes the line break
    buffer_ += '\n';
  }
  return done;
}

void StatementSplitter::EndStatement(std::vector<std::string>& out) {
  if (has_code_) out.push_back(Trimmed(buffer_));
  buffer_.clear();
  has_code_ = false;
}

std::string StatementSplitter::TakeRest() {
  std::string rest = has_code_ ? Trimmed(buffer_) : std::string();
  Clear();
  return rest;
}

void StatementSplitter::Clear() {
  buffer_.clear();
  state_ = State::kCode;
  escape_ = false;
  has_code_ = false;
}

}  // namespace cnkg::cli
