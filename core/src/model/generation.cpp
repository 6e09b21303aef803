#include "vimoe/model/generation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "vimoe/text/tokenizer.h"

namespace vimoe::model {
namespace {

using text::Tokenizer;

// Log-probabilities over the vocabulary, with the pieces that must never be generated masked
// out. [N, V] float64 so that scores add up exactly across steps.
torch::Tensor logProbsFrom(torch::Tensor logits) {
  logits = logits.to(torch::kFloat64);
  const auto never = torch::tensor({Tokenizer::kPadId, Tokenizer::kUnkId, Tokenizer::kBosId}, torch::kLong).to(logits.device());
  logits.index_fill_(1, never, -std::numeric_limits<double>::infinity());
  return torch::log_softmax(logits, 1).cpu();
}

torch::Tensor idsTensor(const std::vector<std::vector<int>>& rows, torch::Device device) {
  std::vector<std::int64_t> flat;
  for (const auto& row : rows) flat.insert(flat.end(), row.begin(), row.end());
  return torch::tensor(flat, torch::kLong).view({static_cast<std::int64_t>(rows.size()), -1}).to(device);
}

// The next piece's log-probabilities for a batch of growing texts. Each step every row takes
// one more piece after a parent row (greedy: itself; beam search: the beam it extends). With
// the cache the decoder reads only the new pieces (keys and values of the earlier ones are
// kept, rows reordered to their parents); without it, the whole texts again.
class NextPieces {
 public:
  NextPieces(VisionLanguageModel& model, const torch::Tensor& memory, bool cached)
      : m_model(model), m_memory(memory), m_cached(cached) {}

  torch::Tensor first(const std::vector<std::vector<int>>& prefixes) {
    m_texts = prefixes;
    AuxLosses aux;
    if (!m_cached) return logProbsFrom(lastPosition(m_model->tokenLogits(m_memory, idsTensor(m_texts, m_memory.device()), aux)));
    m_cache = m_model->startDecoding(m_memory);
    return logProbsFrom(lastPosition(m_model->nextTokenLogits(idsTensor(m_texts, m_memory.device()), m_cache, aux)));
  }

  torch::Tensor next(const std::vector<std::int64_t>& parents, const std::vector<int>& pieces) {
    std::vector<std::vector<int>> texts;
    bool identity = parents.size() == m_texts.size();
    for (std::size_t i = 0; i < parents.size(); ++i) {
      identity = identity && parents[i] == static_cast<std::int64_t>(i);
      texts.push_back(m_texts[static_cast<std::size_t>(parents[i])]);
      texts.back().push_back(pieces[i]);
    }
    m_texts = std::move(texts);
    AuxLosses aux;
    const auto rows = torch::tensor(parents, torch::kLong).to(m_memory.device());
    if (!m_cached) {
      if (!identity) m_memory = m_memory.index_select(0, rows);
      return logProbsFrom(lastPosition(m_model->tokenLogits(m_memory, idsTensor(m_texts, m_memory.device()), aux)));
    }
    if (!identity) m_cache.selectRows(rows);
    std::vector<std::vector<int>> fresh;
    for (const int piece : pieces) fresh.push_back({piece});
    return logProbsFrom(lastPosition(m_model->nextTokenLogits(idsTensor(fresh, m_memory.device()), m_cache, aux)));
  }

 private:
  static torch::Tensor lastPosition(const torch::Tensor& logits) { return logits.select(1, logits.size(1) - 1); }

  VisionLanguageModel& m_model;
  torch::Tensor m_memory;
  bool m_cached;
  DecoderCache m_cache;
  std::vector<std::vector<int>> m_texts;
};

}  // namespace

double lengthPenaltyDivisor(int length, double alpha) {
  return alpha == 0 ? 1.0 : std::pow((5.0 + length) / 6.0, alpha);
}

std::vector<Hypothesis> greedyDecode(VisionLanguageModel& model, const torch::Tensor& memory,
                                     const std::vector<std::vector<int>>& prefixes, int maxLength, bool cache) {
  torch::NoGradGuard noGrad;
  const auto batch = static_cast<std::size_t>(memory.size(0));
  std::vector<Hypothesis> out(batch);
  const int limit = std::min<int>(maxLength, model->maxLength() - static_cast<int>(prefixes.front().size()));
  NextPieces decoder(model, memory, cache);
  std::vector<std::int64_t> rows(batch);
  for (std::size_t i = 0; i < batch; ++i) rows[i] = static_cast<std::int64_t>(i);
  std::vector<int> last(batch);
  for (std::size_t i = 0; i < batch; ++i) last[i] = prefixes[i].back();
  for (int step = 0; step < limit; ++step) {
    const auto logProbs = step == 0 ? decoder.first(prefixes) : decoder.next(rows, last);
    const auto best = logProbs.argmax(1);
    bool allFinished = true;
    for (std::size_t i = 0; i < batch; ++i) {
      // Finished rows keep being fed (their last piece repeated) so the batch stays rectangular.
      if (out[i].finished) continue;
      const int piece = static_cast<int>(best[static_cast<std::int64_t>(i)].item<std::int64_t>());
      out[i].logProb += logProbs[static_cast<std::int64_t>(i)][piece].item<double>();
      last[i] = piece;
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
    std::int64_t parent = 0;    // the row of the beam it extends, in the previous step's batch
  };
  std::vector<Beam> alive = {{prefix, 0.0}};
  std::vector<Hypothesis> finished;
  const auto generated = [&](const Beam& beam) {
    return std::vector<int>(beam.sequence.begin() + static_cast<std::ptrdiff_t>(prefix.size()), beam.sequence.end());
  };
  NextPieces decoder(model, memory, options.cache);
  std::vector<std::int64_t> parents;  // of the beams alive now, in the previous step's rows
  for (int step = 0; step < limit && !alive.empty(); ++step) {
    std::vector<int> pieces;
    for (const auto& beam : alive) pieces.push_back(beam.sequence.back());
    const auto logProbs = step == 0 ? decoder.first({prefix}) : decoder.next(parents, pieces);
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
      Beam child{parent.sequence, logProb, flat / vocab};
      child.sequence.push_back(piece);
      next.push_back(std::move(child));
    }
    alive = std::move(next);
    parents.clear();
    for (const auto& beam : alive) parents.push_back(beam.parent);
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
