#ifndef CNKG_QUERY_ERRORS_H_
#define CNKG_QUERY_ERRORS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace cnkg::query {

// A byte range [begin, end) of the query text.
struct SourceSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Each stage of the pipeline fails with its own error type; RunQuery (engine.cc) is the one
// boundary that turns them into user messages.

// The lexer or parser could not read the text. `span` is where the problem is.
struct SyntaxError {
  std::string message;
  SourceSpan span;
};

// The query reads well but means something impossible over this graph: an unknown label,
// relationship type, property, function or variable, a missing parameter, a misplaced aggregate.
// `message` includes the suggestion ("did you mean 'Talk'?") when there is one.
struct BindError {
  std::string message;
  SourceSpan span;
};

// Evaluation failed: a type error, an invalid regular expression, integer overflow, or the query
// exceeded the work limits. `span` is the expression that failed when known (begin == end
// otherwise).
struct RuntimeError {
  std::string message;
  SourceSpan span;
};

// A value or an error of type E, for the stages' return values.
template <typename T, typename E>
class Expected {
 public:
  Expected(T value) : rep_(std::in_place_index<0>, std::move(value)) {}  // NOLINT
  Expected(E error) : rep_(std::in_place_index<1>, std::move(error)) {}  // NOLINT
  bool ok() const { return rep_.index() == 0; }
  T& value() & { return std::get<0>(rep_); }
  const T& value() const& { return std::get<0>(rep_); }
  T&& value() && { return std::get<0>(std::move(rep_)); }
  const E& error() const { return std::get<1>(rep_); }

 private:
  std::variant<T, E> rep_;
};

// 1-based line and column (in code points) of a byte offset of `text`.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn LocateOffset(std::string_view text, std::size_t offset);

// "line L, column C: MESSAGE" followed by the line of `text` that holds span.begin and a line
// with a caret under span.begin ('~' continuing under the rest of the span on that line). Long
// lines are shown as an excerpt around the spot.
std::string RenderAt(std::string_view text, SourceSpan span, std::string_view message);

// Levenshtein distance, ASCII case-insensitive, for "did you mean" suggestions.
std::size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace cnkg::query

#endif  // CNKG_QUERY_ERRORS_H_
