// What an attack sweep leaves behind for people: a folder with the example pictures (clean,
// adversarial, difference amplified to the full grey range) and `report.json`, which holds the
// sweep table, the examples with their predictions and top-1 experts per token, and the
// Lipschitz estimates when they were computed. The workbench's robustness panel reads it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vimoe/robust/attack_sweep.h"
#include "vimoe/robust/lipschitz.h"
#include "vimoe/util/expected.h"

namespace vimoe::robust {

struct LipschitzReport {
  LocalLipschitz local;
  std::vector<FfnSpectral> spectral;
  std::vector<Lemma1Terms> lemma1;
};

nlohmann::ordered_json sweepJson(const SweepResult& result);
nlohmann::ordered_json lipschitzJson(const LipschitzReport& report);

// Writes the pictures and report.json (atomically) into `dir`, created when missing.
// `extra` (options, run ids) is merged into the report's top level.
Status writeAttackReport(const std::string& dir, const SweepResult& result, const std::optional<LipschitzReport>& lipschitz,
                         const nlohmann::ordered_json& extra);

// (-d / 2 eps) mapped to [0, 1] around grey 0.5: the perturbation made visible.
torch::Tensor amplifiedDifference(const torch::Tensor& clean, const torch::Tensor& adversarial, double eps);

}  // namespace vimoe::robust
