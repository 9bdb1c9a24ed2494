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

// The personal name that ends `han`, a run of Chinese characters with no spaces, as prose
// writes a name glued to the words before it ("下午听了陈静" -> "陈静"): the last two or three
// characters, starting at a common Chinese surname (or a two-character one such as 欧阳). ""
// when no surname starts there. A run of two to four characters that is all name ("王小明")
// is returned whole when it starts with a surname.
std::string ChineseNameAtEnd(std::string_view han);

}  // namespace cnkg

#endif  // CNKG_EXTRACT_GRAMMAR_CJK_H_
