// Mixed towers (the proposal's model): the image tower of one pretrained checkpoint and the text
// tower of another, each imported by its own layout's rules, joined into one ClipModel.
#include <fmt/format.h>

#include <map>
#include <set>

#include "vimoe/model/import/importer.h"

namespace vimoe::model::import {
namespace {

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

// The joined config: the image side's, with the text tower, its text settings and tokenizer
// conventions from the text side. An activation or LayerNorm epsilon that differs between the
// two becomes model.arch.text_activation / text_norm_eps.
config::ExperimentConfig joinConfigs(const config::ExperimentConfig& image, const config::ExperimentConfig& text,
                                     bool scoresFromText, std::vector<std::string>& decisions) {
  config::ExperimentConfig cfg = image;
  cfg.model.text = text.model.text;
  cfg.model.shared_tower = false;
  cfg.data.max_text_tokens = text.data.max_text_tokens;
  cfg.data.vocab_size = text.data.vocab_size;
  cfg.data.text_format = text.data.text_format;
  auto& arch = cfg.model.arch;
  const auto& textArch = text.model.arch;
  arch.text_pool = textArch.text_pool;
  arch.text_causal = textArch.text_causal;
  arch.text_activation = textArch.activation == arch.activation ? "" : textArch.activation;
  arch.text_norm_eps = textArch.norm_eps == arch.norm_eps ? 0.0 : textArch.norm_eps;
  arch.proj_bias = arch.proj_bias || textArch.proj_bias;
  if (!arch.text_activation.empty() || arch.text_norm_eps > 0)
    decisions.push_back(fmt::format("text tower computes with activation {}, LayerNorm eps {:g} (the image tower: {}, {:g})",
                                    textArch.activation, textArch.norm_eps, arch.activation, arch.norm_eps));
  if (scoresFromText) {
    cfg.loss.contrastive = text.loss.contrastive;
    decisions.push_back("loss " + cfg.loss.contrastive + " and the logit scale from the text source (the image source has none)");
  }
  if (text.model.embed_dim != image.model.embed_dim)
    decisions.push_back(fmt::format("shared space {} (the image side's); the text side's is {}: the text projection starts fresh "
                                    "and needs fine-tuning",
                                    image.model.embed_dim, text.model.embed_dim));
  return cfg;
}

std::map<std::string, const MappedTensor*> mappedByTarget(const ImportReport& report) {
  std::map<std::string, const MappedTensor*> out;
  for (const auto& m : report.mapped) out[m.target] = &m;
  return out;
}

}  // namespace

Expected<ImportedModel> importMixedCheckpoint(const std::string& imageSource, const ImportOptions& imageOptions,
                                              const std::string& textSource, const ImportOptions& textOptions) {
  auto image = importCheckpoint(imageSource, imageOptions);
  if (!image) return Error{"image tower: " + image.error().message};
  auto text = importCheckpoint(textSource, textOptions);
  if (!text) return Error{"text tower: " + text.error().message};
  if (text->report.format == SourceFormat::TorchvisionVit)
    return Error::at(textSource, "a torchvision ViT has no text tower; --text-from needs a CLIP, SigLIP or OpenCLIP checkpoint");
  // A torchvision ViT was never trained against text: the logit scale (and SigLIP's bias) come
  // from the text side then.
  const bool scoresFromText = image->report.format == SourceFormat::TorchvisionVit;

  ImportedModel out;
  ImportReport& report = out.report;
  report.source = imageSource;
  report.format = image->report.format;
  report.textSource = textSource;
  report.textFormat = text->report.format;
  // Each side's decisions about its own tower only (each import also decided about the tower
  // that is dropped here).
  for (const auto& d : image->report.decisions)
    if (!startsWith(d, "text ")) report.decisions.push_back("image: " + d);
  for (const auto& d : text->report.decisions)
    if (!startsWith(d, "image ")) report.decisions.push_back("text: " + d);
  report.config = joinConfigs(image->report.config, text->report.config, scoresFromText, report.decisions);
  report.tokenizer = text->report.tokenizer;
  report.sourceParameters = image->report.sourceParameters + text->report.sourceParameters;
  out.tokenizerFile = text->tokenizerFile;
  out.model = ClipModel(report.config);

  // Each tensor of the joined model comes from the side that owns it, when that side loaded it
  // (was not itself new there) and the shapes agree; anything else is new.
  const auto imageMapped = mappedByTarget(image->report), textMapped = mappedByTarget(text->report);
  std::map<std::string, torch::Tensor> imageValues, textValues;
  for (const auto& item : image->model->named_parameters()) imageValues[item.key()] = item.value();
  for (const auto& item : image->model->named_buffers()) imageValues[item.key()] = item.value();
  for (const auto& item : text->model->named_parameters()) textValues[item.key()] = item.value();
  for (const auto& item : text->model->named_buffers()) textValues[item.key()] = item.value();
  std::map<std::string, torch::Tensor> targets;
  for (const auto& item : out.model->named_parameters()) targets[item.key()] = item.value();
  for (const auto& item : out.model->named_buffers()) targets[item.key()] = item.value();
  torch::NoGradGuard noGrad;
  std::set<std::string> used;  // "image source: NAME" / "text source: NAME"
  for (auto& [name, target] : targets) {
    const bool fromText = startsWith(name, "text.") || (!startsWith(name, "image.") && scoresFromText);
    const auto& mapped = fromText ? textMapped : imageMapped;
    const auto& values = fromText ? textValues : imageValues;
    const auto entry = mapped.find(name);
    const auto value = values.find(name);
    if (entry != mapped.end() && value != values.end() && value->second.sizes() == target.sizes()) {
      target.copy_(value->second);
      report.mapped.push_back(*entry->second);
      for (const auto& source : entry->second->sources) used.insert((fromText ? "text source: " : "image source: ") + source);
      if (!entry->second->sources.empty()) report.loadedParameters += target.numel();
      continue;
    }
    // A projection bias that only the other side has starts at zero: the side without one
    // computes exactly what it computed.
    if (name == "image.proj.bias" || name == "text.proj.bias") target.zero_();
    report.freshTargets.push_back(name);
  }
  // Every source tensor that fed a tensor now dropped (the image source's text tower and the
  // reverse) is unused, as are the ones each import left unused.
  auto listUnused = [&](const ImportReport& side, const std::string& tag) {
    for (const auto& name : side.unusedSources) report.unusedSources.push_back(tag + name);
    for (const auto& m : side.mapped)
      for (const auto& source : m.sources)
        if (!used.count(tag + source)) {
          report.unusedSources.push_back(tag + source);
          used.insert(tag + source);
        }
  };
  listUnused(image->report, "image source: ");
  listUnused(text->report, "text source: ");
  return out;
}

}  // namespace vimoe::model::import
