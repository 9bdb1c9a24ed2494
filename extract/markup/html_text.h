#ifndef CNKG_EXTRACT_MARKUP_HTML_TEXT_H_
#define CNKG_EXTRACT_MARKUP_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace cnkg {

// The text of an HTML fragment as schedule exports write descriptions ("<p>Learn how
// Argo&nbsp;CD&#39;s sync waves&hellip;</p><br>"): tags removed (block tags and <br> become line
// breaks, others nothing), character references decoded (named ones that such text uses, and
// every decimal and hexadecimal one that is a valid code point), runs of spaces collapsed and
// lines trimmed, at most one blank line in a row. Plain text without markup comes back with only
// its spacing normalised. A '<' that does not start a tag ("a < b") is kept. Never fails;
// linear in the size of `html`.
std::string HtmlToText(std::string_view html);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_MARKUP_HTML_TEXT_H_
