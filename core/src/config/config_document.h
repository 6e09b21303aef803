// Turning config text into a JSON document, and issues into the Error that callers print.
// Shared by the experiment and study loaders so both report problems the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vimoe/config/config_io.h"
#include "vimoe/util/expected.h"

namespace vimoe::config {

// A syntax error becomes "SOURCE:LINE:COLUMN: invalid JSON: <what the parser expected>"
// (parseJson, vimoe/util/json_read.h).
Expected<nlohmann::json> parseJsonDocument(const std::string& text, const std::string& sourceName);

// One line per issue: "SOURCE: path: message".
Error issuesError(const std::string& sourceName, const std::vector<ConfigIssue>& issues);

}  // namespace vimoe::config
