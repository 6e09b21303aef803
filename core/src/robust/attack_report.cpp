#include "vimoe/robust/attack_report.h"

#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "vimoe/util/atomic_file.h"

namespace vimoe::robust {
namespace fs = std::filesystem;
namespace {

Status writePng(const fs::path& file, const torch::Tensor& pixels) {
  const auto hwc = (pixels.clamp(0, 1) * 255).round().to(torch::kUInt8).permute({1, 2, 0}).contiguous();
  cv::Mat rgb(static_cast<int>(hwc.size(0)), static_cast<int>(hwc.size(1)), CV_8UC3, hwc.data_ptr<std::uint8_t>());
  cv::Mat bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  std::vector<unsigned char> buffer;
  if (!cv::imencode(".png", bgr, buffer)) return Error::at(file.string(), "PNG encoding failed");
  return writeFileAtomically(file.string(), std::string_view(reinterpret_cast<const char*>(buffer.data()), buffer.size()));
}

nlohmann::ordered_json expertsJson(const std::vector<std::string>& layers, const std::vector<std::vector<int>>& experts) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (std::size_t l = 0; l < layers.size() && l < experts.size(); ++l) out[layers[l]] = experts[l];
  return out;
}

}  // namespace

torch::Tensor amplifiedDifference(const torch::Tensor& clean, const torch::Tensor& adversarial, double eps) {
  if (eps <= 0) return torch::full_like(clean, 0.5);
  return ((adversarial - clean) / (2 * eps) + 0.5).clamp(0, 1);
}

nlohmann::ordered_json sweepJson(const SweepResult& result) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& r : result.rows) {
    nlohmann::ordered_json routing = nlohmann::ordered_json::object();
    for (const auto& layer : r.routing) routing[layer.layer] = layer.rate;
    rows.push_back({{"eps", r.eps},
                    {"eps_text", r.epsText},
                    {"clean", r.cleanMetric},
                    {"adversarial", r.adversarialMetric},
                    {"prediction_change", r.predictionChange},
                    {"clean_loss", r.cleanLoss},
                    {"adversarial_loss", r.adversarialLoss},
                    {"clean_aux", r.cleanAux},
                    {"adversarial_aux", r.adversarialAux},
                    {"routing_change", r.meanRoutingChange},
                    {"routing_change_per_layer", routing},
                    {"seconds", r.seconds}});
  }
  return {{"checkpoint", result.checkpointDir}, {"task", result.task},     {"attack", result.attack},
          {"metric", result.metric},            {"samples", result.samples}, {"layers", result.layers},
          {"rows", rows},                       {"seconds", result.seconds}, {"cancelled", result.cancelled}};
}

nlohmann::ordered_json lipschitzJson(const LipschitzReport& report) {
  nlohmann::ordered_json spectral = nlohmann::ordered_json::array();
  for (const auto& s : report.spectral)
    spectral.push_back({{"layer", s.layer}, {"expert", s.expert}, {"w1", s.w1}, {"w2", s.w2}, {"bound", s.bound()}});
  nlohmann::ordered_json lemma = nlohmann::ordered_json::array();
  for (const auto& t : report.lemma1)
    lemma.push_back({{"layer", t.layer},
                     {"max_expert_lipschitz", t.maxExpertLipschitz},
                     {"router_term_max", t.routerTermMax},
                     {"router_term_mean", t.routerTermMean},
                     {"bound", t.bound()},
                     {"tokens", t.tokens}});
  const auto& l = report.local;
  return {{"local", {{"radius", l.radius}, {"samples", l.samples}, {"mean_l2", l.meanL2}, {"max_l2", l.maxL2},
                     {"mean_l1", l.meanL1}, {"max_l1", l.maxL1}}},
          {"spectral", spectral},
          {"lemma1", lemma}};
}

Status writeAttackReport(const std::string& dir, const SweepResult& result, const std::optional<LipschitzReport>& lipschitz,
                         const nlohmann::ordered_json& extra) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error::at(dir, "cannot create the report folder: " + ec.message());
  auto report = sweepJson(result);
  nlohmann::ordered_json examples = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < result.examples.size(); ++i) {
    const auto& ex = result.examples[i];
    const std::string stem = "sample" + std::to_string(ex.sample);
    const std::string cleanFile = stem + "-clean.png";
    const std::string advFile = stem + "-adv" + std::to_string(i) + ".png";
    const std::string diffFile = stem + "-diff" + std::to_string(i) + ".png";
    if (auto s = writePng(fs::path(dir) / cleanFile, ex.clean); !s) return s;
    if (auto s = writePng(fs::path(dir) / advFile, ex.adversarial); !s) return s;
    if (auto s = writePng(fs::path(dir) / diffFile, amplifiedDifference(ex.clean, ex.adversarial, ex.eps)); !s) return s;
    examples.push_back({{"sample", ex.sample},
                        {"eps", ex.eps},
                        {"prompt", ex.prompt},
                        {"truth", ex.truth},
                        {"clean_prediction", ex.cleanPrediction},
                        {"clean_confidence", ex.cleanConfidence},
                        {"adversarial_prediction", ex.adversarialPrediction},
                        {"adversarial_confidence", ex.adversarialConfidence},
                        {"clean_image", cleanFile},
                        {"adversarial_image", advFile},
                        {"difference_image", diffFile},
                        {"image_size", ex.clean.size(-1)},
                        {"experts_before", expertsJson(ex.layers, ex.expertsBefore)},
                        {"experts_after", expertsJson(ex.layers, ex.expertsAfter)}});
  }
  report["examples"] = examples;
  if (lipschitz) report["lipschitz"] = lipschitzJson(*lipschitz);
  for (const auto& item : extra.items()) report[item.key()] = item.value();
  return writeFileAtomically((fs::path(dir) / "report.json").string(), report.dump(2));
}

}  // namespace vimoe::robust
