// Experiment config files as the editor reads and writes them. Reading is stricter than
// showing: JSON that does not parse, a wrong type, an unknown key or a value out of its own
// range cannot be put into the form, so it is an Error ("FILE:LINE:COLUMN: invalid JSON: ..."
// or one "FILE: path: message" line per problem) and the editor keeps what it had. A file whose
// fields are each fine but disagree with each other (top_k > num_experts) is returned, and the
// editor shows those issues inline for the user to fix.
//
// Writing dumps the effective config (every field, as `vimoe config --dump` does) atomically.
#pragma once

#include <QString>
#include <string>

#include "vimoe/config/experiment_config.h"
#include "vimoe/util/expected.h"

namespace vimoe::widgets {

Expected<config::ExperimentConfig> readExperimentFile(const QString& path);
Expected<config::ExperimentConfig> parseExperimentText(const std::string& text, const QString& sourceName);
std::string experimentFileText(const config::ExperimentConfig& config);
Status writeExperimentFile(const QString& path, const config::ExperimentConfig& config);

}  // namespace vimoe::widgets
