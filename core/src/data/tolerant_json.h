// Parses a JSON file even when some strings in it hold invalid UTF-8, which nlohmann::json
// would reject for the whole file. Each invalid byte becomes a marker code point, so one
// broken caption is reported as a problem of its record instead of losing the split.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "vimoe/util/expected.h"

namespace vimoe::data::detail {

// Errors: file missing or unreadable, malformed JSON (with line, column and byte).
Expected<nlohmann::json> readJsonTolerant(const std::string& path);

// Byte offset of the first invalid byte in a string read by readJsonTolerant, or -1.
long invalidUtf8Offset(const std::string& value);

}  // namespace vimoe::data::detail
