// `vimoe bench`: the MoE-layer cost ratio and training throughput (bench/*.h), printed as a
// table or JSON. The figures depend on the machine and its load; tests never assert on them.
#include <fmt/format.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstdio>
#include <thread>
#include <nlohmann/json.hpp>

#include "vimoe/bench/generate_bench.h"
#include "vimoe/bench/loader_bench.h"
#include "vimoe/bench/moe_layer_bench.h"
#include "vimoe/bench/train_bench.h"
#include "vimoe/cli/verbs.h"

namespace vimoe::cli {
namespace {

nlohmann::json timingJson(const bench::TimingSummary& t) {
  return {{"median_ms", t.medianMs}, {"min_ms", t.minMs}, {"max_ms", t.maxMs}, {"repetitions", t.repetitions}};
}

nlohmann::json moeLayerBench(const BenchCliOptions& options) {
  bench::MoeLayerBenchOptions o;
  o.repetitions = options.repetitions;
  o.warmup = options.warmup;
  const bench::MoeLayerBenchResult r = bench::benchMoeLayer(o);
  const double target = o.topK, limit = 1.3 * o.topK;
  if (!options.json) {
    std::printf(
        "MoE layer forward+backward: %d tokens, width %d, hidden %d, E=%d, k=%d; median of %d after %d warm-up\n",
        o.tokens, o.width, o.hidden, o.experts, o.topK, o.repetitions, o.warmup);
    // The fastest pass is printed too: on a shared machine it is the least disturbed one.
    auto row = [&](const char* name, const bench::TimingSummary& t) {
      std::printf("  %-20s %9.2f ms  %5.2fx dense   (fastest %8.2f ms, %5.2fx)\n", name, t.medianMs,
                  t.medianMs / r.dense.medianMs, t.minMs, t.minMs / r.dense.minMs);
    };
    row("dense FFN", r.dense);
    row("MoE dropless", r.dropless);
    row(fmt::format("MoE capacity {:g}", o.capacityFactor).c_str(), r.capped);
    std::printf(
        "  compute-proportional: %.1fx at k=%d; target within 1.3x of it (<= %.2fx): dropless %s, capacity %s\n",
        target, o.topK, limit, r.droplessRatio() <= limit ? "met" : "NOT met",
        r.cappedRatio() <= limit ? "met" : "NOT met");
    std::printf(
        "  (expert buffers: capacity %g pads each expert to %g x k x tokens / E rows, dropless to the busiest "
        "expert's load)\n\n",
        o.capacityFactor, o.capacityFactor);
  }
  return {{"tokens", o.tokens},
          {"width", o.width},
          {"hidden", o.hidden},
          {"experts", o.experts},
          {"top_k", o.topK},
          {"dense", timingJson(r.dense)},
          {"dropless", timingJson(r.dropless)},
          {"capacity", timingJson(r.capped)},
          {"capacity_factor", o.capacityFactor},
          {"dropless_ratio", r.droplessRatio()},
          {"capacity_ratio", r.cappedRatio()},
          {"compute_proportional_ratio", target},
          {"target_ratio", limit}};
}

Expected<nlohmann::json> trainBench(const BenchCliOptions& options) {
  bench::TrainBenchOptions o;
  o.preset = options.preset;
  o.batchSize = options.batchSize;
  o.steps = options.steps;
  o.warmupSteps = options.warmup;
  auto cases = bench::benchTraining(o);
  if (!cases) return cases.error();
  nlohmann::json rows = nlohmann::json::array();
  if (!options.json)
    std::printf(
        "Training step (forward, CLIP + aux loss, backward, clip, AdamW) of preset %s: batch %d, %d px, "
        "%d text tokens, MoE capacity %g; median of %d steps after %d warm-up\n",
        o.preset.c_str(), o.batchSize, o.imageSize, o.textTokens, o.capacityFactor, o.steps, o.warmupSteps);
  const double denseRate = cases->empty() ? 0 : cases->front().samplesPerSecond;
  for (const auto& c : *cases) {
    if (!options.json)
      std::printf("  %-10s %8.1f ms/step (fastest %7.1f) %8.1f samples/s  %5.2fx dense   params %lld, active %lld\n",
                  c.name.c_str(), c.step.medianMs, c.step.minMs, c.samplesPerSecond,
                  denseRate > 0 ? c.samplesPerSecond / denseRate : 0.0, static_cast<long long>(c.parameters),
                  static_cast<long long>(c.activeParameters));
    rows.push_back({{"name", c.name},
                    {"experts", c.experts},
                    {"top_k", c.topK},
                    {"parameters", c.parameters},
                    {"active_parameters", c.activeParameters},
                    {"step", timingJson(c.step)},
                    {"samples_per_second", c.samplesPerSecond}});
  }
  return nlohmann::json{{"preset", o.preset},
                        {"batch_size", o.batchSize},
                        {"image_size", o.imageSize},
                        {"text_tokens", o.textTokens},
                        {"vocab_size", o.vocabSize},
                        {"capacity_factor", o.capacityFactor},
                        {"cases", rows}};
}

Expected<nlohmann::json> loaderBench(const BenchCliOptions& options) {
  bench::LoaderBenchOptions o;
  o.images = options.loaderImages;
  o.keepDir = options.keepImages;
  o.maxThreads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  auto r = bench::benchLoader(o);
  if (!r) return r.error();
  nlohmann::json rows = nlohmann::json::array();
  if (!options.json)
    std::printf("Streaming loader: %d JPEGs %dx%d (%.1f MB) -> %d px (decode, shorter side, centre crop), batch %d\n",
                o.images, o.width, o.height, r->fileBytes / 1e6, o.imageSize, o.batchSize);
  for (const auto& row : r->rows) {
    const double ratio = r->trainSamplesPerSecond > 0 ? row.imagesPerSecond / r->trainSamplesPerSecond : 0;
    if (!options.json)
      std::printf("  %d thread%s  %8.1f images/s  %8.1fx what %s training consumes\n", row.threads, row.threads > 1 ? "s" : " ",
                  row.imagesPerSecond, ratio, o.trainPreset.c_str());
    rows.push_back({{"threads", row.threads}, {"images_per_second", row.imagesPerSecond}, {"ratio_to_training", ratio}});
  }
  if (!options.json)
    std::printf("  %s dense training step, batch %d: %.2f samples/s; peak RSS %.0f MB\n\n", o.trainPreset.c_str(), o.trainBatch,
                r->trainSamplesPerSecond, r->peakRssBytes / 1048576.0);
  return nlohmann::json{{"images", o.images},         {"image_size", o.imageSize},
                        {"file_bytes", r->fileBytes}, {"rows", rows},
                        {"train_preset", o.trainPreset}, {"train_samples_per_second", r->trainSamplesPerSecond},
                        {"peak_rss_bytes", r->peakRssBytes}};
}


nlohmann::json generateBench(const BenchCliOptions& options) {
  nlohmann::json out;
  for (const bool moe : {false, true}) {
    bench::GenerateBenchOptions o;
    o.repetitions = std::max(1, options.repetitions / 3);
    o.warmup = std::min(options.warmup, 1);
    o.moe = moe;
    const auto r = bench::benchGenerate(o);
    if (!options.json) {
      std::printf("Caption generation, %s decoder (demo size, random weights: %d pieces a caption), median of %d:\n",
                  moe ? "MoE (E=4, k=1)" : "dense", r.pieces, o.repetitions);
      auto row = [&](const char* name, const bench::TimingSummary& cached, const bench::TimingSummary& recomputed) {
        std::printf("  %-14s KV cache %8.2f ms   recomputing the text %8.2f ms   %5.2fx faster\n", name, cached.medianMs,
                    recomputed.medianMs, recomputed.medianMs / cached.medianMs);
      };
      row("greedy", r.greedyCached, r.greedyRecomputed);
      row(fmt::format("beam {}", o.beamWidth).c_str(), r.beamCached, r.beamRecomputed);
      std::printf("\n");
    }
    out[moe ? "moe" : "dense"] = {{"pieces", r.pieces},
                                  {"beam_width", o.beamWidth},
                                  {"greedy_cached", timingJson(r.greedyCached)},
                                  {"greedy_recomputed", timingJson(r.greedyRecomputed)},
                                  {"beam_cached", timingJson(r.beamCached)},
                                  {"beam_recomputed", timingJson(r.beamRecomputed)}};
  }
  return out;
}

}  // namespace

int runBench(const BenchCliOptions& options) {
  if (options.what != "moe-layer" && options.what != "train" && options.what != "loader" && options.what != "generate" &&
      options.what != "all") {
    std::fprintf(stderr, "error: --what must be moe-layer, train, loader, generate or all, got '%s'\n", options.what.c_str());
    return kExitBadInput;
  }
  nlohmann::json out = {{"threads", torch::get_num_threads()}};
  if (!options.json) std::printf("vimoe bench: %d LibTorch threads\n\n", torch::get_num_threads());
  if (options.what == "generate") {
    out["generate"] = generateBench(options);
    if (options.json) std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  if (options.what == "loader") {
    auto loader = loaderBench(options);
    if (!loader) {
      std::fprintf(stderr, "error: %s\n", loader.error().message.c_str());
      return kExitFailed;
    }
    out["loader"] = *loader;
    if (options.json) std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  if (options.what != "train") out["moe_layer"] = moeLayerBench(options);
  if (options.what != "moe-layer") {
    auto train = trainBench(options);
    if (!train) {
      std::fprintf(stderr, "error: %s\n", train.error().message.c_str());
      return kExitBadInput;
    }
    out["train"] = *train;
  }
  if (options.json) std::printf("%s\n", out.dump(2).c_str());
  return kExitOk;
}

}  // namespace vimoe::cli
