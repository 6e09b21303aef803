#include "vimoe/model/import/importer.h"

#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "vimoe/model/tensor_io.h"
#include "vimoe/train/checkpoint.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::model::import {
namespace {

std::string shapeText(const std::vector<std::int64_t>& shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : " + ") + name;
  return text;
}

Expected<torch::Tensor> sourceTensor(const SourceCheckpoint& source, const std::string& name, const std::string& target) {
  const auto it = source.tensors.find(name);
  if (it == source.tensors.end())
    return Error::at(source.path, "tensor '" + name + "' is missing (it would become '" + target +
                                      "'); is the checkpoint complete, and is --format right?");
  auto tensor = blobToTensor(it->second, name);
  if (!tensor) return Error::at(source.tensorFile.at(name), tensor.error().message);
  return tensor->to(torch::kFloat32);
}

// The rule's tensor, in the target's shape, or an error naming both shapes.
Expected<torch::Tensor> applyRule(const SourceCheckpoint& source, const TensorRule& rule, const torch::Tensor& target) {
  std::vector<torch::Tensor> inputs;
  for (const auto& name : rule.sources) {
    auto tensor = sourceTensor(source, name, rule.target);
    if (!tensor) return tensor.error();
    inputs.push_back(*tensor);
  }
  torch::Tensor value;
  switch (rule.transform) {
    case Transform::Copy:
      value = inputs.at(0);
      break;
    case Transform::Reshape:
      if (inputs.at(0).numel() == target.numel()) value = inputs.at(0).reshape(target.sizes());
      else value = inputs.at(0);  // reported as a shape mismatch below
      break;
    case Transform::Transpose:
      value = inputs.at(0).dim() == 2 ? inputs.at(0).t().contiguous() : inputs.at(0);
      break;
    case Transform::Concat:
      for (const auto& input : inputs)
        if (input.dim() != inputs.front().dim() || input.sizes().slice(1) != inputs.front().sizes().slice(1))
          return Error::at(source.path, "tensors " + joined(rule.sources) + " differ in shape; they must stack into '" +
                                            rule.target + "'");
      value = torch::cat(inputs, 0);
      break;
    case Transform::Rows:
      if (inputs.at(0).size(0) < rule.rowEnd)
        return Error::at(source.tensorFile.at(rule.sources[0]), "tensor '" + rule.sources[0] + "' has " +
                                                                    std::to_string(inputs.at(0).size(0)) + " rows, expected " +
                                                                    std::to_string(rule.rowEnd) + " or more");
      value = inputs.at(0).narrow(0, rule.rowBegin, rule.rowEnd - rule.rowBegin);
      break;
    case Transform::Identity:
      value = target.dim() == 2 && target.size(0) == target.size(1) ? torch::eye(target.size(0)) : torch::Tensor();
      if (!value.defined()) return Error{"'" + rule.target + "' is not square; it cannot start as the identity"};
      break;
    case Transform::Zeros:
      value = torch::zeros_like(target, torch::kFloat32);
      break;
  }
  if (value.sizes() != target.sizes()) {
    const std::string from = rule.sources.empty() ? "(synthesised)" : joined(rule.sources);
    return Error::at(source.path, from + " gives shape " + shapeText(value.sizes().vec()) + " but '" + rule.target +
                                      "' has shape " + shapeText(target.sizes().vec()) +
                                      ": the source's tensors disagree with each other (the model's shape comes from "
                                      "the patch embedding, positions and block 0), or --format / --*-heads is wrong");
  }
  return value;
}

// The tokenizer that travels with the import and the conventions it is used with: CLIP's
// byte-level BPE for CLIP and OpenCLIP (whose folders may hold OpenAI's vocab.json +
// merges.txt), SigLIP's SentencePiece model for SigLIP.
std::string chooseTokenizer(const SourceCheckpoint& source, SourceFormat format, config::ExperimentConfig& cfg,
                            std::string& tokenizerFile) {
  const bool clipFamily = format == SourceFormat::HfClip || format == SourceFormat::OpenClip;
  if (clipFamily && !source.bpeVocabulary.empty()) {
    tokenizerFile = source.bpeVocabulary;
    cfg.data.text_format = "clip";
    return "vocab.json + merges.txt (CLIP's byte-level BPE, copied; data.text_format = clip)";
  }
  if (format == SourceFormat::HfSiglip && !source.sentencePieceModel.empty()) {
    tokenizerFile = source.sentencePieceModel;
    cfg.data.text_format = "siglip";
    return "SentencePiece model " + source.sentencePieceModel + " (copied as tokenizer.model; data.text_format = siglip)";
  }
  if (format == SourceFormat::TorchvisionVit) return "none (an image tower): the run's project tokenizer";
  return "none found beside the weights: the run's project tokenizer (the imported text tower then reads other ids)";
}

}  // namespace

std::string transformName(Transform transform) {
  switch (transform) {
    case Transform::Reshape: return "reshape";
    case Transform::Transpose: return "transpose";
    case Transform::Concat: return "concat q,k,v";
    case Transform::Rows: return "rows";
    case Transform::Identity: return "identity";
    case Transform::Zeros: return "zeros";
    case Transform::Copy: break;
  }
  return "copy";
}

Expected<ImportedModel> importCheckpoint(const std::string& sourcePath, const ImportOptions& options) {
  auto source = readSourceCheckpoint(sourcePath);
  if (!source) return source.error();
  auto plan = planImport(*source, options);
  if (!plan) return plan.error();

  ImportedModel out;
  const std::string tokenizerNote = chooseTokenizer(*source, plan->format, plan->config, out.tokenizerFile);
  out.model = ClipModel(plan->config);
  std::map<std::string, torch::Tensor> targets;
  for (const auto& item : out.model->named_parameters()) targets[item.key()] = item.value();
  for (const auto& item : out.model->named_buffers()) targets[item.key()] = item.value();

  ImportReport& report = out.report;
  report.source = sourcePath;
  report.format = plan->format;
  report.config = plan->config;
  report.decisions = plan->decisions;
  // Check every rule before touching the model: a bad source leaves nothing half-loaded.
  std::map<std::string, torch::Tensor> values;
  std::set<std::string> used;
  for (const auto& rule : plan->rules) {
    const auto target = targets.find(rule.target);
    if (target == targets.end())
      return Error{"internal: import rule targets '" + rule.target + "', which the model does not have"};
    auto value = applyRule(*source, rule, target->second);
    if (!value) return value.error();
    values[rule.target] = *value;
    used.insert(rule.sources.begin(), rule.sources.end());
    report.mapped.push_back({rule.target, rule.sources, target->second.sizes().vec(), rule.transform});
    if (!rule.sources.empty()) report.loadedParameters += target->second.numel();
  }
  {
    torch::NoGradGuard noGrad;
    for (auto& [name, value] : values) targets[name].copy_(value);
  }
  for (const auto& [name, blob] : source->tensors) {
    if (!used.count(name)) report.unusedSources.push_back(name);
    report.sourceParameters += blob.elementCount();
  }
  for (const auto& [name, tensor] : targets)
    if (!values.count(name)) report.freshTargets.push_back(name);
  report.tokenizer = tokenizerNote;
  return out;
}

Status writeImportedCheckpoint(ImportedModel& imported, const std::string& out) {
  train::TrainingState state;  // step 0: the weights as imported
  state.seed = imported.report.config.run.seed;
  if (auto saved = train::saveCheckpoint(out, *imported.model, nullptr, imported.report.config, state); !saved) return saved;
  if (!imported.tokenizerFile.empty())
    if (auto copied = train::copyTokenizerIntoCheckpoint(imported.tokenizerFile, out); !copied) return copied;
  return writeFileAtomically((std::filesystem::path(out) / "import.txt").string(),
                             formatImportReport(imported.report, /*everyTensor=*/true));
}

std::string formatImportReport(const ImportReport& report, bool everyTensor) {
  const auto& cfg = report.config;
  const auto& arch = cfg.model.arch;
  std::string text = report.textSource.empty()
                         ? fmt::format("import {} ({})\n", report.source, formatName(report.format))
                         : fmt::format("import image tower {} ({}) + text tower {} ({})\n", report.source,
                                       formatName(report.format), report.textSource, formatName(report.textFormat));
  text += fmt::format("  image tower: {} px, patch {}, width {}, depth {}, heads {}, mlp ratio {:.4g}\n", cfg.data.image_size,
                      cfg.model.patch_size, cfg.model.image.width, cfg.model.image.depth, cfg.model.image.heads,
                      cfg.model.image.mlp_ratio);
  text += fmt::format("  text tower:  {} tokens, vocabulary {}, width {}, depth {}, heads {}, mlp ratio {:.4g}\n",
                      cfg.data.max_text_tokens, cfg.data.vocab_size, cfg.model.text.width, cfg.model.text.depth,
                      cfg.model.text.heads, cfg.model.text.mlp_ratio);
  const auto textArch = config::textTowerArch(arch);
  const std::string textDiffers = textArch.activation == arch.activation && textArch.norm_eps == arch.norm_eps
                                      ? std::string()
                                      : fmt::format(" (text tower: {}, {:g})", textArch.activation, textArch.norm_eps);
  text += fmt::format("  shared space {}; loss {}; activation {}; LayerNorm eps {:g}{}; image pool {}; text pool {}{}; "
                      "pixels {}\n",
                      cfg.model.embed_dim, cfg.loss.contrastive, arch.activation, arch.norm_eps, textDiffers, arch.image_pool,
                      arch.text_pool, arch.text_causal ? " (causal)" : "", arch.pixel_norm);
  for (const auto& decision : report.decisions) text += "  decided: " + decision + "\n";
  text += "  tokenizer: " + report.tokenizer + "\n";
  text += fmt::format("  mapped {} tensors ({} of the source's {} values loaded); {} source tensors unused; "
                      "{} model tensors new\n",
                      report.mapped.size(), report.loadedParameters, report.sourceParameters, report.unusedSources.size(),
                      report.freshTargets.size());
  if (everyTensor) {
    text += "\n  model tensor <- source tensor(s) [transform] shape\n";
    for (const auto& m : report.mapped)
      text += fmt::format("  {} <- {} [{}] {}\n", m.target, m.sources.empty() ? "-" : joined(m.sources),
                          transformName(m.transform), shapeText(m.shape));
  }
  for (const auto& name : report.unusedSources) text += "  unused: " + name + "\n";
  for (const auto& name : report.freshTargets) {
    const bool pixelStatistic = name == "image.pixel_mean" || name == "image.pixel_std";
    text += "  new:    " + name + (pixelStatistic ? " (from model.arch.pixel_norm = " + arch.pixel_norm + ")" : "") + "\n";
  }
  return text;
}

}  // namespace vimoe::model::import
