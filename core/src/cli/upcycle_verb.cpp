// `vimoe upcycle`: dense checkpoint -> MoE checkpoint (train/init_from.h does the work).
#include <cstdio>
#include <filesystem>

#include "vimoe/cli/verbs.h"
#include "vimoe/config/config_io.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/train/init_from.h"

namespace vimoe::cli {

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
  std::printf("train from it with: vimoe train <config> --set model.init_from=%s (or use %s/config.json)\n",
              options.out.c_str(), options.out.c_str());
  return kExitOk;
}

}  // namespace vimoe::cli
