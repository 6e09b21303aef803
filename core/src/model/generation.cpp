#include "vimoe/model/generation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "vimoe/text/tokenizer.h"

namespace vimoe::model {
namespace {

using text::Tokenizer;

// Log-probabilities of the next piece after each row of `ids`, with the pieces that must never
// be generated masked out. [N, V] float64 so that scores add up exactly across steps.
torch::Tensor nextLogProbs(VisionLanguageModel& model, const torch::Tensor& memory, const torch::Tensor& ids) {
  AuxLosses aux;
  auto logits = model->tokenLogits(memory, ids, aux).select(1, ids.size(1) - 1).to(torch::kFloat64);
  const auto never = torch::tensor({Tokenizer::kPadId, Tokenizer::kUnkId, Tokenizer::kBosId}, torch::kLong).to(logits.device());
  logits.index_fill_(1, never, -std::numeric_limits<double>::infinity());
  return torch::log_softmax(logits, 1).cpu();
}

torch::Tensor idsTensor(const std::vector<std::vector<int>>& rows, torch::Device device) {
  std::vector<std::int64_t> flat;
  for (const auto& row : rows) flat.insert(flat.end(), row.begin(), row.end());
  return torch::tensor(flat, torch::kLong).view({static_cast<std::int64_t>(rows.size()), -1}).to(device);
}

}  // namespace

double lengthPenaltyDivisor(int length, double alpha) {
  return alpha == 0 ? 1.0 : std::pow((5.0 + length) / 6.0, alpha);
}

std::vector<Hypothesis> greedyDecode(VisionLanguageModel& model, const torch::Tensor& memory,
                                     const std::vector<std::vector<int>>& prefixes, int maxLength) {
  torch::NoGradGuard noGrad;
  const auto batch = static_cast<std::size_t>(memory.size(0));
  std::vector<Hypothesis> out(batch);
  std::vector<std::vector<int>> sequences = prefixes;
  const int limit = std::min<int>(maxLength, model->maxLength() - static_cast<int>(prefixes.front().size()));
  for (int step = 0; step < limit; ++step) {
    // Finished rows keep being fed (their last piece repeated) so the batch stays rectangular.
    const auto logProbs = nextLogProbs(model, memory, idsTensor(sequences, memory.device()));
    const auto best = logProbs.argmax(1);
    bool allFinished = true;
    for (std::size_t i = 0; i < batch; ++i) {
      if (out[i].finished) {
        sequences[i].push_back(sequences[i].back());
        continue;
      }
      const int piece = static_cast<int>(best[static_cast<std::int64_t>(i)].item<std::int64_t>());
      out[i].logProb += logProbs[static_cast<std::int64_t>(i)][piece].item<double>();
      sequences[i].push_back(piece);
      if (piece == Tokenizer::kEosId)
        out[i].finished = true;
      else
        out[i].ids.push_back(piece);
      allFinished = allFinished && out[i].finished;
    }
    if (allFinished) break;
  }
  for (auto& h : out) h.score = h.logProb;
  return out;
}

std::vector<Hypothesis> beamSearch(VisionLanguageModel& model, const torch::Tensor& memory, const std::vector<int>& prefix,
                                   const GenerationOptions& options) {
  torch::NoGradGuard noGrad;
  const int width = std::max(1, options.beamWidth);
  const int limit = std::min<int>(options.maxLength, model->maxLength() - static_cast<int>(prefix.size()));
  struct Beam {
    std::vector<int> sequence;  // prefix + generated
    double logProb = 0;
  };
  std::vector<Beam> alive = {{prefix, 0.0}};
  std::vector<Hypothesis> finished;
  const auto generated = [&](const Beam& beam) {
    return std::vector<int>(beam.sequence.begin() + static_cast<std::ptrdiff_t>(prefix.size()), beam.sequence.end());
  };
  for (int step = 0; step < limit && !alive.empty(); ++step) {
    std::vector<std::vector<int>> rows;
    for (const auto& beam : alive) rows.push_back(beam.sequence);
    const auto logProbs = nextLogProbs(model, memory.expand({static_cast<std::int64_t>(alive.size()), -1, -1}),
                                       idsTensor(rows, memory.device()));
    // Candidate = beam log p + piece log p; the best 2 * width leave enough that are not "</s>".
    const auto vocab = logProbs.size(1);
    const auto total = logProbs + torch::tensor([&] {
                         std::vector<double> v;
                         for (const auto& beam : alive) v.push_back(beam.logProb);
                         return v;
                       }(), torch::kFloat64).unsqueeze(1);
    const auto top = total.flatten().topk(std::min<std::int64_t>(2 * width, total.numel()));
    const auto values = std::get<0>(top), indices = std::get<1>(top);
    std::vector<Beam> next;
    for (std::int64_t rank = 0; rank < values.size(0) && static_cast<int>(next.size()) < width; ++rank) {
      const double logProb = values[rank].item<double>();
      if (!std::isfinite(logProb)) break;
      const auto flat = indices[rank].item<std::int64_t>();
      const auto& parent = alive[static_cast<std::size_t>(flat / vocab)];
      const int piece = static_cast<int>(flat % vocab);
      if (piece == Tokenizer::kEosId) {
        // As in fairseq: "</s>" only ends a hypothesis from within the best `width` candidates.
        if (rank < width) {
          Hypothesis h;
          h.ids = generated(parent);
          h.logProb = logProb;
          h.finished = true;
          h.score = logProb / lengthPenaltyDivisor(static_cast<int>(h.ids.size()) + 1, options.lengthPenalty);
          finished.push_back(std::move(h));
        }
        continue;
      }
      Beam child{parent.sequence, logProb};
      child.sequence.push_back(piece);
      next.push_back(std::move(child));
    }
    alive = std::move(next);
    if (static_cast<int>(finished.size()) >= width) break;
  }
  if (static_cast<int>(finished.size()) < width) {
    // Cut at maxLength: still candidates, ranked with the others.
    for (const auto& beam : alive) {
      Hypothesis h;
      h.ids = generated(beam);
      h.logProb = beam.logProb;
      h.score = beam.logProb / lengthPenaltyDivisor(static_cast<int>(h.ids.size()), options.lengthPenalty);
      finished.push_back(std::move(h));
    }
  }
  std::stable_sort(finished.begin(), finished.end(), [](const Hypothesis& a, const Hypothesis& b) { return a.score > b.score; });
  if (static_cast<int>(finished.size()) > width) finished.resize(static_cast<std::size_t>(width));
  return finished;
}

}  // namespace vimoe::model
