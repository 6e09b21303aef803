// ExperimentConfig <-> JSON, both directions driven by the field description.
#include "config/json_reader.h"
#include "config/json_writer.h"
#include "vimoe/config/config_io.h"
#include "vimoe/config/model_presets.h"

namespace vimoe::config {
namespace {

// A preset is a set of defaults for the model shape: it goes in before the fields are read so
// that every field the document sets explicitly overrides it. A preset name that is not a
// string or not known is left for the reader to report.
void applyPresetNamedIn(const nlohmann::json& doc, ExperimentConfig& out) {
  const auto model = doc.find("model");
  if (model == doc.end() || !model->is_object()) return;
  const auto name = model->find("preset");
  if (name == model->end() || !name->is_string()) return;
  if (const ModelPreset* preset = findModelPreset(name->get<std::string>())) applyModelPreset(*preset, out);
}

}  // namespace

void experimentFromJson(const nlohmann::json& doc, ExperimentConfig& out, std::vector<ConfigIssue>& issues) {
  if (!doc.is_object()) {
    issues.push_back({"", "expected an object, got " + shortJsonText(doc)});
    return;
  }
  const std::size_t before = issues.size();
  applyPresetNamedIn(doc, out);
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
