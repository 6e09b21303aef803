#include "vimoe/robust/attack_sweep.h"

#include <chrono>
#include <cmath>
#include <map>

#include "vimoe/robust/attacks.h"
#include "vimoe/robust/routing_change.h"

namespace vimoe::robust {
namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void setCapture(const AttackSet& set, std::vector<model::RoutingCapture>* capture) {
  for (auto [name, layer] : set.moeLayers) layer->setCapture(capture);
}

struct Pass {
  TargetOutput out;
  torch::Tensor objective;  // [b]
  std::vector<model::RoutingCapture> captures;
};

Pass observe(const AttackSet& set, const Target& target, const torch::Tensor& pixels, const torch::Tensor& labels,
             const AttackSpec& spec) {
  torch::NoGradGuard noGrad;
  Pass pass;
  setCapture(set, &pass.captures);
  pass.out = target(pixels);
  setCapture(set, nullptr);
  pass.objective = attackObjective(pass.out, labels, spec.loss, 0.0).detach().cpu();
  return pass;
}

torch::Tensor attackBatch(const Target& target, const torch::Tensor& pixels, const torch::Tensor& labels, double eps,
                          const AttackSpec& spec, std::uint64_t seed) {
  const double auxWeight = spec.auxLoss ? spec.auxWeight : 0.0;
  if (spec.attack == "fgsm") return fgsm(target, pixels, labels, eps, spec.loss, auxWeight);
  if (spec.attack == "apgd") {
    ApgdOptions o;
    o.eps = eps;
    o.steps = spec.steps > 0 ? spec.steps : 100;
    o.loss = spec.loss;
    o.restarts = spec.restarts;
    o.auxWeight = auxWeight;
    o.seed = seed;
    return apgd(target, pixels, labels, o);
  }
  PgdOptions o = paperPgd(eps);
  if (spec.steps > 0) o.steps = spec.steps;
  o.stepSize = spec.stepSize > 0 ? spec.stepSize : eps / o.steps;
  o.randomStart = spec.randomStart;
  o.loss = spec.loss;
  o.auxWeight = auxWeight;
  o.seed = seed;
  return pgd(target, pixels, labels, o);
}

double auxValue(const TargetOutput& out) { return out.auxLoss.defined() ? out.auxLoss.item<double>() : 0.0; }

// Top-1 expert of every token of sample `row` in each image-tower capture.
void fillExperts(const AttackSet& set, const std::vector<model::RoutingCapture>& captures, int row,
                 std::vector<std::string>& layers, std::vector<std::vector<int>>& experts) {
  for (const auto& c : captures) {
    if (c.modality != model::Modality::Image) continue;
    const auto tokens = c.shape[1];
    const auto top = c.experts.select(1, 0).view({c.shape[0], tokens})[row].contiguous();
    std::vector<int> ids(static_cast<std::size_t>(tokens));
    for (std::int64_t t = 0; t < tokens; ++t) ids[static_cast<std::size_t>(t)] = static_cast<int>(top[t].item<std::int64_t>());
    if (layers.size() < experts.size() + 1) layers.push_back(set.moeLayers[static_cast<std::size_t>(c.layer)].first);
    experts.push_back(std::move(ids));
  }
}

std::string labelName(const AttackSet& set, std::int64_t index) {
  return index >= 0 && index < static_cast<std::int64_t>(set.labelNames.size()) ? set.labelNames[static_cast<std::size_t>(index)] : "";
}

}  // namespace

Expected<SweepResult> runAttackSweep(const AttackSet& set, const AttackSpec& spec, ProgressObserver& progress,
                                     const CancelToken& cancel) {
  if (spec.eps.empty()) return Error{"attack: no eps given"};
  if (spec.attack != "fgsm" && spec.attack != "pgd" && spec.attack != "apgd")
    return Error{"attack: unknown attack '" + spec.attack + "' (fgsm, pgd, apgd)"};
  if (spec.loss == AttackLoss::Dlr && set.labelNames.size() < 3)
    return Error::at(set.checkpointDir, "the DLR loss needs at least three classes");
  const auto started = Clock::now();
  SweepResult result;
  result.checkpointDir = set.checkpointDir;
  result.task = set.task;
  result.attack = spec.attack;
  result.metric = set.task == "caption" ? "nll" : "accuracy";
  result.samples = set.size();
  for (const auto& [name, layer] : set.moeLayers) result.layers.push_back(name);
  const auto n = set.size();
  const int batch = std::max(1, spec.batchSize);
  const auto batches = (n + batch - 1) / batch;
  Progress p;
  p.task = "attack " + spec.attack;
  p.total = static_cast<std::int64_t>(spec.eps.size()) * batches;

  for (std::size_t e = 0; e < spec.eps.size(); ++e) {
    const auto epsStarted = Clock::now();
    const double eps = spec.eps[e];
    EpsResult row;
    row.eps = eps;
    row.epsText = e < spec.epsText.size() ? spec.epsText[e] : std::to_string(eps);
    std::map<int, RoutingChangeMeter> meters;
    double cleanCorrect = 0, advCorrect = 0, changed = 0, cleanLoss = 0, advLoss = 0, cleanAux = 0, advAux = 0;
    for (std::int64_t start = 0, b = 0; start < n; start += batch, ++b) {
      if (cancel.cancelled()) {
        result.cancelled = true;
        result.seconds = secondsSince(started);
        return result;
      }
      const auto size = std::min<std::int64_t>(batch, n - start);
      const auto rows = torch::arange(start, start + size, torch::kLong);
      const auto labels = set.labels.index_select(0, rows).to(set.device);
      const auto pixels = attackPixels(set, rows);
      const Target target = set.targetFor(rows);
      const Pass clean = observe(set, target, pixels, labels, spec);
      const auto adversarial = attackBatch(target, pixels, labels, eps, spec, spec.seed + static_cast<std::uint64_t>(b));
      const Pass attacked = observe(set, target, adversarial, labels, spec);

      cleanLoss += clean.objective.sum().item<double>();
      advLoss += attacked.objective.sum().item<double>();
      cleanAux += auxValue(clean.out) * static_cast<double>(size);
      advAux += auxValue(attacked.out) * static_cast<double>(size);
      if (clean.out.logits.defined()) {
        const auto before = clean.out.logits.argmax(1).cpu(), after = attacked.out.logits.argmax(1).cpu();
        const auto truth = labels.cpu();
        cleanCorrect += before.eq(truth).sum().item<double>();
        advCorrect += after.eq(truth).sum().item<double>();
        changed += before.ne(after).sum().item<double>();
      }
      const auto pairs = std::min(clean.captures.size(), attacked.captures.size());
      for (std::size_t c = 0; c < pairs; ++c) {
        const auto& a = clean.captures[c];
        const auto valid = a.modality == model::Modality::Text ? set.textValid(rows) : torch::Tensor();
        const bool validFits = !valid.defined() || valid.numel() == a.experts.size(0);
        meters[a.layer].add(a.experts, attacked.captures[c].experts, a.shape[0], validFits ? valid : torch::Tensor());
      }
      if (b == 0) {
        for (int s = 0; s < std::min<std::int64_t>(spec.examples, size); ++s) {
          ExampleView view;
          view.sample = s;
          view.eps = eps;
          view.clean = pixels[s].detach().cpu();
          view.adversarial = adversarial[s].detach().cpu();
          view.truth = labelName(set, set.labels[s].item<std::int64_t>());
          view.prompt = s < static_cast<int>(set.prompts.size()) ? set.prompts[static_cast<std::size_t>(s)] : "";
          if (clean.out.logits.defined()) {
            const auto pc = torch::softmax(clean.out.logits[s], 0).cpu(), pa = torch::softmax(attacked.out.logits[s], 0).cpu();
            const auto ic = pc.argmax().item<std::int64_t>(), ia = pa.argmax().item<std::int64_t>();
            view.cleanPrediction = labelName(set, ic);
            view.adversarialPrediction = labelName(set, ia);
            view.cleanConfidence = pc[ic].item<double>();
            view.adversarialConfidence = pa[ia].item<double>();
          }
          fillExperts(set, clean.captures, s, view.layers, view.expertsBefore);
          std::vector<std::string> ignored;
          fillExperts(set, attacked.captures, s, ignored, view.expertsAfter);
          result.examples.push_back(std::move(view));
        }
      }
      p.done += 1;
      p.elapsedSeconds = secondsSince(started);
      p.detail = "eps " + row.epsText;
      progress.onProgress(p);
    }
    const double count = static_cast<double>(n);
    if (result.metric == "accuracy") {
      row.cleanMetric = cleanCorrect / count;
      row.adversarialMetric = advCorrect / count;
    } else {
      row.cleanMetric = cleanLoss / count;
      row.adversarialMetric = advLoss / count;
    }
    row.predictionChange = changed / count;
    row.cleanLoss = cleanLoss / count;
    row.adversarialLoss = advLoss / count;
    row.cleanAux = cleanAux / count;
    row.adversarialAux = advAux / count;
    double sum = 0;
    for (std::size_t l = 0; l < set.moeLayers.size(); ++l) {
      const auto it = meters.find(static_cast<int>(l));
      row.routing.push_back({set.moeLayers[l].first, it == meters.end() ? 0.0 : it->second.rate()});
      sum += row.routing.back().rate;
    }
    row.meanRoutingChange = row.routing.empty() ? 0.0 : sum / static_cast<double>(row.routing.size());
    row.seconds = secondsSince(epsStarted);
    result.rows.push_back(std::move(row));
  }
  result.seconds = secondsSince(started);
  return result;
}

std::string formatSweepTable(const SweepResult& result) {
  std::string out = "| eps | " + result.metric + " clean | " + result.metric + " attacked | prediction change | routing change |";
  for (const auto& layer : result.layers) out += " " + layer + " |";
  out += "\n|---|---|---|---|---|";
  for (std::size_t i = 0; i < result.layers.size(); ++i) out += "---|";
  out += "\n";
  char cell[64];
  for (const auto& row : result.rows) {
    out += "| " + row.epsText + " |";
    for (double v : {row.cleanMetric, row.adversarialMetric, row.predictionChange}) {
      std::snprintf(cell, sizeof cell, " %.3f |", v);
      out += cell;
    }
    if (result.layers.empty()) {
      out += " - |";
    } else {
      std::snprintf(cell, sizeof cell, " %.3f |", row.meanRoutingChange);
      out += cell;
    }
    for (const auto& layer : row.routing) {
      std::snprintf(cell, sizeof cell, " %.3f |", layer.rate);
      out += cell;
    }
    out += "\n";
  }
  return out;
}

}  // namespace vimoe::robust
