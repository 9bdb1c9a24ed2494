#ifndef CNKG_CLI_STATEMENT_SPLITTER_H_
#define CNKG_CLI_STATEMENT_SPLITTER_H_

#include <string>
#include <string_view>
#include <vector>

namespace cnkg::cli {

// Splits the lines a user types into Cypher statements. A statement ends at a ';' that is not
// inside a string ('..' or "..", where a backslash escapes the next character), a quoted name
// (`..`) or a comment (// to the end of the line, /* .. */); it may span lines and a line may
// hold several. The ';' itself is not part of the statement.
class StatementSplitter {
 public:
  // Adds one line (without its line break) and returns the statements it completes, in order,
  // trimmed of surrounding whitespace. Statements holding only whitespace and comments are
  // dropped.
  std::vector<std::string> Add(std::string_view line);
  // True while a statement has begun (code outside comments) or a comment, string or quoted
  // name is open: the next line continues it.
  bool pending() const { return has_code_ || state_ != State::kCode; }
  // The unfinished statement (trimmed; "" when it holds no code), emptying the splitter.
  std::string TakeRest();
  void Clear();

 private:
  enum class State { kCode, kSingle, kDouble, kBacktick, kBlockComment };
  // Ends the statement in buffer_: appends it to `out` unless it holds no code.
  void EndStatement(std::vector<std::string>& out);

  std::string buffer_;
  State state_ = State::kCode;
  bool escape_ = false;    // the last character was a backslash inside a string
  bool has_code_ = false;  // buffer_ holds something besides whitespace and comments
};

}  // namespace cnkg::cli

#endif  // CNKG_CLI_STATEMENT_SPLITTER_H_
