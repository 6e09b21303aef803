#include "experiment/experiment_file.h"

#include <QFile>
#include <exception>
#include <nlohmann/json.hpp>
#include <vector>

#include "vimoe/config/config_io.h"
#include "vimoe/util/atomic_file.h"
#include "vimoe/util/json_read.h"

namespace vimoe::widgets {
namespace {

bool sameIssue(const config::ConfigIssue& a, const config::ConfigIssue& b) {
  return a.path == b.path && a.message == b.message;
}

// True when every issue is one that validate() reports on the typed config, i.e. the values
// all went into their fields and only the rules between fields complain.
bool onlyCrossFieldIssues(const std::vector<config::ConfigIssue>& issues, const config::ExperimentConfig& config) {
  const std::vector<config::ConfigIssue> fromValidate = config::validate(config);
  for (const config::ConfigIssue& issue : issues) {
    bool found = false;
    for (const config::ConfigIssue& known : fromValidate) found = found || sameIssue(issue, known);
    if (!found) return false;
  }
  return true;
}

}  // namespace

Expected<config::ExperimentConfig> parseExperimentText(const std::string& text, const QString& sourceName) {
  const std::string source = sourceName.toStdString();
  // The GUI hosts this code: a surprise from the JSON library must come back as an Error.
  try {
    auto parsed = parseJson(source, text);
    if (!parsed) return parsed.error();
    const nlohmann::json& doc = *parsed;
    config::ExperimentConfig config;
    std::vector<config::ConfigIssue> issues;
    config::experimentFromJson(doc, config, issues);
    if (!issues.empty() && !onlyCrossFieldIssues(issues, config)) {
      std::string message;
      for (const config::ConfigIssue& issue : issues)
        message += (message.empty() ? "" : "\n") + source + ": " + issue.toString();
      return Error{message};
    }
    return config;
  } catch (const std::exception& e) {
    return Error{source + ": " + e.what()};
  }
}

Expected<config::ExperimentConfig> readExperimentFile(const QString& path) {
  Expected<std::string> text = readWholeFile(QFile::encodeName(path).toStdString());
  if (!text) return text.error();
  return parseExperimentText(*text, path);
}

std::string experimentFileText(const config::ExperimentConfig& config) {
  return config::experimentToJson(config).dump(2) + "\n";
}

Status writeExperimentFile(const QString& path, const config::ExperimentConfig& config) {
  return writeFileAtomically(QFile::encodeName(path).toStdString(), experimentFileText(config));
}

}  // namespace vimoe::widgets
