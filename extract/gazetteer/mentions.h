#ifndef CNKG_EXTRACT_GAZETTEER_MENTIONS_H_
#define CNKG_EXTRACT_GAZETTEER_MENTIONS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/gazetteer/gazetteer.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// `clean` with URLs, file paths and lower-case host names ("docker.io", "/var/run/x") replaced by
// spaces, so that project names inside them are not read as mentions. Same length as `clean`.
std::string BlankUrlsAndPaths(std::string_view clean);

// Finds the projects that `gazetteer` knows in `text` (a line or paragraph of `document`; the
// source line of the byte at offset i is line_at(i)) and adds to `batch` a Project entity for each
// and a MENTIONS relation from `source_key` (a Talk or Document already in the batch). A
// sub-project mention ("Foo Operator") adds the sub-project and its parent project, each mentioned.
// The evidence of each relation is the sentence around the mention. Returns the number of mentions
// found. `context` is text around `text` (a talk's description for its title) whose context cues
// may confirm an everyday-word name (Gazetteer::FindMentions); it is not scanned itself.
int AddProjectMentions(const Gazetteer& gazetteer, std::string_view text,
                       const std::string& source_key, const SharedString& document,
                       const std::function<int(std::size_t)>& line_at, ExtractionBatch& batch,
                       std::string_view context = {}, bool continues_sentence = false);

// The same for mentions already found: `mentions` is what gazetteer.FindMentions returned for
// `text` (with whatever context).
int AddProjectMentions(const Gazetteer& gazetteer, const std::vector<ProjectMention>& mentions,
                       std::string_view text, const std::string& source_key,
                       const SharedString& document, const std::function<int(std::size_t)>& line_at,
                       ExtractionBatch& batch);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GAZETTEER_MENTIONS_H_
