#ifndef CNKG_EXTRACT_READERS_ARTICLE_H_
#define CNKG_EXTRACT_READERS_ARTICLE_H_

#include "common/status.h"
#include "extract/core/document.h"
#include "graph/batch.h"

namespace cnkg {

class Gazetteer;

// True when the document reads as prose (a recap post, a talk list), plain text or Markdown: it
// has sentences, and is neither mostly code nor a CSV/TSV table. Looks at the first 3000 lines
// only. Callers that detect formats ask the schedule reader first (a schedule also has prose in
// its descriptions). Never fails.
bool LooksLikeArticle(const Document& doc);

// 10 when LooksLikeArticle, 0 otherwise (see Reader::recognise in reader.h).
int RecogniseArticle(const Document& doc);

// Extracts an article: a recap post, a talk-picks list or a Markdown table of talks, in plain
// text or Markdown (front matter, '#' and setext headings, lists, tables, links, code spans and
// code blocks; see markup/markdown.h). The batch holds:
//  - the Document node (key MakeKey(kDocument, file base name), properties path, format, title);
//  - the Event the article is about, named as the front matter ("event:", "conference:"), the
//    title or the first paragraphs name it, with the other spellings found there (same series,
//    same year) as aliases;
//  - one Talk per talk the article names: a heading "Title - Speaker, Org & Speaker, Org"
//    (grammar in article_speakers.h), a heading followed by a talk link or a "Speakers:" line, a
//    heading with a session prefix ("Keynote:"), in plain text a Title Case line followed by prose
//    inside a "Day N" section, in Markdown a heading beside talk headings of its level, a list
//    item "- [Title](sched-url) - Name, Org", or a row of a table with a title and a speakers
//    column. Day headers, "TL;DR", "Conclusion", "Recordings", breaks and similar are not talks.
//    A talk with speakers is keyed by its title (so that a schedule naming it shares the key); a
//    talk without speakers by its title scoped to the event (or to the document). Its property
//    `url` is the sched, slides or video link given with it. Each talk is PART_OF the event and
//    FROM the document;
//  - Person, Organization, PRESENTS and AFFILIATED_WITH (property "title" when a job title is
//    given) for each speaker;
//  - MENTIONS of projects (extract/mentions.h): from a talk for each project named in its title
//    or its text (the lines under its heading up to the next talk or section heading), and from
//    the Document for each project named anywhere in the article. URLs and paths are not read.
// Every entity and relation carries evidence: the document path as given, the 1-based line and
// the line's text or the sentence. `gazetteer` is only read during the call.
//
// Problems that leave the rest readable are warnings in the batch's diagnostics, naming the line:
// an unterminated front matter block or code fence (the rest is read as text). An article with no
// headings has no talks but still its document mentions. Fails with kParseError naming the file
// only when nothing usable is found (no talk, no event and no project mention). Runs in time
// linear in the size of the document, including a single multi-megabyte line.
Result<ExtractionBatch> ExtractArticle(const Document& doc, const Gazetteer& gazetteer);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_READERS_ARTICLE_H_
