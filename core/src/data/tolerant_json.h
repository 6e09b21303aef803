// Parses a JSON file even when some strings in it hold invalid UTF-8, which nlohmann::json
// would reject for the whole file. Each invalid byte becomes a marker code point, so one
// broken caption is reported as a problem of its record instead of losing the split.
// Likewise a number too large for a double (an id of 11E155550000), which nlohmann rejects
// for the whole document: it is set aside as a marker that the record checks report.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "vimoe/util/expected.h"

namespace vimoe::data::detail {

// Errors: file missing or unreadable, malformed JSON ("file:line:column: invalid JSON: ...").
Expected<nlohmann::json> readJsonTolerant(const std::string& path);

struct TooLargeNumber {
  std::string literal;   // as written in the file
  std::string position;  // "line:column" in the file
};

// Set when `value` stands for a number too large for a double. Checks that expect a number
// or a string reject the marker for its type anyway (it is an object); asking first gives the
// message that says what is actually wrong.
std::optional<TooLargeNumber> numberTooLarge(const nlohmann::json& value);

// "'id' at 3:15 is 11E155550000, a number too large for a double (...)"
std::string numberTooLargeMessage(const char* field, const TooLargeNumber& number);

// Byte offset of the first invalid byte in a string read by readJsonTolerant, or -1.
long invalidUtf8Offset(const std::string& value);

}  // namespace vimoe::data::detail
