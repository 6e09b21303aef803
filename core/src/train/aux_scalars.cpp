#include "aux_scalars.h"

#include <cmath>
#include <map>

namespace vimoe::train {
namespace {

// Running mean of the values logged under one key (a shared tower visits a layer twice).
struct MeanByKey {
  std::map<std::string, std::pair<double, int>> sums;
  void add(const std::string& key, const torch::Tensor& value, double scale = 1.0) {
    if (!value.defined()) return;
    auto& [sum, count] = sums[key];
    sum += value.item<double>() * scale;
    ++count;
  }
};

}  // namespace

void appendAuxScalars(const model::AuxLosses& aux, const std::vector<std::string>& layerNames, int experts,
                      std::vector<std::pair<std::string, double>>& out) {
  if (aux.entries.empty()) return;
  const double logE = experts > 1 ? std::log(double(experts)) : 1.0;
  MeanByKey perLayer, overall;
  for (const auto& e : aux.entries) {
    const auto name = static_cast<std::size_t>(e.layer) < layerNames.size() ? layerNames[static_cast<std::size_t>(e.layer)]
                                                                            : std::to_string(e.layer);
    const std::string prefix = "moe/" + name + "/";
    const std::string modality = model::modalityName(e.modality);
    for (auto* sink : {&perLayer, &overall}) {
      const std::string p = sink == &perLayer ? prefix : "train/";
      sink->add(p + "load_balance", e.loadBalance);
      sink->add(p + "importance_cv2", e.importance);
      sink->add(p + "load_cv2", e.load);
      sink->add(p + "z_loss", e.zLoss);
      sink->add(p + "entropy_local/" + modality, e.entropyLocal, 1.0 / logE);
      sink->add(p + "entropy_global/" + modality, e.entropyGlobal, 1.0 / logE);
    }
  }
  for (const auto* sink : {&overall, &perLayer})
    for (const auto& [key, sc] : sink->sums) out.emplace_back(key, sc.first / sc.second);
}

}  // namespace vimoe::train
