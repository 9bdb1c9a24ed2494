#ifndef CNKG_COMMON_STATUS_H_
#define CNKG_COMMON_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace cnkg {

// The kinds of expected failure. Each is a value the caller handles, never an exception.
enum class StatusCode {
  kOk,
  kInvalidArgument,  // the caller (usually the user on the command line) asked for something wrong
  kNotFound,         // a file, node or name does not exist
  kParseError,       // a document or file could not be read as the expected format
  kIoError,          // reading or writing failed at the operating-system level
  kInternal,         // a bug; reported rather than crashing
};

// Status is the result of an operation that returns nothing on success. A failed Status carries a
// one-line message a user can act on; by convention it starts with "FILE:LINE: " when the failure
// is about a place in a document.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(StatusCode code, std::string message) {
    assert(code != StatusCode::kOk);
    Status s;
    s.code_ = code;
    s.message_ = std::move(message);
    return s;
  }
  static Status InvalidArgument(std::string m) {
    return Error(StatusCode::kInvalidArgument, std::move(m));
  }
  static Status NotFound(std::string m) { return Error(StatusCode::kNotFound, std::move(m)); }
  static Status ParseError(std::string m) { return Error(StatusCode::kParseError, std::move(m)); }
  static Status IoError(std::string m) { return Error(StatusCode::kIoError, std::move(m)); }
  static Status Internal(std::string m) { return Error(StatusCode::kInternal, std::move(m)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T> holds either a value or a failed Status. Accessing value() of a failed Result is a bug
// (asserted), so callers check ok() first.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok());
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace cnkg

// Returns early from the enclosing function with the failed status of `expr`.
#define CNKG_RETURN_IF_ERROR(expr)           \
  do {                                       \
    ::cnkg::Status _cnkg_status = (expr);    \
    if (!_cnkg_status.ok()) return _cnkg_status; \
  } while (0)

#endif  // CNKG_COMMON_STATUS_H_
