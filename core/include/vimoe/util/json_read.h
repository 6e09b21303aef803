// The one way the core turns JSON text into a document: datasets, configs, studies, score
// files, checkpoint metadata, project files, safetensors headers and JSON columns of the
// store all come through parseJson. nlohmann reports bad input by throwing several exception
// types (parse_error, out_of_range for a number too large for a double, ...); here every one
// of them becomes an Error "<source>:<line>:<column>: invalid JSON: <what>", so no library
// exception reaches a caller that hosts the core (the GUI, a long training run).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe {

// `source` names the text in messages: a file path, or e.g. "run 7 config".
Expected<nlohmann::json> parseJson(const std::string& source, const std::string& text);

// A run of bytes in a JSON text.
struct JsonSpan {
  std::size_t offset = 0;
  std::size_t length = 0;
};

// Number literals outside strings whose value overflows a double: the literals nlohmann
// rejects for the whole document (out_of_range 406). Its exception carries no position, so
// this finds it; readers that report per record also use it to set the literal aside.
std::vector<JsonSpan> overflowingNumbers(const std::string& text);

// "<line>:<column>" of a byte offset (0-based), both counted from 1 as editors do.
std::string jsonLineColumn(const std::string& text, std::size_t offset);

}  // namespace vimoe
