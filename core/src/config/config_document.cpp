#include "config/config_document.h"

#include "vimoe/util/json_read.h"

namespace vimoe::config {

Expected<nlohmann::json> parseJsonDocument(const std::string& text, const std::string& sourceName) {
  return parseJson(sourceName, text);
}

Error issuesError(const std::string& sourceName, const std::vector<ConfigIssue>& issues) {
  std::string message;
  for (const ConfigIssue& issue : issues) message += (message.empty() ? "" : "\n") + sourceName + ": " + issue.toString();
  return Error{message};
}

}  // namespace vimoe::config
