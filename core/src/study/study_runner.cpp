#include "vimoe/study/study_runner.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>

#include "vimoe/config/config_io.h"
#include "vimoe/config/project.h"
#include "vimoe/model/import/exporter.h"
#include "vimoe/model/import/importer.h"
#include "vimoe/robust/attack_run.h"
#include "vimoe/store/run_store.h"
#include "vimoe/train/project_data.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::study {
namespace fs = std::filesystem;

namespace {

Expected<robust::AttackRunResult> attackVariant(const config::StudyAttack& attack, const std::string& checkpointDir,
                                                const std::string& storePath, std::int64_t studyId, const std::string& variant,
                                                LogSink& log, ProgressObserver& progress, const CancelToken& cancel) {
  robust::AttackRunOptions o;
  o.checkpointDir = checkpointDir;
  o.target = attack.target;
  o.samples = attack.samples;
  o.spec.attack = attack.attack;
  for (const auto& text : attack.eps) {
    o.spec.eps.push_back(config::parseEpsilon(text).value_or(0.0));  // checked when the study was read
    o.spec.epsText.push_back(text);
  }
  o.spec.steps = attack.steps;
  o.spec.auxLoss = attack.aux_loss;
  o.storePath = storePath;
  o.studyId = studyId;
  o.studyRole = variant + ":attack";
  log.info("attack " + attack.attack + " on variant " + variant);
  return robust::runAttackOnCheckpoint(o, log, progress, cancel);
}

// An import step: the source (a published checkpoint in the project, or an earlier variant
// first written in a published layout) read by the importer into a checkpoint folder beside the
// study's runs, named like them: <checkpoint_dir>/<study id>-<study>_<variant>.
Expected<StudyImport> importVariant(const config::StudyVariant& step, const std::string& studyName, std::int64_t studyId,
                                    const std::map<std::string, std::string>& checkpointOf, const std::string& projectDir,
                                    const std::string& checkpointRoot, LogSink& log) {
  StudyImport out;
  out.variant = step.name;
  const fs::path folder = fs::path(checkpointRoot) / train::runFolderName(studyId, studyName + "/" + step.name);
  out.checkpointDir = folder.string();
  if (step.import_from[0] == '@') {
    const auto found = checkpointOf.find(step.import_from.substr(1));
    if (found == checkpointOf.end()) return Error{"imports " + step.import_from + ", which has not finished earlier in this study"};
    out.source = folder.string() + "." + step.via;
    log.info("publishing " + found->second + " in the " + step.via + " layout -> " + out.source);
    if (auto s = model::import::exportOpenClip(found->second, out.source); !s) return s.error();
  } else {
    out.source = train::resolveProjectPath(projectDir, step.import_from);
  }
  model::import::ImportOptions options;
  options.format = step.import_format;
  torch::NoGradGuard noGrad;
  auto imported = model::import::importCheckpoint(out.source, options);
  if (!imported) return imported.error();
  const auto& report = imported->report;
  out.format = model::import::formatName(report.format);
  out.loadedParameters = report.loadedParameters;
  out.sourceParameters = report.sourceParameters;
  out.unusedSources = static_cast<int>(report.unusedSources.size());
  out.freshTargets = static_cast<int>(report.freshTargets.size());
  if (auto s = model::import::writeImportedCheckpoint(*imported, out.checkpointDir); !s) return s.error();
  log.info(fmt::format("imported {} ({}): {} of {} parameters loaded, {} source tensors unused, {} model tensors new -> {}",
                       out.source, out.format, out.loadedParameters, out.sourceParameters, out.unusedSources, out.freshTargets,
                       out.checkpointDir));
  return out;
}

}  // namespace

Expected<StudyResult> runStudy(const StudyOptions& options, LogSink& log, ProgressObserver& progress, const CancelToken& cancel) {
  auto study = config::loadStudyConfig(options.studyFile);
  if (!study) return study.error();
  auto projectDir = config::findProjectDir(options.studyFile);
  if (!projectDir) return projectDir.error();
  auto project = config::loadProject(*projectDir);
  if (!project) return project.error();
  const std::string storePath = options.storePath.empty() ? project->storePath() : options.storePath;
  const std::string basePath = (fs::path(options.studyFile).parent_path() / study->base).lexically_normal().string();

  // Parse every variant before running any, so a typo in the last one fails in a second, not
  // after the first run's minutes.
  struct PlannedVariant {
    std::string name;
    config::ExperimentConfig cfg;  // an import step: the base's, for where checkpoints go
    const config::StudyVariant* import = nullptr;
  };
  std::vector<PlannedVariant> variants;
  for (const auto& name : options.only) {
    const bool known = std::any_of(study->variants.begin(), study->variants.end(), [&](const auto& v) { return v.name == name; });
    if (!known) return Error::at(options.studyFile, "--only: no variant named '" + name + "'");
  }
  for (const auto& variant : study->variants) {
    if (!options.only.empty() && std::find(options.only.begin(), options.only.end(), variant.name) == options.only.end())
      continue;
    const std::string where = "study '" + study->name + "', variant '" + variant.name + "'";
    if (variant.isImport() && variant.import_from[0] == '@') {
      const std::string from = variant.import_from.substr(1);
      const bool earlier = std::any_of(variants.begin(), variants.end(), [&](const PlannedVariant& v) { return v.name == from; });
      if (!earlier) return Error{where + ": imports '" + variant.import_from + "', which is no earlier variant of this run of the study"};
    }
    std::vector<std::string> overrides = variant.overrides;
    if (options.smoke) overrides.insert(overrides.end(), study->smoke_overrides.begin(), study->smoke_overrides.end());
    overrides.insert(overrides.end(), options.overrides.begin(), options.overrides.end());
    overrides.push_back("run.name=" + nlohmann::json(study->name + "/" + variant.name).dump());
    auto cfg = config::loadExperimentConfig(basePath, overrides);
    if (!cfg) return Error{where + ":\n" + cfg.error().message};
    variants.push_back({variant.name, std::move(*cfg), variant.isImport() ? &variant : nullptr});
  }

  StudyResult result;
  result.name = study->name;
  {
    auto store = store::RunStore::open(storePath);
    if (!store) return store.error();
    auto text = readWholeFile(options.studyFile);
    auto id = (*store)->createStudy(study->name + (options.smoke ? " (smoke)" : ""), text ? *text : "{}");
    if (!id) return id.error();
    result.studyId = *id;
  }
  std::map<std::string, std::string> checkpointOf;  // finished variant -> its checkpoint folder
  for (auto& [name, cfg, importStep] : variants) {
    if (cancel.cancelled()) {
      result.cancelled = true;
      break;
    }
    if (importStep) {
      const std::string checkpointRoot = train::resolveProjectPath(project->dir, cfg.run.checkpoint_dir);
      auto imported = importVariant(*importStep, study->name, result.studyId, checkpointOf, project->dir, checkpointRoot, log);
      if (!imported) return Error{"study '" + study->name + "', variant '" + name + "': " + imported.error().message};
      checkpointOf[name] = imported->checkpointDir;
      result.imports.push_back(std::move(*imported));
      continue;
    }
    // "model.init_from=@variant" starts from an earlier variant's final checkpoint: how a study
    // compares an upcycled model with continued dense training from the same weights;
    // "task.encoder_from=@variant" does the same for a downstream model's image tower.
    const std::string& variantName = name;  // C++17 lambdas cannot capture structured bindings
    const auto resolveVariantReference = [&](const char* key, std::string& value) -> Status {
      if (value.empty() || value[0] != '@') return okStatus();
      const auto found = checkpointOf.find(value.substr(1));
      if (found == checkpointOf.end())
        return Error{"study '" + study->name + "', variant '" + variantName + "': " + key + " names variant '" + value.substr(1) +
                     "', which has not finished earlier in this study"};
      value = found->second;
      return okStatus();
    };
    if (auto s = resolveVariantReference("model.init_from", cfg.model.init_from); !s) return s.error();
    if (auto s = resolveVariantReference("task.encoder_from", cfg.task.encoder_from); !s) return s.error();
    log.info("study '" + study->name + "': variant " + name);
    train::TrainOptions trainOptions;
    trainOptions.projectDir = project->dir;
    trainOptions.storePath = storePath;
    trainOptions.tags = "study:" + study->name;
    const auto started = std::chrono::steady_clock::now();
    StudyRow row;
    row.variant = name;
    row.kind = cfg.run.kind;
    row.run = train::runTraining(cfg, trainOptions, log, progress, cancel);
    row.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (row.run.runId > 0) {
      auto store = store::RunStore::open(storePath);
      if (!store) return store.error();
      if (auto s = (*store)->addStudyRun(result.studyId, row.run.runId, name); !s) return s.error();
    }
    if (row.run.outcome == train::RunOutcome::Finished) {
      checkpointOf[name] = row.run.checkpointDir;
      if (!study->attack.attack.empty()) {
        auto attacked = attackVariant(study->attack, row.run.checkpointDir, storePath, result.studyId, name, log, progress, cancel);
        if (!attacked) return attacked.error();
        row.attackRunId = attacked->runId;
        row.attack = std::move(attacked->sweep);
        if (row.attack->cancelled) result.cancelled = true;
      }
    }
    if (row.run.outcome == train::RunOutcome::Failed) log.error("variant " + name + " failed: " + row.run.message);
    if (row.run.outcome == train::RunOutcome::Cancelled) result.cancelled = true;
    result.rows.push_back(std::move(row));
    if (result.cancelled) break;
  }
  return result;
}

namespace {

// One table per kind of run in the study, each with the columns that kind is judged by; the
// downstream tables end with the model-free baselines (measured in every run on the same
// split, so any run's values serve).
struct Column {
  std::string header;
  std::string key;  // RunResult::finalMetrics key
};

std::vector<Column> columnsFor(const std::string& kind) {
  if (kind == "caption")
    return {{"val loss", "val/loss"},         {"BLEU-1", "eval/caption/bleu1"}, {"BLEU-4", "eval/caption/bleu4"},
            {"ROUGE-L", "eval/caption/rouge_l"}, {"CIDEr-D", "eval/caption/cider_d"}};
  if (kind == "vqa") return {{"val loss", "val/loss"}, {"exact match", "eval/vqa/exact_match"}, {"token F1", "eval/vqa/f1"}};
  return {{"train loss", "train/loss"}, {"val loss", "val/loss"}, {"R@1 i->t", "val/r1_i2t"},
          {"R@5 i->t", "val/r5_i2t"},   {"R@1 t->i", "val/r1_t2i"}, {"R@5 t->i", "val/r5_t2i"}};
}

std::vector<std::pair<std::string, std::string>> baselinesFor(const std::string& kind) {
  if (kind == "caption") return {{"nearest-neighbour caption", "baseline/nn_caption/"}};
  if (kind == "vqa") return {{"majority answer", "baseline/majority/"}, {"majority answer per type", "baseline/majority_per_type/"}};
  return {};
}

std::string runKind(const StudyRow& row) { return row.kind.empty() ? "contrastive" : row.kind; }

std::vector<std::string> kindsInOrder(const StudyResult& result) {
  std::vector<std::string> kinds;
  for (const auto& row : result.rows)
    if (std::find(kinds.begin(), kinds.end(), runKind(row)) == kinds.end()) kinds.push_back(runKind(row));
  return kinds;
}

std::string value(const train::RunResult& run, const std::string& key) {
  auto it = run.finalMetrics.find(key);
  return it == run.finalMetrics.end() ? std::string("-") : fmt::format("{:.3f}", it->second);
}

// The baseline's value for a column: the same metric name under baseline/<name>/.
std::string baselineValue(const StudyResult& result, const std::string& kind, const std::string& prefix, const Column& column) {
  const std::string suffix = column.key.substr(column.key.rfind('/') + 1);
  for (const auto& row : result.rows)
    if (runKind(row) == kind && row.run.finalMetrics.count(prefix + suffix)) return value(row.run, prefix + suffix);
  return "-";
}

struct TableCells {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

TableCells cellsFor(const StudyResult& result, const std::string& kind) {
  TableCells cells;
  const auto columns = columnsFor(kind);
  cells.header = {"variant", "run", "status"};
  for (const auto& c : columns) cells.header.push_back(c.header);
  for (const char* h : {"params", "active", "samples/s", "time (s)"}) cells.header.push_back(h);
  for (const auto& row : result.rows) {
    if (runKind(row) != kind) continue;
    const auto& r = row.run;
    std::vector<std::string> line = {row.variant, std::to_string(r.runId), train::runOutcomeName(r.outcome)};
    for (const auto& c : columns) line.push_back(value(r, c.key));
    line.push_back(std::to_string(r.totalParameters));
    line.push_back(std::to_string(r.activeParameters));
    line.push_back(fmt::format("{:.1f}", r.samplesPerSecond));
    line.push_back(fmt::format("{:.1f}", row.wallSeconds));
    cells.rows.push_back(std::move(line));
  }
  for (const auto& [label, prefix] : baselinesFor(kind)) {
    std::vector<std::string> line = {"baseline: " + label, "-", "-"};
    for (const auto& c : columns) line.push_back(c.key.rfind("eval/", 0) == 0 ? baselineValue(result, kind, prefix, c) : "-");
    for (int i = 0; i < 4; ++i) line.push_back("-");
    cells.rows.push_back(std::move(line));
  }
  return cells;
}

std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace

std::string formatStudyTable(const StudyResult& result) {
  std::string table = fmt::format("Study '{}' (id {})\n", result.name, result.studyId);
  if (!result.imports.empty()) {
    table += "\nimports\n\n| step | source | format | loaded / source parameters | unused source tensors | new model tensors | checkpoint |\n"
             "|---|---|---|---|---|---|---|\n";
    for (const auto& i : result.imports)
      table += fmt::format("| {} | {} | {} | {} / {} | {} | {} | {} |\n", i.variant, i.source, i.format, i.loadedParameters,
                           i.sourceParameters, i.unusedSources, i.freshTargets, i.checkpointDir);
  }
  for (const auto& kind : kindsInOrder(result)) {
    const auto cells = cellsFor(result, kind);
    table += "\n" + kind + "\n\n|";
    for (const auto& h : cells.header) table += " " + h + " |";
    table += "\n|";
    for (std::size_t i = 0; i < cells.header.size(); ++i) table += "---|";
    table += "\n";
    for (const auto& line : cells.rows) {
      table += "|";
      for (const auto& cell : line) table += " " + cell + " |";
      table += "\n";
    }
  }
  return table + formatRobustnessTable(result);
}

std::string formatRobustnessTable(const StudyResult& result) {
  std::string table;
  for (const auto& row : result.rows) {
    if (!row.attack) continue;
    const auto& sweep = *row.attack;
    if (table.empty())
      table = fmt::format("\nrobustness ({} on {} samples; {} clean -> attacked)\n\n"
                          "| variant | attack run | eps | clean | attacked | prediction change | routing change |\n"
                          "|---|---|---|---|---|---|---|\n",
                          sweep.attack, sweep.samples, sweep.metric);
    for (const auto& r : sweep.rows)
      table += fmt::format("| {} | {} | {} | {:.3f} | {:.3f} | {:.3f} | {} |\n", row.variant, row.attackRunId, r.epsText,
                           r.cleanMetric, r.adversarialMetric, r.predictionChange,
                           r.routing.empty() ? std::string("-") : fmt::format("{:.3f}", r.meanRoutingChange));
  }
  return table;
}

std::string formatStudyCsv(const StudyResult& result) {
  // One CSV for every kind: the kind is a column, metric columns are the union.
  std::vector<std::string> header = {"study", "kind"};
  std::vector<std::vector<std::string>> lines;
  std::vector<TableCells> tables;
  const auto kinds = kindsInOrder(result);
  for (const auto& kind : kinds) {
    tables.push_back(cellsFor(result, kind));
    for (const auto& h : tables.back().header)
      if (std::find(header.begin(), header.end(), h) == header.end()) header.push_back(h);
  }
  std::string csv;
  for (std::size_t i = 0; i < header.size(); ++i) csv += (i ? "," : "") + csvField(header[i]);
  csv += "\n";
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    for (const auto& line : tables[k].rows) {
      std::vector<std::string> out(header.size(), "");
      out[0] = result.name;
      out[1] = kinds[k];
      for (std::size_t c = 0; c < line.size(); ++c) {
        const auto at = std::find(header.begin(), header.end(), tables[k].header[c]) - header.begin();
        out[static_cast<std::size_t>(at)] = line[c] == "-" ? "" : line[c];
      }
      for (std::size_t i = 0; i < out.size(); ++i) csv += (i ? "," : "") + csvField(out[i]);
      csv += "\n";
    }
  }
  return csv;
}

}  // namespace vimoe::study
