// doichieu/result.hpp — errors as values.
//
//   doichieu::result<document> r = load_document(path, bytes);
//   if (!r) { std::cerr << r.error().describe() << '\n'; return 2; }
//   use(*r);
//
// `result<T>` follows the shape of std::expected (has_value, operator bool, value, error, *, ->) so it can
// become `std::expected<T, error>` once the toolchain has it (g++ 12 only offers it under -std=c++2b).
// Nothing in the public API throws: failures are returned as `error` values whose `kind` is a stable enum
// (0 = ok, used by the C ABI) and whose `where` says which file and which byte, line and column.
#ifndef DOICHIEU_RESULT_HPP_
#define DOICHIEU_RESULT_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace doichieu {

// Stable numbering: the C ABI returns the negated value as its status code.
enum class error_kind : int {
  ok = 0,
  usage = 1,          // bad command line or API argument
  io = 2,             // file cannot be read or written
  invalid_utf8 = 3,   // input bytes are not UTF-8
  binary_input = 4,   // input looks like a binary file (NUL bytes)
  too_large = 5,      // input exceeds the configured limit
  bad_json = 6,       // malformed JSON / JSON Lines
  bad_config = 7,     // configuration file has an unknown key or a bad value
  bad_rule = 8,       // a rule file is malformed or names an unknown kind
  bad_lexicon = 9,    // a lexicon data file is malformed
  icu = 10,           // ICU reported a failure
  internal = 11,      // a bug: caught at an API boundary
};

// Short English name of an error kind; never null.
const char* error_message(error_kind kind) noexcept;

// Where an error happened. Fields that do not apply stay empty / zero.
struct source_location {
  std::string path;                 // file, or "<stdin>", or a JSON Lines id
  std::optional<std::size_t> byte;  // 0-based byte offset into the original input
  std::size_t line = 0;             // 1-based; 0 = unknown
  std::size_t column = 0;           // 1-based, in code points; 0 = unknown
};

struct error {
  error_kind kind = error_kind::internal;
  std::string message;
  source_location where;

  // "path:line:col: message" / "path: byte N: message" / "message": the form printed on stderr.
  std::string describe() const;
};

template <class T>
class [[nodiscard]] result {
 public:
  result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit like expected
  result(doichieu::error err) : state_(std::in_place_index<1>, std::move(err)) {}  // NOLINT

  bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const doichieu::error& error() const& { return std::get<1>(state_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, doichieu::error> state_;
};

// result<void>: success carries nothing.
struct ok_t {};
inline constexpr ok_t ok{};
using status = result<ok_t>;

inline error make_error(error_kind kind, std::string message, source_location where = {}) {
  return error{kind, std::move(message), std::move(where)};
}

}  // namespace doichieu

#endif  // DOICHIEU_RESULT_HPP_
