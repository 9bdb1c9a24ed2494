#ifndef CNKG_EXTRACT_GRAMMAR_DESCRIPTION_SPEAKERS_H_
#define CNKG_EXTRACT_GRAMMAR_DESCRIPTION_SPEAKERS_H_

#include <string_view>
#include <vector>

#include "extract/grammar/article_speakers.h"

namespace cnkg {

// The people a session description names as its speakers, where a line says so, as meetup and
// community calendars write them when the event's title holds no speakers:
//
//   Speaker: Ana Silva (Staff Engineer, Initech)
//   Speakers: Ana Silva (Initech); Bo Li (Globex)
//   Talk by Ana Silva, Staff Engineer @ Initech
//   Presented by Ana Silva, Initech & Bo Li, Globex
//   - Ana Silva (Initech): Lightning talk title        (a list of short talks in one session)
//
// Only lines that start with such a cue (or list items of the last form) are read; names must
// look like people's names. Returns the people in order, each once. Never fails; linear in the
// size of `text`.
std::vector<HeadingSpeaker> SpeakersInDescription(std::string_view text);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_DESCRIPTION_SPEAKERS_H_
