// `vimoe attack --checkpoint ... --attack fgsm|pgd|apgd --eps 1/255,2/255,...`: an eps sweep on
// the checkpoint's validation samples, printed as a table and stored (vimoe/robust/attack_run.h).
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "inference_common.h"
#include "vimoe/config/config_io.h"
#include "vimoe/eval/trained_model.h"
#include "vimoe/robust/attack_run.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::cli {
namespace {

Expected<robust::AttackSpec> specFrom(const AttackCliOptions& o) {
  robust::AttackSpec spec;
  if (o.attack != "fgsm" && o.attack != "pgd" && o.attack != "apgd")
    return Error{"--attack: expected fgsm, pgd or apgd, got '" + o.attack + "'"};
  spec.attack = o.attack;
  std::stringstream list(o.eps);
  for (std::string item; std::getline(list, item, ',');) {
    if (item.empty()) continue;
    const auto eps = config::parseEpsilon(item);
    if (!eps) return Error{"--eps: '" + item + "' is not a radius in [0, 1] (write 2/255 or 0.0078)"};
    spec.eps.push_back(*eps);
    spec.epsText.push_back(item);
  }
  if (spec.eps.empty()) return Error{"--eps: give at least one radius, e.g. --eps 1/255,2/255,4/255"};
  if (o.loss != "ce" && o.loss != "dlr") return Error{"--loss: expected ce or dlr, got '" + o.loss + "'"};
  spec.loss = o.loss == "dlr" ? robust::AttackLoss::Dlr : robust::AttackLoss::CrossEntropy;
  spec.steps = o.steps;
  spec.stepSize = o.stepSize;
  spec.randomStart = o.randomStart;
  spec.restarts = o.restarts;
  spec.auxLoss = o.auxLoss;
  spec.auxWeight = o.auxWeight;
  spec.batchSize = o.batchSize;
  spec.seed = o.seed;
  spec.examples = o.examples;
  return spec;
}

std::string kindOfTarget(const std::string& target) {
  return target == "vqa" ? "vqa" : target == "caption" ? "caption" : "contrastive";
}

void printLipschitz(const robust::LipschitzReport& l) {
  std::printf("\nLipschitz (radius %.4f, %lld samples): local |grad margin| l2 mean %.3f max %.3f; l1 mean %.3f max %.3f\n",
              l.local.radius, static_cast<long long>(l.local.samples), l.local.meanL2, l.local.maxL2, l.local.meanL1,
              l.local.maxL1);
  for (const auto& t : l.lemma1)
    std::printf("  Lemma 1 %-18s max_i L(f_i) %.3f + router term %.3f (mean %.3f, %lld tokens) = %.3f\n", t.layer.c_str(),
                t.maxExpertLipschitz, t.routerTermMax, t.routerTermMean, static_cast<long long>(t.tokens), t.bound());
  double denseMax = 0, expertMax = 0;
  for (const auto& s : l.spectral) (s.expert < 0 ? denseMax : expertMax) = std::max(s.expert < 0 ? denseMax : expertMax, s.bound());
  if (denseMax > 0) std::printf("  dense FFN spectral bound, largest: %.3f\n", denseMax);
  if (expertMax > 0) std::printf("  expert FFN spectral bound, largest: %.3f\n", expertMax);
}

// With --json, stdout carries only the result; progress goes to stderr as plain lines.
class StderrProgress : public ProgressObserver {
 public:
  void onProgress(const Progress& p) override {
    std::fprintf(stderr, "%s: %lld/%lld %s (%.1f s)\n", p.task.c_str(), static_cast<long long>(p.done),
                 static_cast<long long>(p.total), p.detail.c_str(), p.elapsedSeconds);
  }
};

}  // namespace

int runAttack(const AttackCliOptions& options) {
  auto spec = specFrom(options);
  if (!spec) return reportError(spec.error().message, kExitBadInput);
  auto dir = eval::resolveCheckpoint(options.checkpoint, kindOfTarget(options.target));
  if (!dir) return reportError(dir.error().message, kExitBadInput);

  robust::AttackRunOptions run;
  run.checkpointDir = *dir;
  run.target = options.target;
  run.samples = options.samples;
  run.spec = *spec;
  run.lipschitz = options.lipschitz;
  run.storePath = options.storePath;
  run.outDir = options.outDir;
  StderrLogSink log;
  ConsoleProgressObserver console;
  StderrProgress plain;
  ProgressObserver& progress = options.json ? static_cast<ProgressObserver&>(plain) : console;
  CancelToken cancel;
  cancelOnTerminationSignals(cancel);
  auto result = robust::runAttackOnCheckpoint(run, log, progress, cancel);
  if (!options.json) console.finishLine();
  if (!result) return reportError(result.error().message, kExitBadInput);
  const auto& sweep = result->sweep;
  const std::string table = robust::formatSweepTable(sweep);
  if (!options.tableOut.empty())
    if (auto s = writeFileAtomically(options.tableOut, table); !s) return reportError(s.error().message, kExitFailed);
  if (options.json) {
    auto out = robust::sweepJson(sweep);
    if (result->lipschitz) out["lipschitz"] = robust::lipschitzJson(*result->lipschitz);
    out["run_id"] = result->runId;
    out["report_dir"] = result->reportDir;
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf("%s: %s on %lld %s samples (%s), %.1f s\n\n", sweep.checkpointDir.c_str(), sweep.attack.c_str(),
                static_cast<long long>(sweep.samples), sweep.task.c_str(), sweep.metric.c_str(), sweep.seconds);
    std::printf("%s", table.c_str());
    if (result->lipschitz) printLipschitz(*result->lipschitz);
    if (result->runId > 0) std::printf("\nstored as run %lld in %s\n", static_cast<long long>(result->runId), result->storePath.c_str());
    if (!result->reportDir.empty()) std::printf("report and examples: %s\n", result->reportDir.c_str());
  }
  return sweep.cancelled ? kExitFailed : kExitOk;
}

}  // namespace vimoe::cli
