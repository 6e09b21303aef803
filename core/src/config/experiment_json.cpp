// ExperimentConfig <-> JSON, both directions driven by the field description.
#include "config/json_reader.h"
#include "config/json_writer.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {

void experimentFromJson(const nlohmann::json& doc, ExperimentConfig& out, std::vector<ConfigIssue>& issues) {
  if (!doc.is_object()) {
    issues.push_back({"", "expected an object, got " + shortJsonText(doc)});
    return;
  }
  const std::size_t before = issues.size();
  JsonReader reader(doc, "", issues);
  describe(out, reader);
  reader.reportUnknownKeys();
  // Cross-field rules only make sense once every field holds what the user meant; with a
  // field already rejected they would judge a half-default config. validate() repeats the
  // per-field checks, which cannot fire here because the reader already passed them.
  if (issues.size() == before) {
    const std::vector<ConfigIssue> crossField = validate(out);
    issues.insert(issues.end(), crossField.begin(), crossField.end());
  }
}

nlohmann::json experimentToJson(const ExperimentConfig& config) {
  ExperimentConfig copy = config;  // the description takes mutable references
  nlohmann::json out;
  JsonWriter writer(out);
  describe(copy, writer);
  return out;
}

}  // namespace vimoe::config
