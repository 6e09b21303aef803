#include "routing_snapshot.h"

#include <map>
#include <tuple>

namespace vimoe::train {
namespace {

// The pieces behind encodePadded's ids: <s>, the caption's pieces, </s>, truncated to `length`
// keeping </s> (as encodePadded does), so token i of the snapshot names text position i.
std::vector<std::string> paddedPieces(const text::Tokenizer& tokenizer, const std::string& caption, std::int64_t length) {
  auto pieces = tokenizer.pieces(caption);
  const auto room = static_cast<std::size_t>(std::max<std::int64_t>(0, length - 2));
  if (pieces.size() > room) pieces.resize(room);
  pieces.insert(pieces.begin(), "<s>");
  pieces.push_back("</s>");
  return pieces;
}

}  // namespace

std::vector<std::int64_t> probeIndices(const std::vector<std::string>& labels, int count) {
  const auto n = static_cast<std::int64_t>(labels.size());
  const auto p = std::min<std::int64_t>(count, n);
  std::vector<std::int64_t> picked;
  if (p <= 0) return picked;
  std::map<std::string, std::vector<std::int64_t>> byClass;
  for (std::int64_t i = 0; i < n; ++i) byClass[labels[static_cast<std::size_t>(i)]].push_back(i);
  if (byClass.size() < 2) {
    // A regular stride could alias with a split that cycles through classes; with one class
    // (or none) there is nothing to alias with.
    for (std::int64_t i = 0; i < p; ++i) picked.push_back(i * n / p);
    return picked;
  }
  // Each class gets its share, spread evenly within the class.
  const auto classes = static_cast<std::int64_t>(byClass.size());
  std::vector<std::vector<std::int64_t>> spread;
  for (const auto& [label, members] : byClass) {
    const auto m = static_cast<std::int64_t>(members.size());
    const auto share = std::min<std::int64_t>(m, (p + classes - 1) / classes);
    std::vector<std::int64_t> chosen;
    for (std::int64_t j = 0; j < share; ++j) chosen.push_back(members[static_cast<std::size_t>(j * m / share)]);
    spread.push_back(std::move(chosen));
  }
  for (std::size_t round = 0; static_cast<std::int64_t>(picked.size()) < p; ++round) {
    bool any = false;
    for (const auto& chosen : spread) {
      if (round >= chosen.size() || static_cast<std::int64_t>(picked.size()) == p) continue;
      picked.push_back(chosen[round]);
      any = true;
    }
    if (!any) break;
  }
  return picked;
}

ProbeSet buildProbeSet(const ContrastiveSplit& split, const text::Tokenizer& tokenizer, int count) {
  ProbeSet probe;
  const auto picked = probeIndices(split.labels, count);
  if (picked.empty()) return probe;
  const auto index = torch::tensor(picked, torch::kLong);
  probe.pixels = pixelsFromBytes(split.images.gather(index));
  probe.ids = split.captionIds.index_select(0, split.firstCaption.index_select(0, index));
  for (std::size_t s = 0; s < picked.size(); ++s) {
    const auto image = static_cast<std::size_t>(picked[s]);
    store::ProbeSample sample;
    sample.sample = static_cast<int>(s);
    sample.imagePath = split.imagePaths.at(image);
    sample.caption = split.firstCaptionText.at(image);
    sample.label = split.labels.at(image);
    sample.tokens = paddedPieces(tokenizer, sample.caption, probe.ids.size(1));
    probe.samples.push_back(std::move(sample));
  }
  return probe;
}

RoutingSnapshot takeRoutingSnapshot(model::ClipModel& model, const ProbeSet& probe, std::int64_t step) {
  RoutingSnapshot snapshot;
  if (probe.samples.empty()) return snapshot;
  std::vector<model::RoutingCapture> captures;
  auto layers = model->moeLayers();
  if (layers.empty()) return snapshot;
  {
    torch::NoGradGuard noGrad;
    const bool wasTraining = model->is_training();
    model->eval();
    for (auto& [name, layer] : layers) layer->setCapture(&captures);
    const auto device = model->parameters().front().device();
    (void)model->forward(probe.pixels.to(device), probe.ids.to(device));
    for (auto& [name, layer] : layers) layer->setCapture(nullptr);
    if (wasTraining) model->train();
  }
  const auto ids = probe.ids.accessor<std::int64_t, 2>();
  // (layer, modality, class, expert) -> kept tokens
  std::map<std::tuple<int, std::string, std::string, int>, double> perClass;
  for (const auto& capture : captures) {
    const std::string modality = model::modalityName(capture.modality);
    const auto batch = capture.shape[0], length = capture.shape[1];
    const auto experts = capture.experts.accessor<std::int64_t, 2>();
    const auto gatesF = capture.gates.to(torch::kFloat32);
    const auto gates = gatesF.accessor<float, 2>();
    const auto kept = capture.kept.accessor<bool, 2>();
    const auto k = capture.experts.size(1);
    for (std::int64_t b = 0; b < batch; ++b) {
      const auto& label = probe.samples[static_cast<std::size_t>(b)].label;
      for (std::int64_t t = 0; t < length; ++t) {
        if (capture.modality == model::Modality::Text && ids[b][t] == 0) continue;  // padding
        const auto row = b * length + t;
        store::RoutingRow r;
        r.step = step;
        r.sample = static_cast<int>(b);
        r.modality = modality;
        r.layer = capture.layer;
        r.token = static_cast<int>(t);
        for (std::int64_t c = 0; c < k; ++c) {
          r.experts.push_back(static_cast<int>(experts[row][c]));
          r.gates.push_back(gates[row][c]);
          r.kept.push_back(kept[row][c] ? 1 : 0);
          if (kept[row][c] && !label.empty())
            perClass[{capture.layer, modality, label, static_cast<int>(experts[row][c])}] += 1.0;
        }
        snapshot.rows.push_back(std::move(r));
      }
    }
  }
  for (const auto& [key, tokens] : perClass) {
    store::ExpertClassRow r;
    std::tie(r.layer, r.modality, r.className, r.expert) = key;
    r.step = step;
    r.tokens = tokens;
    snapshot.expertClass.push_back(std::move(r));
  }
  return snapshot;
}

}  // namespace vimoe::train
