// Test helpers that turn config issues into plain strings, so expectations read like the
// messages users see.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vimoe/config/config_io.h"

namespace vimoe::config::testing {

inline std::vector<std::string> issueStrings(const std::vector<ConfigIssue>& issues) {
  std::vector<std::string> out;
  for (const ConfigIssue& issue : issues) out.push_back(issue.toString());
  return out;
}

// Parses `doc` over the defaults and returns every issue as "path: message".
inline std::vector<std::string> parseIssues(const nlohmann::json& doc) {
  ExperimentConfig config;
  std::vector<ConfigIssue> issues;
  experimentFromJson(doc, config, issues);
  return issueStrings(issues);
}

}  // namespace vimoe::config::testing
