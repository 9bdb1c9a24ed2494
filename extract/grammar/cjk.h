#ifndef CNKG_EXTRACT_GRAMMAR_CJK_H_
#define CNKG_EXTRACT_GRAMMAR_CJK_H_

#include <string>
#include <string_view>

namespace cnkg {

// Chinese and Japanese text around English talk titles: the punctuation that separates names,
// titles and times there, and the words for time zones.

// CJK punctuation ("：", "，", "、", "；", "（", "）", "「", "」", "《", "》", "／", "〜", "。")
// replaced by its ASCII counterpart with the spacing an English text would have. Other text is
// unchanged. Valid UTF-8 in, valid UTF-8 out.
std::string NormalizeCjkPunctuation(std::string_view text);

// NormalizeCjkPunctuation, then the names of time zones written in Chinese or Japanese
// ("香港时间", "北京时间", "日本時間") replaced by an abbreviation ParseSessionTime reads ("HKT",
// "UTC+8", "JST"), and dates written "6 月 10 日" / "2025年6月10日" rewritten as "June 10" /
// "June 10, 2025".
std::string NormalizeCjkDateTime(std::string_view text);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_CJK_H_
