#include "vimoe/util/json_parse_error.h"

#include <algorithm>
#include <string_view>

namespace vimoe {
namespace {

// nlohmann reports the offset just past the offending character; editors count lines and
// columns from 1.
std::string lineAndColumn(const std::string& text, std::size_t byte) {
  const std::size_t offset = std::min(byte > 0 ? byte - 1 : 0, text.size());
  const std::string_view before(text.data(), offset);
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  const std::size_t newline = before.rfind('\n');
  const std::size_t column = newline == std::string_view::npos ? offset + 1 : offset - newline;
  return std::to_string(line) + ":" + std::to_string(column);
}

// what() reads "[json.exception.parse_error.101] parse error at line 1, column 2: syntax
// error ..."; the position is reported separately, so keep only the explanation.
std::string parserExplanation(const std::string& what) {
  const std::size_t at = what.find("parse error");
  const std::size_t colon = at == std::string::npos ? std::string::npos : what.find(": ", at);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace

std::string jsonParseErrorMessage(const std::string& source, const std::string& text,
                                  const nlohmann::json::parse_error& error) {
  return source + ":" + lineAndColumn(text, error.byte) + ": invalid JSON: " + parserExplanation(error.what());
}

}  // namespace vimoe
