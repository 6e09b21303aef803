// Text or file -> overrides -> typed, validated ExperimentConfig, with every problem at once.
#include <exception>

#include "config/config_document.h"
#include "vimoe/config/config_io.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::config {

Expected<ExperimentConfig> parseExperimentConfig(const std::string& jsonText, const std::string& sourceName,
                                                 const std::vector<std::string>& overrides) {
  // The GUI hosts this code, so a surprise from the JSON library must come back as an Error.
  try {
    Expected<nlohmann::json> doc = parseJsonDocument(jsonText, sourceName);
    if (!doc) return doc.error();

    std::vector<ConfigIssue> issues;
    for (const std::string& assignment : overrides) {
      const Status applied = applyOverride(*doc, assignment);
      if (!applied) issues.push_back({"", applied.error().message});
    }
    ExperimentConfig config;
    experimentFromJson(*doc, config, issues);
    if (!issues.empty()) return issuesError(sourceName, issues);
    return config;
  } catch (const std::exception& e) {
    return Error{sourceName + ": " + e.what()};
  }
}

Expected<ExperimentConfig> loadExperimentConfig(const std::string& path, const std::vector<std::string>& overrides) {
  Expected<std::string> text = readWholeFile(path);
  if (!text) return text.error();
  return parseExperimentConfig(*text, path, overrides);
}

}  // namespace vimoe::config
