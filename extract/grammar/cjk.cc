#include "extract/grammar/cjk.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

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
      {"韩国时间", "KST"},   {"韓国時間", "KST"},   {"한국 시간", "KST"},  {"한국시간", "KST"},
      {"新加坡时间", "SGT"}};
  for (const auto& [from, to] : kZones) {
    for (std::size_t at; (at = out.find(from)) != std::string::npos;)
      out.replace(at, from.size(), std::string(" ") + std::string(to) + " ");
  }
  // Chinese and Japanese "2025年6月10日", Korean "2025년 5월 24일".
  static const RE2 date(
      R"(((?:(\d{4})\s*(?:年|년)\s*)?(\d{1,2})\s*(?:月|월)\s*(\d{1,2})\s*(?:日|일)))");
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

namespace {

// The code points of `text`, each as its UTF-8 bytes.
std::vector<std::string_view> CodePoints(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    n = std::min(n, text.size() - i);
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::string ChineseNameAtEnd(std::string_view han) {
  // The most common single-character surnames (about nine people in ten carry one of them),
  // less those that are also common function words before a name (和, 于, 向, 时...), and the
  // common two-character ones.
  static const std::set<std::string, std::less<>> kSurnames = [] {
    std::set<std::string, std::less<>> out;
    for (std::string_view c : CodePoints(
             "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜"
             "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
             "贺顾毛郝龚邵钱严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
             "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴"
             "蒙鲍华喻祁蒲房滕屈饶牟艾尤阳穆农司卓古吉缪简车项芦麦褚娄窦戚岑景党宫费卜冷晏席"
             "卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟"
             "邝张陳楊黃趙吳劉鄭謝蕭葉蘇魏呂盧鍾譚陸馬許韓馮鄧曹彭曾董袁潘蔣蔡餘杜程"))
      out.insert(std::string(c));
    return out;
  }();
  static const std::set<std::string, std::less<>> kDouble = {
      "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容",
      "尉迟", "公孙", "夏侯", "歐陽", "司馬", "諸葛", "東方"};
  const std::vector<std::string_view> cp = CodePoints(han);
  const std::size_t n = cp.size();
  if (n < 2) return "";
  auto join = [&](std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < n; ++i) out += cp[i];
    return out;
  };
  auto surname_at = [&](std::size_t i) { return i < n && kSurnames.count(cp[i]) > 0; };
  auto double_at = [&](std::size_t i) {
    return i + 1 < n && kDouble.count(std::string(cp[i]) + std::string(cp[i + 1])) > 0;
  };
  // A two-character surname and one or two given-name characters.
  for (std::size_t len : {4u, 3u})
    if (n >= len && double_at(n - len)) return join(n - len);
  // Three characters (surname + two), then two (surname + one).
  if (n >= 3 && surname_at(n - 3)) return join(n - 3);
  if (surname_at(n - 2)) return join(n - 2);
  return "";
}

}  // namespace cnkg
