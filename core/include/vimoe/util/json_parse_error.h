// One message for a JSON file that does not parse, wherever it is read (configs, studies,
// score files): "<source>:<line>:<column>: invalid JSON: <the parser's explanation>".
// Core code parses with parseJson (json_read.h), which uses this; it is public for callers
// outside the core that catch parse_error themselves.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace vimoe {

std::string jsonParseErrorMessage(const std::string& source, const std::string& text,
                                  const nlohmann::json::parse_error& error);

}  // namespace vimoe
