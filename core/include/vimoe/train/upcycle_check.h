// The step-0 check of sparse upcycling: the MoE checkpoint, run beside its dense source on one
// batch, should give the same embeddings (every expert a copy of the FFN, gates summing to 1,
// no token dropped). `vimoe upcycle` runs it and prints the largest difference, so a config
// that breaks the equivalence (capacity drops, expert noise, raw softmax gates, a shared
// expert) shows at once instead of as a puzzling first eval.
#pragma once

#include <string>

#include "vimoe/util/expected.h"
#include "vimoe/util/log.h"

namespace vimoe::train {

struct UpcycleCheck {
  std::string batch;            // what the check ran on, in words
  double imageDifference = 0;   // max |MoE - dense| over the image embeddings
  double textDifference = 0;    // and the text embeddings
};

// A batch of validation data from `projectDir` (default: the project around the dense
// checkpoint) read with the checkpoint's data settings and tokenizer; without a project, data
// or tokenizer, random pixels and token ids.
Expected<UpcycleCheck> checkUpcycledEquivalence(const std::string& denseDir, const std::string& moeDir, int batchSize,
                                                LogSink& log, const std::string& projectDir = "");

}  // namespace vimoe::train
