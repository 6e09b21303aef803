#include "compress/compress_output.h"

#include <filesystem>

#include "vimoe/model/tensor_io.h"
#include "vimoe/util/safetensors.h"

namespace vimoe::compress {

nlohmann::json layersJson(const CompressSessionResult& result) {
  nlohmann::json layers = nlohmann::json::array();
  for (const auto& o : result.chosenLayers) {
    const auto& s = result.slots.at(o.slot);
    layers.push_back({{"index", o.slot},
                      {"name", s.name},
                      {"parameter", s.parameter},
                      {"expert", s.expert},
                      {"kind", slotKindName(s.kind)},
                      {"tower", s.tower},
                      {"block", s.block},
                      {"rows", s.rows},
                      {"cols", s.cols},
                      {"method", methodName(o.choice.dense() ? Method::Dense : o.choice.method)},
                      {"rank", o.choice.dense() ? 0 : o.choice.rank},
                      {"max_rank", std::min(s.rows, s.cols)},
                      {"params_before", o.before.params},
                      {"params_after", o.after.params},
                      {"macs_before", o.before.macs},
                      {"macs_after", o.after.macs},
                      {"bytes_after", o.after.bytes},
                      {"keep_ratio", double(o.after.params) / double(o.before.params)},
                      {"relative_error", o.relativeError},
                      {"sensitivity", o.slot < result.sensitivity.size() ? result.sensitivity[o.slot] : 0.0}});
  }
  return layers;
}

nlohmann::json planSummaryJson(const PlanSummary& p) {
  auto scores = [](const RankingScores& r) {
    return nlohmann::json{{"metric", r.metric()}, {"r1_i2t", r.r1i2t}, {"r5_i2t", r.r5i2t}, {"r1_t2i", r.r1t2i}, {"r5_t2i", r.r5t2i}};
  };
  nlohmann::json j = {{"name", p.name},
                      {"ranking", scores(p.ranking)},
                      {"report", scores(p.report)},
                      {"size_ratio", p.sizeRatio},
                      {"model_size_ratio", p.modelSizeRatio},
                      {"params_before", p.dense.params},
                      {"params_after", p.compressed.params},
                      {"macs_before", p.dense.macs},
                      {"macs_after", p.compressed.macs},
                      {"bytes_before", p.dense.bytes},
                      {"bytes_after", p.compressed.bytes},
                      {"seconds", p.seconds}};
  nlohmann::json ranks = nlohmann::json::array();
  for (const auto& c : p.plan) ranks.push_back({{"method", methodName(c.dense() ? Method::Dense : c.method)}, {"rank", c.dense() ? 0 : c.rank}});
  j["plan"] = ranks;
  for (const auto& [k, v] : p.extra.items()) j[k] = v;
  return j;
}

nlohmann::json paretoJson(const CompressSessionResult& result) {
  nlohmann::json points = nlohmann::json::array();
  for (const auto& p : result.pareto)
    points.push_back({{"source", p.source}, {"episode", p.episode}, {"size_ratio", p.sizeRatio}, {"metric", p.metric}, {"on_front", p.onFront}});
  return points;
}

nlohmann::json reportJson(const CompressSessionResult& result, const nlohmann::json& options) {
  nlohmann::json j;
  j["options"] = options;
  j["model_params"] = result.modelParams;
  j["ranking_images"] = result.rankingImages;
  j["report_images"] = result.reportImages;
  j["evaluations"] = result.evaluations;
  j["cancelled"] = result.cancelled;
  j["dense"] = planSummaryJson(result.dense);
  nlohmann::json plans = nlohmann::json::array();
  for (const auto& p : result.plans) plans.push_back(planSummaryJson(p));
  j["plans"] = plans;
  j["chosen"] = result.plans.at(static_cast<std::size_t>(result.chosen)).name;
  j["layers"] = layersJson(result);
  j["pareto"] = paretoJson(result);
  nlohmann::json episodes = nlohmann::json::array();
  if (result.agent)
    for (const auto& e : result.agent->episodes)
      episodes.push_back({{"episode", e.episode},
                          {"reward", e.outcome.reward},
                          {"metric", e.outcome.metric},
                          {"size_ratio", e.outcome.sizeRatio},
                          {"baseline", e.baseline}});
  j["episodes"] = episodes;
  return j;
}

Expected<std::int64_t> writeFactors(const std::string& path, const CompressSessionResult& result) {
  SafetensorsFile file;
  file.metadata["format"] = "vimoe-compress-factors";
  file.metadata["orientation"] = "out_in";
  for (std::size_t i = 0; i < result.chosenFactors.size(); ++i) {
    const auto& f = result.chosenFactors[i];
    if (f.factors.empty() || f.method == Method::Dense) continue;
    const std::string name = result.slots.at(i).name;
    if (f.method == Method::Cur) {
      file.tensors[name + ".C"] = model::tensorToBlob(f.factors[0]);
      file.tensors[name + ".U"] = model::tensorToBlob(f.factors[1]);
      file.tensors[name + ".R"] = model::tensorToBlob(f.factors[2]);
      file.tensors[name + ".columns"] = model::tensorToBlob(f.keptColumns);
      file.tensors[name + ".rows"] = model::tensorToBlob(f.keptRows);
    } else {
      file.tensors[name + ".L"] = model::tensorToBlob(f.factors[0]);
      file.tensors[name + ".R"] = model::tensorToBlob(f.factors[1]);
    }
    file.metadata[name] = methodName(f.method);
  }
  if (auto s = saveSafetensors(path, file); !s) return s.error();
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? std::int64_t(0) : static_cast<std::int64_t>(size);
}

std::vector<store::EvalRow> compressEvalRows(const CompressSessionResult& result) {
  std::vector<store::EvalRow> rows;
  auto add = [&](const std::string& metric, double value, const nlohmann::json& details = nlohmann::json()) {
    rows.push_back({"compress", metric, value, details.is_null() ? std::string() : details.dump()});
  };
  std::vector<const PlanSummary*> all{&result.dense};
  for (const auto& p : result.plans) all.push_back(&p);
  for (const auto* p : all) {
    const std::string k = p->name + "/";
    add(k + "metric", p->ranking.metric(), planSummaryJson(*p));
    add(k + "report_metric", p->report.metric());
    add(k + "r1_i2t", p->report.r1i2t);
    add(k + "r5_i2t", p->report.r5i2t);
    add(k + "r1_t2i", p->report.r1t2i);
    add(k + "r5_t2i", p->report.r5t2i);
    add(k + "size_ratio", p->sizeRatio);
    add(k + "model_size_ratio", p->modelSizeRatio);
    add(k + "params", double(p->compressed.params));
    add(k + "macs", double(p->compressed.macs));
    add(k + "bytes", double(p->compressed.bytes));
    add(k + "seconds", p->seconds);
  }
  const auto& chosen = result.plans.at(static_cast<std::size_t>(result.chosen));
  add("chosen/layers", double(result.chosenLayers.size()), nlohmann::json{{"plan", chosen.name}, {"layers", layersJson(result)}});
  add("pareto/points", double(result.pareto.size()), paretoJson(result));
  return rows;
}

}  // namespace vimoe::compress
