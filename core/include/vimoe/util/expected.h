// Expected<T>: the return type of anything that can fail on bad input (I/O, parsing).
// The core never aborts the process; a failure travels up as an Error that says what failed,
// where (file, record, JSON path) and what to do about it.
#pragma once

#include <cassert>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace vimoe {

struct Error {
  std::string message;

  static Error at(const std::string& where, const std::string& what) { return {where + ": " + what}; }
};

template <class T>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : m_state(std::move(value)) {}
  Expected(Error error) : m_state(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(m_state); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { return checkedValue(); }
  T& value() & { return const_cast<T&>(checkedValue()); }
  // On a temporary the value is moved out and returned by value, so that
  // `for (auto& x : *store.scalars(...))` never iterates a destroyed object.
  T value() && { return std::move(const_cast<T&>(checkedValue())); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  const Error& error() const {
    if (ok()) throw std::logic_error("Expected::error() called on a value");
    return std::get<Error>(m_state);
  }

 private:
  const T& checkedValue() const {
    // Reading the value of a failed Expected is a programming error, reported as an
    // exception with the original message rather than an abort.
    if (!ok()) throw std::logic_error("Expected::value() on error: " + std::get<Error>(m_state).message);
    return std::get<T>(m_state);
  }

  std::variant<T, Error> m_state;
};

// Expected<void>: success carries nothing.
struct Ok {};
using Status = Expected<Ok>;
inline Status okStatus() { return Ok{}; }

}  // namespace vimoe
