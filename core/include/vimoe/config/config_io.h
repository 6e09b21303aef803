// Reading, validating, overriding and dumping configs.
//
// Every problem is reported at once, one ConfigIssue per problem, each with its JSON path
// ("moe.top_k") and, for numbers, the allowed range. Unknown keys are errors with a
// did-you-mean suggestion. Overrides ("optim.lr=3e-4") are applied to the JSON document before
// parsing, so they go through exactly the same checks as the file.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vimoe/config/experiment_config.h"
#include "vimoe/config/study_config.h"
#include "vimoe/util/expected.h"

namespace vimoe::config {

struct ConfigIssue {
  std::string path;     // JSON path, e.g. "moe.top_k" ("" for the document itself)
  std::string message;  // e.g. "5 is out of range [1, 4] (at most moe.num_experts)"
  std::string toString() const { return path.empty() ? message : path + ": " + message; }
};

// Parses `doc` into `out`, starting from the defaults; appends every problem to `issues`.
void experimentFromJson(const nlohmann::json& doc, ExperimentConfig& out, std::vector<ConfigIssue>& issues);
nlohmann::json experimentToJson(const ExperimentConfig& config);

// Range and cross-field checks on an already-typed config (also run by experimentFromJson).
std::vector<ConfigIssue> validate(const ExperimentConfig& config);

// Applies "a.b.c=value" to `doc`. The value is parsed as JSON when it parses (numbers, true,
// [1,2]) and taken as a string otherwise. Creates intermediate objects as needed.
Status applyOverride(nlohmann::json& doc, const std::string& assignment);

// Reads `path`, applies `overrides`, parses and validates. On failure the Error's message has
// one line per problem: "FILE: path: message".
Expected<ExperimentConfig> loadExperimentConfig(const std::string& path, const std::vector<std::string>& overrides = {});
Expected<ExperimentConfig> parseExperimentConfig(const std::string& jsonText, const std::string& sourceName,
                                                 const std::vector<std::string>& overrides = {});

// Study files report problems like experiment files: one "FILE: path: message" line each.
Expected<StudyConfig> loadStudyConfig(const std::string& path);
Expected<StudyConfig> parseStudyConfig(const std::string& jsonText, const std::string& sourceName);

// Levenshtein-nearest candidate within a small distance, or "" when nothing is close.
std::string didYouMean(const std::string& key, const std::vector<std::string>& candidates);

}  // namespace vimoe::config
