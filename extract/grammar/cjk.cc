#include "extract/grammar/cjk.h"

#include <re2/re2.h>

#include <cassert>
#include <utility>

namespace cnkg {

std::string NormalizeCjkPunctuation(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kMap[] = {
      {"\xEF\xBC\x9A", ": "},   // ：
      {"\xEF\xBC\x8C", ", "},   // ，
      {"\xE3\x80\x81", ", "},   // 、
      {"\xEF\xBC\x9B", "; "},   // ；
      {"\xEF\xBC\x88", " ("},   // （
      {"\xEF\xBC\x89", ") "},   // ）
      {"\xE3\x80\x8C", " \""},  // 「
      {"\xE3\x80\x8D", "\" "},  // 」
      {"\xE3\x80\x8E", " \""},  // 『
      {"\xE3\x80\x8F", "\" "},  // 』
      {"\xE3\x80\x90", " ["},   // 【
      {"\xE3\x80\x91", "] "},   // 】
      {"\xE3\x80\x8A", " \""},  // 《
      {"\xE3\x80\x8B", "\" "},  // 》
      {"\xEF\xBC\x8F", " / "},  // ／
      {"\xE3\x80\x9C", "-"},    // 〜
      {"\xEF\xBD\x9E", "-"},    // ～
      {"\xE3\x80\x82", ". "},   // 。
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (static_cast<unsigned char>(text[i]) >= 0xE3) {
      for (const auto& [from, to] : kMap) {
        if (text.compare(i, from.size(), from) == 0) {
          out += to;
          i += from.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.push_back(text[i++]);
  }
  return out;
}

std::string NormalizeCjkDateTime(std::string_view text) {
  std::string out = NormalizeCjkPunctuation(text);
  static const std::pair<std::string_view, std::string_view> kZones[] = {
      {"香港时间", "HKT"},   {"香港時間", "HKT"},   {"北京时间", "UTC+8"}, {"北京時間", "UTC+8"},
      {"台北时间", "UTC+8"}, {"台北時間", "UTC+8"}, {"日本時間", "JST"},   {"日本时间", "JST"},
      {"韩国时间", "KST"},   {"韓国時間", "KST"},   {"新加坡时间", "SGT"}};
  for (const auto& [from, to] : kZones) {
    for (std::size_t at; (at = out.find(from)) != std::string::npos;)
      out.replace(at, from.size(), std::string(" ") + std::string(to) + " ");
  }
  static const RE2 date(R"(((?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日))");
  assert(date.ok());
  static constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
  std::string result;
  re2::StringPiece input(out);
  re2::StringPiece whole;
  std::string year;
  int month = 0, day = 0;
  const char* last = out.data();
  while (RE2::FindAndConsume(&input, date, &whole, &year, &month, &day)) {
    result.append(last, static_cast<std::size_t>(whole.data() - last));
    if (month >= 1 && month <= 12) {
      result += " " + std::string(kMonths[month - 1]) + " " + std::to_string(day) +
                (year.empty() ? "" : ", " + year) + " ";
    } else {
      result.append(whole.data(), whole.size());
    }
    last = whole.data() + whole.size();
    year.clear();
  }
  result.append(last, static_cast<std::size_t>(out.data() + out.size() - last));
  return result;
}

}  // namespace cnkg
