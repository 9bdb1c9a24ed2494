#ifndef CNKG_EXTRACT_GRAMMAR_REGEX_OPTIONS_H_
#define CNKG_EXTRACT_GRAMMAR_REGEX_OPTIONS_H_

#include <re2/re2.h>

namespace cnkg {

// Options for the few patterns whose automaton is large (Unicode letter classes repeated to
// read names): more memory for RE2's DFA, and no message on stderr when it still runs out (RE2
// then falls back to a slower matcher and the result is the same).
inline RE2::Options LargePatternOptions() {
  RE2::Options options;
  options.set_max_mem(64 << 20);
  options.set_log_errors(false);
  return options;
}

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_REGEX_OPTIONS_H_
