#ifndef CNKG_EXTRACT_MARKUP_FRONT_MATTER_H_
#define CNKG_EXTRACT_MARKUP_FRONT_MATTER_H_

#include <string>
#include <vector>

#include "extract/core/document.h"
#include "extract/markup/text_doc.h"

namespace cnkg {

// Reads the front matter at the top of `doc`: YAML between a first line "---" and the next
// "---" (or "..."), read with yaml-cpp, or TOML between "+++" lines, read with toml++. Returns
// it (present == false when the document has none). Never fails: front matter that does not
// parse is read as "key: value" / "key = value" lines, with a warning naming its first line
// appended to `diagnostics`; an opening fence that is never closed is not front matter (a
// warning names line 1, and the text is read as body).
FrontMatter ReadFrontMatter(const Document& doc, std::vector<Diagnostic>& diagnostics);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_MARKUP_FRONT_MATTER_H_
