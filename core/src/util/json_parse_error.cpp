#include "vimoe/util/json_parse_error.h"

#include "vimoe/util/json_read.h"

namespace vimoe {
namespace {

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
  // nlohmann reports the offset just past the offending character.
  const std::size_t offending = error.byte > 0 ? error.byte - 1 : 0;
  return source + ":" + jsonLineColumn(text, offending) + ": invalid JSON: " + parserExplanation(error.what());
}

}  // namespace vimoe
