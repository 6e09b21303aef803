#include "vimoe/util/json_read.h"

#include <algorithm>
#include <string_view>

#include "vimoe/util/json_parse_error.h"

namespace vimoe {
namespace {

// what() reads "[json.exception.type_error.316] invalid UTF-8 byte ..."; the bracketed id
// means nothing to the person fixing the file.
std::string withoutExceptionId(const std::string& what) {
  if (what.rfind("[json.exception.", 0) != 0) return what;
  const std::size_t close = what.find("] ");
  return close == std::string::npos ? what : what.substr(close + 2);
}

// Fuzzed or corrupt files can hold a literal of thousands of digits; the start is enough.
std::string shortLiteral(const std::string& text, const JsonSpan& span) {
  constexpr std::size_t kMaxChars = 40;
  if (span.length <= kMaxChars) return text.substr(span.offset, span.length);
  return text.substr(span.offset, kMaxChars - 3) + "...";
}

std::string numberOverflowMessage(const std::string& source, const std::string& text) {
  const std::string what =
      " is too large for a double (the largest is about 1.8e308); write a smaller number, or quote it as a "
      "string if it is an id";
  const std::vector<JsonSpan> spans = overflowingNumbers(text);
  if (spans.empty()) return source + ": invalid JSON: a number" + what;
  const JsonSpan& first = spans.front();
  return source + ":" + jsonLineColumn(text, first.offset) + ": invalid JSON: the number " +
         shortLiteral(text, first) + what;
}

}  // namespace

std::string jsonLineColumn(const std::string& text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before(text.data(), offset);
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  const std::size_t newline = before.rfind('\n');
  const std::size_t column = newline == std::string_view::npos ? offset + 1 : offset - newline;
  return std::to_string(line) + ":" + std::to_string(column);
}

Expected<nlohmann::json> parseJson(const std::string& source, const std::string& text) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return Error{jsonParseErrorMessage(source, text, e)};
  } catch (const nlohmann::json::out_of_range& e) {
    if (e.id == 406) return Error{numberOverflowMessage(source, text)};
    return Error{source + ": invalid JSON: " + withoutExceptionId(e.what())};
  } catch (const nlohmann::json::exception& e) {
    // Not thrown by parse() in 3.11, but a newer library may add kinds; they still describe
    // the input, so they are the input's error rather than an internal one.
    return Error{source + ": invalid JSON: " + withoutExceptionId(e.what())};
  }
}

}  // namespace vimoe
