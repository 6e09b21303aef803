// validate(): the per-field ranges from the description plus the rules that tie fields together.
#include <string>

#include "config/range_checker.h"
#include "vimoe/config/config_io.h"

namespace vimoe::config {
namespace {

void checkDivisible(const std::string& path, int value, const std::string& divisorPath, int divisor,
                    std::vector<ConfigIssue>& issues) {
  // A divisor out of its own range is reported by the range check; no second message here.
  if (divisor <= 0 || value % divisor == 0) return;
  issues.push_back({path, std::to_string(value) + " is not divisible by " + divisorPath + " (" + std::to_string(divisor) + ")"});
}

// An int that is fine on its own but must stay within a bound set by another field.
void checkAtMost(const std::string& path, int value, int lo, const std::string& boundPath, int bound,
                 std::vector<ConfigIssue>& issues) {
  if (value <= bound || bound < lo) return;  // an invalid bound is reported by its own range check
  issues.push_back({path, std::to_string(value) + " is out of range " + rangeText(lo, bound) + " (at most " + boundPath +
                              " = " + std::to_string(bound) + ")"});
}

void checkTowerHeads(const std::string& tower, const TowerConfig& config, std::vector<ConfigIssue>& issues) {
  checkDivisible("model." + tower + ".width", config.width, "model." + tower + ".heads", config.heads, issues);
}

// every_nth puts MoE in layers n-1, 2n-1, ...: a placement_n beyond a tower's depth silently
// leaves that tower dense, which is never what a study means. (last_n just covers every layer.)
void checkPlacement(const ExperimentConfig& config, std::vector<ConfigIssue>& issues) {
  const MoeConfig& moe = config.moe;
  if (!moe.enabled || moe.placement != "every_nth") return;
  // The shallowest tower that gets MoE layers sets the bound.
  std::string tower = "image";
  int depth = config.model.image.depth;
  if (moe.towers == "text" || (moe.towers != "image" && config.model.text.depth < depth)) {
    tower = "text";
    depth = config.model.text.depth;
  }
  checkAtMost("moe.placement_n", moe.placement_n, 1, "model." + tower + ".depth", depth, issues);
}

// A LIMoE shared tower runs model.image's blocks for text too; a different model.text would be
// silently ignored, so it must say the same.
void checkSharedTower(const ModelConfig& model, std::vector<ConfigIssue>& issues) {
  if (!model.shared_tower) return;
  auto same = [&](const char* field, double text, double image) {
    if (text != image)
      issues.push_back({std::string("model.text.") + field, "must equal model.image." + std::string(field) +
                                                                " when model.shared_tower is true"});
  };
  same("width", model.text.width, model.image.width);
  same("depth", model.text.depth, model.image.depth);
  same("heads", model.text.heads, model.image.heads);
  same("mlp_ratio", model.text.mlp_ratio, model.image.mlp_ratio);
}

// Loss terms that only exist for some routers: asking for them otherwise is a mistake.
void checkRouterLosses(const ExperimentConfig& config, std::vector<ConfigIssue>& issues) {
  const auto& moe = config.moe;
  if (config.loss.load_weight > 0 && moe.router != "noisy_top_k")
    issues.push_back({"loss.load_weight", "the load loss needs moe.router = \"noisy_top_k\" (it is " + moe.router + ")"});
  if (moe.bias_update_rate > 0 && moe.router == "expert_choice")
    issues.push_back({"moe.bias_update_rate", "aux-loss-free balancing applies to token-choice routers, not expert_choice"});
  if (config.loss.entropy_global_weight > 0 && moe.num_experts >= 1 && config.loss.entropy_global_min_experts > moe.num_experts)
    issues.push_back({"loss.entropy_global_min_experts", "must be at most moe.num_experts (" +
                                                             std::to_string(moe.num_experts) + ")"});
}

void checkCrossField(const ExperimentConfig& config, std::vector<ConfigIssue>& issues) {
  checkAtMost("moe.top_k", config.moe.top_k, 1, "moe.num_experts", config.moe.num_experts, issues);
  checkSharedTower(config.model, issues);
  checkRouterLosses(config, issues);
  checkPlacement(config, issues);
  checkTowerHeads("image", config.model.image, issues);
  checkTowerHeads("text", config.model.text, issues);
  checkDivisible("data.image_size", config.data.image_size, "model.patch_size", config.model.patch_size, issues);
  // LibTorch's CPU autocast knows bfloat16 only; with device auto the loop says so when it resolves to the CPU.
  if (config.run.precision == "fp16" && config.run.device == "cpu")
    issues.push_back({"run.precision", "fp16 needs CUDA (run.device is cpu); use bf16 on the CPU"});
  // The caption and VQA decoders write and stop at the project tokenizer's <s> / </s> ids.
  if (config.run.kind != "contrastive" && config.data.text_format != "vimoe")
    issues.push_back({"data.text_format", "a " + config.run.kind + " run needs the project's own tokenizer (vimoe), not " +
                                              config.data.text_format + "; an imported image tower works with either"});
  // The schedule needs at least one step after warmup to reach its peak learning rate.
  if (config.optim.warmup_steps >= config.run.steps) {
    issues.push_back({"optim.warmup_steps", std::to_string(config.optim.warmup_steps) + " must be less than run.steps (" +
                                                std::to_string(config.run.steps) + ")"});
  }
}

}  // namespace

std::vector<ConfigIssue> validate(const ExperimentConfig& config) {
  std::vector<ConfigIssue> issues;
  ExperimentConfig copy = config;  // the description takes mutable references
  RangeChecker checker("", issues);
  describe(copy, checker);
  checkCrossField(config, issues);
  return issues;
}

}  // namespace vimoe::config
