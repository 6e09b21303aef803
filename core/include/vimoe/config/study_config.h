// A study: one base experiment config and named variants, each a list of `key=value`
// overrides applied to the base (the same syntax as the CLI's --set).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vimoe::config {

struct StudyVariant {
  std::string name;                    // unique within the study, e.g. "dense", "moe-e4-k1"
  std::vector<std::string> overrides;  // "moe.enabled=true"
  // An import step instead of a training run: a pretrained checkpoint in a published layout
  // becomes a checkpoint later variants start from ("model.init_from=@name"). A path (relative
  // to the project folder), or "@variant": an earlier variant's model written in the layout
  // `via` names (open-clip, what `vimoe export` writes) and read back, as a checkpoint someone
  // published would be.
  std::string import_from;
  std::string import_format;  // "" = detect: hf-clip | hf-siglip | open-clip | torchvision-vit
  std::string via;            // with "@variant": the layout it is published in
  bool isImport() const { return !import_from.empty(); }
};

// Optional robustness sweep: after training, every variant's checkpoint is attacked at each eps
// (the same code as `vimoe attack`) and the study prints a robustness table.
struct StudyAttack {
  std::string attack;            // "" = none; fgsm | pgd | apgd
  std::vector<std::string> eps;  // "2/255" or a number in [0, 1]
  std::string target = "auto";   // auto | retrieval | zero_shot | vqa | caption
  int samples = 128;             // evaluation images (questions) attacked
  int steps = 0;                 // 0 = the attack's default (PGD: the paper's 40)
  bool aux_loss = false;         // maximise task loss + router auxiliary loss
};

// An attack radius on [0, 1] pixels: "2/255" or a plain number; nullopt unless in [0, 1].
std::optional<double> parseEpsilon(const std::string& text);

struct StudyConfig {
  std::string name;
  std::string base;                        // experiment config file, relative to the study file
  std::vector<StudyVariant> variants;      // at least one
  std::vector<std::string> smoke_overrides;  // applied to every variant with --smoke
  StudyAttack attack;
  // Every variant runs once per seed (run.seed), and the table gives mean ± std over them;
  // empty: once, with the base's run.seed. A smoke run takes the first seed only.
  std::vector<std::uint64_t> seeds;
};

}  // namespace vimoe::config
