// Routing snapshots of a fixed probe set: every run.routing_every steps the model (in eval mode,
// no gradient) routes the same validation images and captions, and every token's top-k experts,
// gates and kept flags go to routing_sample; the per-class token counts of each expert go to
// expert_class. The probe set never changes during a run, so snapshots compare across steps.
#pragma once

#include <vector>

#include "vimoe/model/clip_model.h"
#include "vimoe/store/run_store.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/train/probe_set.h"

namespace vimoe::train {

struct ProbeSet {
  torch::Tensor pixels;  // [P, 3, S, S] float in [0, 1]
  torch::Tensor ids;     // [P, L]
  std::vector<store::ProbeSample> samples;
};

// The probe images of probeIndices, each with its first caption.
ProbeSet buildProbeSet(const ContrastiveSplit& split, const text::Tokenizer& tokenizer, int count);

struct RoutingSnapshot {
  std::vector<store::RoutingRow> rows;
  std::vector<store::ExpertClassRow> expertClass;  // empty when the probe samples have no labels
};

RoutingSnapshot takeRoutingSnapshot(model::ClipModel& model, const ProbeSet& probe, std::int64_t step);

}  // namespace vimoe::train
