// `vimoe upcycle`: dense checkpoint -> MoE checkpoint (train/init_from.h does the work).
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "vimoe/cli/verbs.h"
#include "vimoe/config/config_io.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/init_from.h"
#include "vimoe/train/upcycle_check.h"
#include "vimoe/util/log.h"

namespace vimoe::cli {
namespace {

// Float32 reassociation across the expert path stays far below this.
constexpr double kEquivalenceTolerance = 1e-4;

// What capacity does to the equivalence with the dense source, in the verb's words.
void printCapacityNote(const config::MoeConfig& moe) {
  if (moe.capacity_factor_eval > 0)
    std::printf("  moe.capacity_factor_eval %g: at evaluation an expert takes at most ceil(%g x k x tokens / E) tokens "
                "and drops the rest, so the MoE evaluates differently from its source wherever routing is uneven; "
                "0 (the upcycle default) keeps them equal\n",
                moe.capacity_factor_eval, moe.capacity_factor_eval);
  else
    std::printf("  evaluation is dropless (moe.capacity_factor_eval 0): the upcycled model evaluates as its source\n");
  if (moe.capacity_factor_train > 0)
    std::printf("  training keeps moe.capacity_factor_train %g: tokens over an expert's capacity ride the residual\n",
                moe.capacity_factor_train);
}

}  // namespace

int runUpcycle(const UpcycleCliOptions& options) {
  auto dense = train::readCheckpointConfig(options.from);
  if (!dense) return std::fprintf(stderr, "error: %s\n", dense.error().message.c_str()), kExitBadInput;
  if (dense->moe.enabled) {
    std::fprintf(stderr, "error: %s/config.json: moe.enabled is true; upcycling needs a dense checkpoint\n",
                 options.from.c_str());
    return kExitBadInput;
  }
  // The MoE config is the dense one with experts switched on. Top-1 with renormalised gates is
  // what makes step 0 compute the dense function; --set can change anything afterwards.
  config::ExperimentConfig moe = *dense;
  moe.moe.enabled = true;
  moe.moe.num_experts = options.experts;
  moe.moe.top_k = options.topK;
  moe.moe.gate_norm = "renormalize";
  // Dropless at evaluation, so the upcycled model evaluates exactly as its source did (a
  // capacity of 2.0 dropped tokens of the copies and moved R@1 by 0.008 on the demo).
  moe.moe.capacity_factor_eval = 0.0;
  moe.model.init_from = std::filesystem::absolute(options.from).string();
  moe.run.name = dense->run.name + "-upcycled-e" + std::to_string(options.experts);
  if (!options.overrides.empty()) {
    // --set is checked like a config file: through the JSON form and every field rule.
    auto parsed = config::parseExperimentConfig(config::experimentToJson(moe).dump(), "upcycled config", options.overrides);
    if (!parsed) return std::fprintf(stderr, "error: %s\n", parsed.error().message.c_str()), kExitBadInput;
    moe = *parsed;
  }

  model::UpcycleOptions upcycle;
  upcycle.expertNoise = options.noise;
  upcycle.seed = moe.run.seed;
  auto report = train::writeUpcycledCheckpoint(options.from, moe, options.out, upcycle);
  if (!report) return std::fprintf(stderr, "error: %s\n", report.error().message.c_str()), kExitBadInput;
  std::printf("upcycled %s -> %s\n", options.from.c_str(), options.out.c_str());
  std::printf("  %d MoE layers x %d experts (top-%d, router %s); %d tensors copied, %d expert tensors written\n",
              report->moeLayers, report->experts, moe.moe.top_k, moe.moe.router.c_str(), report->copiedTensors,
              report->expertTensors);
  std::printf("  fresh: %zu router tensors; max |expert - source| = %g%s\n", report->freshTensors.size(),
              report->maxExpertDeviation, options.noise > 0 ? " (noise on)" : " (exact copies)");
  // The tokenizer travels with the weights, so `vimoe eval` and the demo work on the output.
  if (auto tokenizer = train::checkpointTokenizerPath(options.from); tokenizer)
    if (auto copied = train::copyTokenizerIntoCheckpoint(*tokenizer, options.out); !copied)
      return std::fprintf(stderr, "error: %s\n", copied.error().message.c_str()), kExitFailed;
  printCapacityNote(moe.moe);
  StderrLogSink log;
  auto check = train::checkUpcycledEquivalence(options.from, options.out, 8, log, options.projectDir);
  if (!check) return std::fprintf(stderr, "error: step-0 check: %s\n", check.error().message.c_str()), kExitFailed;
  std::printf("  step-0 check on %s: max |MoE - dense| = %.3g (image embeddings), %.3g (text embeddings)\n",
              check->batch.c_str(), check->imageDifference, check->textDifference);
  if (std::max(check->imageDifference, check->textDifference) > kEquivalenceTolerance)
    std::printf("  the MoE does not compute the dense function at step 0: expert noise, capacity drops, softmax gates or a "
                "shared expert change it (intended only if you asked for them)\n");
  std::printf("train from it with: vimoe train <config> --set model.init_from=%s (or use %s/config.json)\n",
              options.out.c_str(), options.out.c_str());
  return kExitOk;
}

}  // namespace vimoe::cli
