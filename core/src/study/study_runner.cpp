#include "vimoe/study/study_runner.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>

#include "vimoe/config/config_io.h"
#include "vimoe/config/project.h"
#include "vimoe/model/import/exporter.h"
#include "vimoe/model/import/importer.h"
#include "vimoe/robust/attack_run.h"
#include "vimoe/store/run_store.h"
#include "vimoe/study/seed_statistics.h"
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

namespace {

// The seeds every variant runs with: --seeds, else the study's (the first alone in a smoke
// run); empty: once, with the base config's run.seed, and names without a seed.
std::vector<std::uint64_t> seedsToRun(const StudyOptions& options, const config::StudyConfig& study) {
  if (!options.seeds.empty()) return options.seeds;
  if (study.seeds.empty()) return {};
  if (options.smoke) return {study.seeds.front()};
  return study.seeds;
}

std::string seedSuffix(const std::optional<std::uint64_t>& seed) { return seed ? "/seed" + std::to_string(*seed) : ""; }

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
    auto cfg = config::loadExperimentConfig(basePath, overrides);
    if (!cfg) return Error{where + ":\n" + cfg.error().message};
    variants.push_back({variant.name, std::move(*cfg), variant.isImport() ? &variant : nullptr});
  }
  // With one seed, runs keep the variant's name and the table its one line per variant.
  const std::vector<std::uint64_t> seedList = seedsToRun(options, *study);
  std::vector<std::optional<std::uint64_t>> seeds;
  if (seedList.size() > 1) seeds.assign(seedList.begin(), seedList.end());
  if (seeds.empty()) seeds.emplace_back(std::nullopt);

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
  // Finished variant and seed -> its checkpoint folder: a reference ("@pretrain") resolves to
  // the same seed's run of that variant.
  std::map<std::string, std::string> checkpointOf;
  const auto key = [](const std::string& variant, const std::optional<std::uint64_t>& seed) { return variant + seedSuffix(seed); };
  for (const auto& planned : variants) {
    for (const auto& seed : seeds) {
      if (cancel.cancelled()) {
        result.cancelled = true;
        break;
      }
      const std::string& name = planned.name;
      const std::string label = name + seedSuffix(seed);
      if (planned.import) {
        // A checkpoint on disk is the same for every seed: imported once. An earlier variant is
        // published and imported per seed.
        const bool perSeed = planned.import->import_from[0] == '@';
        if (!perSeed && seed != seeds.front()) {
          checkpointOf[key(name, seed)] = checkpointOf.at(key(name, seeds.front()));
          continue;
        }
        std::map<std::string, std::string> sources;  // this seed's finished variants, by name
        for (const auto& v : variants)
          if (const auto it = checkpointOf.find(key(v.name, seed)); it != checkpointOf.end()) sources[v.name] = it->second;
        const std::string checkpointRoot = train::resolveProjectPath(project->dir, planned.cfg.run.checkpoint_dir);
        config::StudyVariant step = *planned.import;
        step.name = perSeed ? label : name;
        auto imported = importVariant(step, study->name, result.studyId, sources, project->dir, checkpointRoot, log);
        if (!imported) return Error{"study '" + study->name + "', variant '" + label + "': " + imported.error().message};
        checkpointOf[key(name, seed)] = imported->checkpointDir;
        result.imports.push_back(std::move(*imported));
        continue;
      }
      config::ExperimentConfig cfg = planned.cfg;
      cfg.run.name = study->name + "/" + label;
      if (seed) cfg.run.seed = *seed;
      if (seedList.size() == 1) cfg.run.seed = seedList.front();
      // "model.init_from=@variant" starts from an earlier variant's final checkpoint: how a study
      // compares an upcycled model with continued dense training from the same weights;
      // "task.encoder_from=@variant" does the same for a downstream model's image tower.
      const auto resolveVariantReference = [&](const char* field, std::string& value) -> Status {
        if (value.empty() || value[0] != '@') return okStatus();
        const auto found = checkpointOf.find(key(value.substr(1), seed));
        if (found == checkpointOf.end())
          return Error{"study '" + study->name + "', variant '" + label + "': " + field + " names variant '" + value.substr(1) +
                       "', which has not finished earlier in this study"};
        value = found->second;
        return okStatus();
      };
      if (auto s = resolveVariantReference("model.init_from", cfg.model.init_from); !s) return s.error();
      if (auto s = resolveVariantReference("task.encoder_from", cfg.task.encoder_from); !s) return s.error();
      log.info("study '" + study->name + "': variant " + label);
      train::TrainOptions trainOptions;
      trainOptions.projectDir = project->dir;
      trainOptions.storePath = storePath;
      trainOptions.tags = "study:" + study->name + (options.smoke ? ",smoke" : "");  // the demo lists smoke runs last
      const auto started = std::chrono::steady_clock::now();
      StudyRow row;
      row.variant = name;
      row.seed = seed;
      row.kind = cfg.run.kind;
      row.run = train::runTraining(cfg, trainOptions, log, progress, cancel);
      row.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      if (row.run.runId > 0) {
        auto store = store::RunStore::open(storePath);
        if (!store) return store.error();
        if (auto s = (*store)->addStudyRun(result.studyId, row.run.runId, name); !s) return s.error();
      }
      if (row.run.outcome == train::RunOutcome::Finished) {
        checkpointOf[key(name, seed)] = row.run.checkpointDir;
        if (!study->attack.attack.empty()) {
          auto attacked = attackVariant(study->attack, row.run.checkpointDir, storePath, result.studyId, label, log, progress, cancel);
          if (!attacked) return attacked.error();
          row.attackRunId = attacked->runId;
          row.attack = std::move(attacked->sweep);
          if (row.attack->cancelled) result.cancelled = true;
        }
      }
      if (row.run.outcome == train::RunOutcome::Failed) log.error("variant " + label + " failed: " + row.run.message);
      if (row.run.outcome == train::RunOutcome::Cancelled) result.cancelled = true;
      result.rows.push_back(std::move(row));
      if (result.cancelled) break;
    }
    if (result.cancelled) break;
  }
  return result;
}

namespace {

// A difference is reported as one when Welch's test gives p below this; above, within noise.
constexpr double kDifferenceLevel = 0.05;

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

bool seeded(const StudyResult& result) {
  return std::any_of(result.rows.begin(), result.rows.end(), [](const StudyRow& row) { return row.seed.has_value(); });
}

// One line per run (with its seed when the study ran several).
TableCells cellsFor(const StudyResult& result, const std::string& kind) {
  TableCells cells;
  const auto columns = columnsFor(kind);
  cells.header = {"variant", "run", "status"};
  if (seeded(result)) cells.header.insert(cells.header.begin() + 1, "seed");
  for (const auto& c : columns) cells.header.push_back(c.header);
  for (const char* h : {"params", "active", "samples/s", "time (s)"}) cells.header.push_back(h);
  for (const auto& row : result.rows) {
    if (runKind(row) != kind) continue;
    const auto& r = row.run;
    std::vector<std::string> line = {row.variant, std::to_string(r.runId), train::runOutcomeName(r.outcome)};
    if (seeded(result)) line.insert(line.begin() + 1, row.seed ? std::to_string(*row.seed) : "-");
    for (const auto& c : columns) line.push_back(value(r, c.key));
    line.push_back(std::to_string(r.totalParameters));
    line.push_back(std::to_string(r.activeParameters));
    line.push_back(fmt::format("{:.1f}", r.samplesPerSecond));
    line.push_back(fmt::format("{:.1f}", row.wallSeconds));
    cells.rows.push_back(std::move(line));
  }
  for (const auto& [label, prefix] : baselinesFor(kind)) {
    std::vector<std::string> line = {"baseline: " + label, "-", "-"};
    if (seeded(result)) line.insert(line.begin() + 1, "-");
    for (const auto& c : columns) line.push_back(c.key.rfind("eval/", 0) == 0 ? baselineValue(result, kind, prefix, c) : "-");
    for (int i = 0; i < 4; ++i) line.push_back("-");
    cells.rows.push_back(std::move(line));
  }
  return cells;
}

// The finished runs' values of one metric for one variant, in seed order.
std::vector<double> seedValues(const StudyResult& result, const std::string& kind, const std::string& variant,
                               const std::string& key) {
  std::vector<double> values;
  for (const auto& row : result.rows) {
    if (runKind(row) != kind || row.variant != variant || row.run.outcome != train::RunOutcome::Finished) continue;
    if (const auto it = row.run.finalMetrics.find(key); it != row.run.finalMetrics.end()) values.push_back(it->second);
  }
  return values;
}

std::vector<std::string> variantsInOrder(const StudyResult& result, const std::string& kind) {
  std::vector<std::string> names;
  for (const auto& row : result.rows)
    if (runKind(row) == kind && std::find(names.begin(), names.end(), row.variant) == names.end()) names.push_back(row.variant);
  return names;
}

std::string meanAndStd(const std::vector<double>& values) {
  if (values.empty()) return "-";
  const auto s = summarise(values);
  return values.size() == 1 ? fmt::format("{:.3f}", s.mean) : fmt::format("{:.3f} ± {:.3f}", s.mean, s.std);
}

// One line per variant over its seeds: mean ± sample std of every metric.
TableCells seedCellsFor(const StudyResult& result, const std::string& kind) {
  TableCells cells;
  const auto columns = columnsFor(kind);
  cells.header = {"variant", "seeds", "finished"};
  for (const auto& c : columns) cells.header.push_back(c.header);
  for (const char* h : {"params", "active", "samples/s", "time (s)"}) cells.header.push_back(h);
  for (const auto& variant : variantsInOrder(result, kind)) {
    int runs = 0, finished = 0;
    std::int64_t params = 0, active = 0;
    std::vector<double> speed;
    double seconds = 0;
    for (const auto& row : result.rows) {
      if (runKind(row) != kind || row.variant != variant) continue;
      ++runs;
      seconds += row.wallSeconds;
      if (row.run.outcome != train::RunOutcome::Finished) continue;
      ++finished;
      params = row.run.totalParameters;
      active = row.run.activeParameters;
      speed.push_back(row.run.samplesPerSecond);
    }
    std::vector<std::string> line = {variant, std::to_string(runs), std::to_string(finished)};
    for (const auto& c : columns) line.push_back(meanAndStd(seedValues(result, kind, variant, c.key)));
    line.push_back(std::to_string(params));
    line.push_back(std::to_string(active));
    line.push_back(speed.empty() ? "-" : fmt::format("{:.1f}", summarise(speed).mean));
    line.push_back(fmt::format("{:.1f}", seconds));
    cells.rows.push_back(std::move(line));
  }
  return cells;
}

// Every variant against the kind's first one (the reference, e.g. dense), metric by metric:
// the difference of the means and Welch's two-sided t-test over the seeds.
TableCells differenceCellsFor(const StudyResult& result, const std::string& kind) {
  TableCells cells;
  const auto columns = columnsFor(kind);
  const auto names = variantsInOrder(result, kind);
  cells.header = {"variant"};
  for (const auto& c : columns) cells.header.push_back(c.header);
  for (std::size_t v = 1; v < names.size(); ++v) {
    std::vector<std::string> line = {names[v] + " - " + names[0]};
    for (const auto& c : columns) {
      const auto a = seedValues(result, kind, names[v], c.key), b = seedValues(result, kind, names[0], c.key);
      const auto test = welchTest(a, b);
      if (!test) {
        line.push_back("-");
        continue;
      }
      const double difference = summarise(a).mean - summarise(b).mean;
      line.push_back(test->p < kDifferenceLevel ? fmt::format("{:+.3f} (p = {:.3f})", difference, test->p)
                                                : fmt::format("within noise ({:+.3f}, p = {:.2f})", difference, test->p));
    }
    cells.rows.push_back(std::move(line));
  }
  return cells;
}

std::string markdown(const TableCells& cells) {
  std::string table = "|";
  for (const auto& h : cells.header) table += " " + h + " |";
  table += "\n|";
  for (std::size_t i = 0; i < cells.header.size(); ++i) table += "---|";
  table += "\n";
  for (const auto& line : cells.rows) {
    table += "|";
    for (const auto& cell : line) table += " " + cell + " |";
    table += "\n";
  }
  return table;
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
    table += "\n" + kind + "\n\n" + markdown(cellsFor(result, kind));
    if (!seeded(result)) continue;
    table += "\n" + kind + " over seeds (mean ± sample std)\n\n" + markdown(seedCellsFor(result, kind));
    const auto differences = differenceCellsFor(result, kind);
    if (!differences.rows.empty())
      table += fmt::format("\n{} differences (Welch's t-test over seeds, two-sided; p >= {} is within noise)\n\n", kind,
                           kDifferenceLevel) +
               markdown(differences);
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
