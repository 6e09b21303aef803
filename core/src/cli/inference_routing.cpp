#include "inference_routing.h"

#include <algorithm>

#include "vimoe/model/aux_losses.h"

namespace vimoe::cli {

std::vector<std::string> paddedPieces(const std::vector<std::string>& pieces, int length) {
  const auto room = static_cast<std::size_t>(std::max(0, length - 2));
  std::vector<std::string> out = {"<s>"};
  out.insert(out.end(), pieces.begin(), pieces.begin() + static_cast<std::ptrdiff_t>(std::min(room, pieces.size())));
  out.push_back("</s>");
  return out;
}

nlohmann::ordered_json captureRouting(const RoutingRequest& request, const std::function<void()>& forward) {
  if (request.layers.empty()) return nlohmann::ordered_json::object();
  std::vector<model::RoutingCapture> captures;
  {
    torch::NoGradGuard noGrad;
    // MoeLayer is a shared handle: copies reach the model's own layers.
    for (auto [name, layer] : request.layers) layer->setCapture(&captures);
    forward();
    for (auto [name, layer] : request.layers) layer->setCapture(nullptr);
  }
  nlohmann::ordered_json layers = nlohmann::ordered_json::array();
  for (const auto& capture : captures) {
    if (capture.layer < 0 || capture.layer >= static_cast<int>(request.layers.size())) continue;
    // A layer runs once per forward here; a second capture of the same layer (a decoder
    // called again) would repeat it, so keep the first.
    const bool seen = std::any_of(layers.begin(), layers.end(), [&](const auto& l) {
      return l["name"] == request.layers[static_cast<std::size_t>(capture.layer)].first;
    });
    if (seen) continue;
    const bool text = capture.modality == model::Modality::Text;
    const auto length = capture.shape.at(1);
    const auto shown = text ? std::min<std::int64_t>(length, static_cast<std::int64_t>(request.textTokens.size())) : length;
    const auto experts = capture.experts.to(torch::kLong).contiguous();
    const auto gates = capture.gates.to(torch::kFloat32).contiguous();
    const auto kept = capture.kept.to(torch::kBool).contiguous();
    nlohmann::ordered_json e = nlohmann::ordered_json::array(), g = nlohmann::ordered_json::array(),
                           k = nlohmann::ordered_json::array();
    for (std::int64_t t = 0; t < shown; ++t) {  // row t of the first input: b = 0
      e.push_back(experts[t][0].item<std::int64_t>());
      g.push_back(gates[t][0].item<float>());
      k.push_back(kept[t][0].item<bool>() ? 1 : 0);
    }
    const auto& [name, layer] = request.layers[static_cast<std::size_t>(capture.layer)];
    layers.push_back({{"name", name},
                      {"modality", model::modalityName(capture.modality)},
                      {"num_experts", layer->experts()},
                      {"experts", e},
                      {"gates", g},
                      {"kept", k}});
  }
  nlohmann::ordered_json out = {{"patch_grid", request.patchGrid}, {"tokens", request.textTokens}, {"layers", layers}};
  return out;
}

}  // namespace vimoe::cli
