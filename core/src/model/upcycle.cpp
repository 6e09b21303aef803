#include "vimoe/model/upcycle.h"

#include <map>

#include "vimoe/model/tensor_io.h"

namespace vimoe::model {
namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "image.blocks.1.moe.w1" -> ("image.blocks.1.", "w1"); empty prefix when the name is not an
// MoE tensor.
std::pair<std::string, std::string> splitMoeName(const std::string& name) {
  const auto at = name.find(".moe.");
  if (at == std::string::npos) return {};
  return {name.substr(0, at + 1), name.substr(at + 5)};
}

// Where each expert tensor comes from in the dense FFN, and whether it is stored transposed
// (nn.Linear keeps [out, in]; the stacked experts keep [in, out] for baddbmm).
struct ExpertSource {
  const char* ffnTensor;
  bool transpose;
};
const std::map<std::string, ExpertSource>& expertSources() {
  static const std::map<std::string, ExpertSource> sources = {
      {"w1", {"mlp.fc1.weight", true}}, {"b1", {"mlp.fc1.bias", false}},
      {"w2", {"mlp.fc2.weight", true}}, {"b2", {"mlp.fc2.bias", false}},
      {"shared_expert.fc1.weight", {"mlp.fc1.weight", false}}, {"shared_expert.fc1.bias", {"mlp.fc1.bias", false}},
      {"shared_expert.fc2.weight", {"mlp.fc2.weight", false}}, {"shared_expert.fc2.bias", {"mlp.fc2.bias", false}}};
  return sources;
}

Expected<torch::Tensor> denseTensor(const SafetensorsFile& dense, const std::string& name, const std::string& source) {
  auto it = dense.tensors.find(name);
  if (it == dense.tensors.end()) return Error::at(source, "missing tensor '" + name + "' (is it a dense checkpoint of the same architecture?)");
  return blobToTensor(it->second, name);
}

std::string shapeOf(const torch::Tensor& t) {
  std::string s = "[";
  for (std::int64_t i = 0; i < t.dim(); ++i) s += (i ? ", " : "") + std::to_string(t.size(i));
  return s + "]";
}

}  // namespace

Expected<UpcycleReport> upcycleFromDense(const SafetensorsFile& dense, ClipModel& moe, const UpcycleOptions& options,
                                         const std::string& source) {
  for (const auto& [name, blob] : dense.tensors)
    if (name.find(".moe.") != std::string::npos)
      return Error::at(source, "tensor '" + name + "' is an MoE tensor: upcycling needs a dense checkpoint");
  UpcycleReport report;
  const auto layers = moe->moeLayers();
  report.moeLayers = static_cast<int>(layers.size());
  report.experts = layers.empty() ? 0 : layers.front().second->experts();

  std::map<std::string, torch::Tensor> targets;
  for (const auto& item : moe->named_parameters()) targets[item.key()] = item.value();
  for (const auto& item : moe->named_buffers()) targets[item.key()] = item.value();

  auto gen = at::detail::createCPUGenerator(options.seed);
  torch::NoGradGuard noGrad;
  for (auto& [name, target] : targets) {
    const auto [prefix, local] = splitMoeName(name);
    if (prefix.empty()) {
      auto t = denseTensor(dense, name, source);
      if (!t) return t.error();
      if (t->sizes() != target.sizes())
        return Error::at(source, "tensor '" + name + "' has shape " + shapeOf(*t) + ", the MoE model expects " +
                                     shapeOf(target) + " (the MoE config must keep the dense architecture)");
      target.copy_(t->to(target.scalar_type()));
      ++report.copiedTensors;
      continue;
    }
    const auto from = expertSources().find(local);
    if (from == expertSources().end()) {  // router.weight, selection_bias
      report.freshTensors.push_back(name);
      continue;
    }
    auto t = denseTensor(dense, prefix + from->second.ffnTensor, source);
    if (!t) return t.error();
    auto ffn = from->second.transpose ? t->t().contiguous() : *t;
    const bool stacked = local.rfind("shared_expert", 0) != 0;  // [E, ...] expert stack
    const auto expected = stacked ? target[0] : target;
    if (ffn.sizes() != expected.sizes())
      return Error::at(source, "tensor '" + prefix + from->second.ffnTensor + "' has shape " + shapeOf(*t) +
                                   ", which does not fit '" + name + "' " + shapeOf(target));
    ffn = ffn.to(target.scalar_type());
    const auto copies = stacked ? target.size(0) : 1;
    for (std::int64_t e = 0; e < copies; ++e) {
      auto slot = stacked ? target[e] : target;
      slot.copy_(ffn);
      if (options.expertNoise > 0 && stacked)
        slot.add_(torch::randn(ffn.sizes(), gen, ffn.options()) * (options.expertNoise * ffn.std().item<double>()));
      report.maxExpertDeviation =
          std::max(report.maxExpertDeviation, (slot.cpu() - ffn).abs().max().item<double>());
      ++report.expertTensors;
    }
  }
  return report;
}

}  // namespace vimoe::model
