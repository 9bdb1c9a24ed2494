#include "query/functions.h"

#include <re2/re2.h>
#include <utf8proc.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <set>

#include "common/strings.h"

namespace cnkg::query {
namespace {

const FunctionInfo kFunctions[] = {
    {"labels", Function::kLabels, 1, 1},
    {"label", Function::kLabel, 1, 1},
    {"type", Function::kType, 1, 1},
    {"id", Function::kId, 1, 1},
    {"keys", Function::kKeys, 1, 1},
    {"properties", Function::kProperties, 1, 1},
    {"length", Function::kLength, 1, 1},
    {"nodes", Function::kNodes, 1, 1},
    {"relationships", Function::kRelationships, 1, 1},
    {"rels", Function::kRelationships, 1, 1},
    {"startNode", Function::kStartNode, 1, 1},
    {"endNode", Function::kEndNode, 1, 1},
    {"toLower", Function::kToLower, 1, 1},
    {"lower", Function::kToLower, 1, 1},
    {"toUpper", Function::kToUpper, 1, 1},
    {"upper", Function::kToUpper, 1, 1},
    {"size", Function::kSize, 1, 1},
    {"coalesce", Function::kCoalesce, 1, -1},
    {"toString", Function::kToString, 1, 1},
    {"toInteger", Function::kToInteger, 1, 1},
    {"toInt", Function::kToInteger, 1, 1},
    {"toFloat", Function::kToFloat, 1, 1},
    {"toBoolean", Function::kToBoolean, 1, 1},
    {"trim", Function::kTrim, 1, 1},
    {"ltrim", Function::kLTrim, 1, 1},
    {"rtrim", Function::kRTrim, 1, 1},
    {"substring", Function::kSubstring, 2, 3},
    {"replace", Function::kReplace, 3, 3},
    {"split", Function::kSplit, 2, 2},
    {"left", Function::kLeft, 2, 2},
    {"right", Function::kRight, 2, 2},
    {"reverse", Function::kReverse, 1, 1},
    {"head", Function::kHead, 1, 1},
    {"last", Function::kLast, 1, 1},
    {"tail", Function::kTail, 1, 1},
    {"abs", Function::kAbs, 1, 1},
    {"ceil", Function::kCeil, 1, 1},
    {"floor", Function::kFloor, 1, 1},
    {"round", Function::kRound, 1, 1},
    {"sqrt", Function::kSqrt, 1, 1},
    {"sign", Function::kSign, 1, 1},
    {"range", Function::kRange, 2, 3},
    {"is_trail", Function::kIsTrail, 1, 1},
    {"is_acyclic", Function::kIsAcyclic, 1, 1},
};

const AggregateInfo kAggregates[] = {
    {"count", Aggregate::kCount}, {"collect", Aggregate::kCollect}, {"min", Aggregate::kMin},
    {"max", Aggregate::kMax},     {"sum", Aggregate::kSum},         {"avg", Aggregate::kAvg},
};

const char* NameOf(Function f) {
  for (const auto& info : kFunctions)
    if (info.function == f) return info.name;
  return "label check";
}

// Decodes valid UTF-8 into code points (the lexer and the graph only hold valid UTF-8; invalid
// bytes are skipped).
std::vector<utf8proc_int32_t> CodePoints(std::string_view s) {
  std::vector<utf8proc_int32_t> out;
  std::size_t i = 0;
  while (i < s.size()) {
    utf8proc_int32_t c = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &c);
    if (n <= 0) {
      ++i;
      continue;
    }
    out.push_back(c);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

std::string Encode(const std::vector<utf8proc_int32_t>& cps, std::size_t from = 0,
                   std::size_t to = std::string::npos) {
  std::string out;
  to = std::min(to, cps.size());
  for (std::size_t i = from; i < to; ++i) {
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(cps[i], buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
  }
  return out;
}

bool IsSpace(utf8proc_int32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
  return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS || c == 0xFEFF;
}

class Call {
 public:
  Call(Function f, const std::vector<Value>& args, EvalContext& ctx, SourceSpan span)
      : f_(f), args_(args), ctx_(ctx), span_(span) {}

  Value Run();

 private:
  Value TypeError(std::size_t i, std::string_view expected) {
    ctx_.Fail(span_, std::string(NameOf(f_)) + "() expects " + std::string(expected) +
                         (args_.size() > 1 ? " as argument " + std::to_string(i + 1) : "") +
                         ", got " + std::string(ValueTypeName(args_[i].type())));
    return Value();
  }
  Value Error(const std::string& message) {
    ctx_.Fail(span_, std::string(NameOf(f_)) + "(): " + message);
    return Value();
  }
  bool AnyNull() const {
    for (const Value& a : args_)
      if (a.is_null()) return true;
    return false;
  }
  bool Is(std::size_t i, ValueType t) const { return args_[i].type() == t; }

  Value Labels();
  Value StringCase(bool upper);
  Value Size();
  Value ToInteger();
  Value ToFloat();
  Value Substring();
  Value Range();
  Value PathCheck(bool nodes);

  Function f_;
  const std::vector<Value>& args_;
  EvalContext& ctx_;
  SourceSpan span_;
};

Value Call::StringCase(bool upper) {
  if (!Is(0, ValueType::kString)) return TypeError(0, "a STRING");
  auto cps = CodePoints(args_[0].as_string());
  for (auto& c : cps) c = upper ? utf8proc_toupper(c) : utf8proc_tolower(c);
  return Value::String(Encode(cps));
}

Value Call::Size() {
  const Value& a = args_[0];
  switch (a.type()) {
    case ValueType::kList:
      return Value::Int(static_cast<std::int64_t>(a.as_list().size()));
    case ValueType::kString:
      return Value::Int(static_cast<std::int64_t>(Utf8Length(a.as_string())));
    case ValueType::kMap:
      return Value::Int(static_cast<std::int64_t>(a.as_map().size()));
    case ValueType::kPath:
      if (f_ == Function::kLength)
        return Value::Int(static_cast<std::int64_t>(a.as_path().rels.size()));
      return Error("size() of a path is not defined; use length(p)");
    default:
      return TypeError(0, f_ == Function::kLength ? "a PATH, LIST or STRING" : "a LIST or STRING");
  }
}

Value Call::ToInteger() {
  const Value& a = args_[0];
  switch (a.type()) {
    case ValueType::kInt:
      return a;
    case ValueType::kBool:
      return Value::Int(a.as_bool() ? 1 : 0);
    case ValueType::kDouble: {
      double d = a.as_double();
      if (!std::isfinite(d) || d >= 9.223372036854775807e18 || d < -9.223372036854775808e18) {
        return Value();
      }
      return Value::Int(static_cast<std::int64_t>(std::trunc(d)));
    }
    case ValueType::kString: {
      std::string s(Trim(a.as_string()));
      if (s.empty()) return Value();
      errno = 0;
      char* end = nullptr;
      long long v = std::strtoll(s.c_str(), &end, 10);
      if (end && *end == '\0' && errno == 0) return Value::Int(v);
      errno = 0;
      double d = std::strtod(s.c_str(), &end);
      if (!end || *end != '\0' || errno != 0 || !std::isfinite(d) || d >= 9.2e18 || d <= -9.2e18) {
        return Value();
      }
      return Value::Int(static_cast<std::int64_t>(std::trunc(d)));
    }
    default:
      return TypeError(0, "a STRING, number or BOOL");
  }
}

Value Call::ToFloat() {
  const Value& a = args_[0];
  switch (a.type()) {
    case ValueType::kInt:
      return Value::Double(static_cast<double>(a.as_int()));
    case ValueType::kDouble:
      return a;
    case ValueType::kString: {
      std::string s(Trim(a.as_string()));
      if (s.empty()) return Value();
      errno = 0;
      char* end = nullptr;
      double d = std::strtod(s.c_str(), &end);
      if (!end || *end != '\0' || errno == ERANGE) return Value();
      return Value::Double(d);
    }
    default:
      return TypeError(0, "a STRING or number");
  }
}

Value Call::Substring() {
  if (!Is(0, ValueType::kString)) return TypeError(0, "a STRING");
  if (!Is(1, ValueType::kInt)) return TypeError(1, "an INT64");
  if (args_.size() > 2 && !Is(2, ValueType::kInt)) return TypeError(2, "an INT64");
  const std::int64_t start = args_[1].as_int();
  if (start < 0) return Error("the start must not be negative");
  auto cps = CodePoints(args_[0].as_string());
  std::size_t from = std::min<std::uint64_t>(static_cast<std::uint64_t>(start), cps.size());
  std::size_t to = cps.size();
  if (args_.size() > 2) {
    const std::int64_t len = args_[2].as_int();
    if (len < 0) return Error("the length must not be negative");
    to = from + std::min<std::uint64_t>(static_cast<std::uint64_t>(len), cps.size() - from);
  }
  return Value::String(Encode(cps, from, to));
}

Value Call::Range() {
  for (std::size_t i = 0; i < args_.size(); ++i)
    if (!Is(i, ValueType::kInt)) return TypeError(i, "an INT64");
  const std::int64_t a = args_[0].as_int(), b = args_[1].as_int();
  const std::int64_t step = args_.size() > 2 ? args_[2].as_int() : 1;
  if (step == 0) return Error("the step must not be 0");
  __int128 count = 0;
  if ((step > 0 && a <= b) || (step < 0 && a >= b)) {
    count = (static_cast<__int128>(b) - a) / step + 1;
  }
  if (count > 10'000'000) {
    return Error("it would produce " +
                 std::to_string(static_cast<long long>(
                     std::min<__int128>(count, std::numeric_limits<long long>::max()))) +
                 " values (at most 10000000)");
  }
  if (!ctx_.Charge(static_cast<std::uint64_t>(count))) return Value();
  ValueList out;
  out.reserve(static_cast<std::size_t>(count));
  __int128 v = a;
  for (__int128 i = 0; i < count; ++i, v += step)
    out.push_back(Value::Int(static_cast<std::int64_t>(v)));
  return Value::List(std::move(out));
}

Value Call::PathCheck(bool nodes) {
  if (!Is(0, ValueType::kPath)) return TypeError(0, "a PATH");
  const PathData& p = args_[0].as_path();
  std::set<std::uint32_t> seen;
  if (nodes) {
    for (const auto& n : p.nodes)
      if (!seen.insert(n.id).second) return Value::Bool(false);
  } else {
    for (const auto& r : p.rels)
      if (!seen.insert(r.id).second) return Value::Bool(false);
  }
  return Value::Bool(true);
}

Value Call::Run() {
  if (f_ == Function::kCoalesce) {
    for (const Value& a : args_)
      if (!a.is_null()) return a;
    return Value();
  }
  if (AnyNull()) return Value();
  const Value& a = args_[0];
  switch (f_) {
    case Function::kLabels:
      if (!Is(0, ValueType::kNode)) return TypeError(0, "a NODE");
      return Value::List({Value::String(std::string(LabelName(a.as_node().label())))});
    case Function::kLabel:
      if (Is(0, ValueType::kNode))
        return Value::String(std::string(LabelName(a.as_node().label())));
      if (Is(0, ValueType::kRel)) return Value::String(std::string(RelTypeName(a.as_rel().type())));
      return TypeError(0, "a NODE or REL");
    case Function::kType:
      if (!Is(0, ValueType::kRel)) return TypeError(0, "a REL");
      return Value::String(std::string(RelTypeName(a.as_rel().type())));
    case Function::kId:
      if (Is(0, ValueType::kNode)) return Value::String(std::string(a.as_node().key()));
      if (Is(0, ValueType::kRel)) {
        const RelRef& r = a.as_rel();
        return Value::String(std::string(r.source_node().key()) + "-" +
                             std::string(RelTypeName(r.type())) + "->" +
                             std::string(r.target_node().key()));
      }
      return TypeError(0, "a NODE or REL");
    case Function::kKeys:
    case Function::kProperties: {
      ValueMap m;
      if (Is(0, ValueType::kNode)) {
        m = NodeProperties(a.as_node());
      } else if (Is(0, ValueType::kRel)) {
        m = RelProperties(a.as_rel());
      } else if (Is(0, ValueType::kMap)) {
        m = a.as_map();
      } else {
        return TypeError(0, "a NODE, REL or MAP");
      }
      if (f_ == Function::kProperties) return Value::Map(std::move(m));
      ValueList keys;
      for (auto& [k, unused] : m) keys.push_back(Value::String(k));
      return Value::List(std::move(keys));
    }
    case Function::kLength:
      return Size();
    case Function::kNodes: {
      if (!Is(0, ValueType::kPath)) return TypeError(0, "a PATH");
      ValueList out;
      for (const auto& n : a.as_path().nodes) out.push_back(Value::Node(n));
      return Value::List(std::move(out));
    }
    case Function::kRelationships: {
      if (Is(0, ValueType::kList)) return a;  // the relationships of a variable-length pattern
      if (!Is(0, ValueType::kPath)) return TypeError(0, "a PATH");
      ValueList out;
      for (const auto& r : a.as_path().rels) out.push_back(Value::Rel(r));
      return Value::List(std::move(out));
    }
    case Function::kStartNode:
    case Function::kEndNode: {
      if (!Is(0, ValueType::kRel)) return TypeError(0, "a REL");
      const RelRef& r = a.as_rel();
      const bool start = f_ == Function::kStartNode;
      return Value::Node(start ? r.source_node() : r.target_node());
    }
    case Function::kToLower:
      return StringCase(false);
    case Function::kToUpper:
      return StringCase(true);
    case Function::kSize:
      return Size();
    case Function::kToString:
      if (Is(0, ValueType::kString)) return a;
      return Value::String(ToDisplayString(a));
    case Function::kToInteger:
      return ToInteger();
    case Function::kToFloat:
      return ToFloat();
    case Function::kToBoolean:
      if (Is(0, ValueType::kBool)) return a;
      if (Is(0, ValueType::kInt)) return Value::Bool(a.as_int() != 0);
      if (Is(0, ValueType::kString)) {
        std::string_view s = Trim(a.as_string());
        if (EqualsIgnoreCase(s, "true")) return Value::Bool(true);
        if (EqualsIgnoreCase(s, "false")) return Value::Bool(false);
        return Value();
      }
      return TypeError(0, "a STRING, INT64 or BOOL");
    case Function::kTrim:
    case Function::kLTrim:
    case Function::kRTrim: {
      if (!Is(0, ValueType::kString)) return TypeError(0, "a STRING");
      auto cps = CodePoints(a.as_string());
      std::size_t from = 0, to = cps.size();
      if (f_ != Function::kRTrim)
        while (from < to && IsSpace(cps[from])) ++from;
      if (f_ != Function::kLTrim)
        while (to > from && IsSpace(cps[to - 1])) --to;
      return Value::String(Encode(cps, from, to));
    }
    case Function::kSubstring:
      return Substring();
    case Function::kReplace: {
      for (std::size_t i = 0; i < 3; ++i)
        if (!Is(i, ValueType::kString)) return TypeError(i, "a STRING");
      const std::string& s = a.as_string();
      const std::string& from = args_[1].as_string();
      const std::string& to = args_[2].as_string();
      if (from.empty()) return a;
      std::string out;
      std::size_t pos = 0;
      while (true) {
        std::size_t hit = s.find(from, pos);
        if (hit == std::string::npos) break;
        out.append(s, pos, hit - pos);
        out += to;
        pos = hit + from.size();
        if (out.size() > (16u << 20))
          return Error("the result would be longer than 16777216 bytes");
      }
      out.append(s, pos, std::string::npos);
      return Value::String(std::move(out));
    }
    case Function::kSplit: {
      if (!Is(0, ValueType::kString)) return TypeError(0, "a STRING");
      if (!Is(1, ValueType::kString)) return TypeError(1, "a STRING");
      const std::string& s = a.as_string();
      const std::string& sep = args_[1].as_string();
      ValueList out;
      if (sep.empty()) {
        auto cps = CodePoints(s);
        for (std::size_t i = 0; i < cps.size(); ++i)
          out.push_back(Value::String(Encode(cps, i, i + 1)));
      } else {
        std::size_t pos = 0;
        while (true) {
          std::size_t hit = s.find(sep, pos);
          if (hit == std::string::npos) break;
          out.push_back(Value::String(s.substr(pos, hit - pos)));
          pos = hit + sep.size();
        }
        out.push_back(Value::String(s.substr(pos)));
      }
      if (!ctx_.Charge(out.size())) return Value();
      return Value::List(std::move(out));
    }
    case Function::kLeft:
    case Function::kRight: {
      if (!Is(0, ValueType::kString)) return TypeError(0, "a STRING");
      if (!Is(1, ValueType::kInt)) return TypeError(1, "an INT64");
      if (args_[1].as_int() < 0) return Error("the length must not be negative");
      auto cps = CodePoints(a.as_string());
      std::size_t n =
          std::min<std::uint64_t>(static_cast<std::uint64_t>(args_[1].as_int()), cps.size());
      return Value::String(f_ == Function::kLeft ? Encode(cps, 0, n) : Encode(cps, cps.size() - n));
    }
    case Function::kReverse: {
      if (Is(0, ValueType::kString)) {
        auto cps = CodePoints(a.as_string());
        std::reverse(cps.begin(), cps.end());
        return Value::String(Encode(cps));
      }
      if (Is(0, ValueType::kList)) {
        ValueList out(a.as_list().rbegin(), a.as_list().rend());
        return Value::List(std::move(out));
      }
      return TypeError(0, "a STRING or LIST");
    }
    case Function::kHead:
    case Function::kLast:
    case Function::kTail: {
      if (!Is(0, ValueType::kList)) return TypeError(0, "a LIST");
      const ValueList& l = a.as_list();
      if (f_ == Function::kTail) {
        return Value::List(l.empty() ? ValueList{} : ValueList(l.begin() + 1, l.end()));
      }
      if (l.empty()) return Value();
      return f_ == Function::kHead ? l.front() : l.back();
    }
    case Function::kAbs:
      if (Is(0, ValueType::kInt)) {
        if (a.as_int() == std::numeric_limits<std::int64_t>::min())
          return Error("integer overflow");
        return Value::Int(a.as_int() < 0 ? -a.as_int() : a.as_int());
      }
      if (Is(0, ValueType::kDouble)) return Value::Double(std::fabs(a.as_double()));
      return TypeError(0, "a number");
    case Function::kCeil:
    case Function::kFloor:
    case Function::kRound:
    case Function::kSqrt: {
      if (!a.is_number()) return TypeError(0, "a number");
      const double d = a.as_number();
      switch (f_) {
        case Function::kCeil:
          return Value::Double(std::ceil(d));
        case Function::kFloor:
          return Value::Double(std::floor(d));
        case Function::kRound:
          return Value::Double(std::round(d));
        default:
          return Value::Double(std::sqrt(d));
      }
    }
    case Function::kSign:
      if (!a.is_number()) return TypeError(0, "a number");
      if (Is(0, ValueType::kDouble) && std::isnan(a.as_double()))
        return Value::Double(a.as_double());
      return Value::Int(a.as_number() > 0 ? 1 : (a.as_number() < 0 ? -1 : 0));
    case Function::kRange:
      return Range();
    case Function::kIsTrail:
      return PathCheck(false);
    case Function::kIsAcyclic:
      return PathCheck(true);
    case Function::kHasLabels: {
      if (!Is(0, ValueType::kNode)) {
        ctx_.Fail(span_, "a label check (x:Label) needs a NODE, got " +
                             std::string(ValueTypeName(a.type())));
        return Value();
      }
      const std::string_view label = LabelName(a.as_node().label());
      for (std::size_t i = 1; i < args_.size(); ++i)
        if (args_[i].as_string() == label) return Value::Bool(true);
      return Value::Bool(false);
    }
    case Function::kCoalesce:
      break;
  }
  return Value();
}

}  // namespace

const FunctionInfo* FindFunction(std::string_view name) {
  for (const auto& info : kFunctions)
    if (EqualsIgnoreCase(info.name, name)) return &info;
  return nullptr;
}

const AggregateInfo* FindAggregate(std::string_view name) {
  for (const auto& info : kAggregates)
    if (EqualsIgnoreCase(info.name, name)) return &info;
  return nullptr;
}

std::vector<std::string> AllFunctionNames() {
  std::vector<std::string> out;
  for (const auto& info : kFunctions) out.push_back(info.name);
  for (const auto& info : kAggregates) out.push_back(info.name);
  return out;
}

Value CallFunction(Function f, const std::vector<Value>& args, EvalContext& ctx, SourceSpan span) {
  return Call(f, args, ctx, span).Run();
}

std::unique_ptr<re2::RE2> CompileRegex(const std::string& pattern, std::string* error) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  auto re = std::make_unique<re2::RE2>(pattern, options);
  if (!re->ok()) {
    *error = "invalid regular expression '" + pattern + "': " + re->error();
    return nullptr;
  }
  return re;
}

}  // namespace cnkg::query
