#include "adversarial_batch.h"

#include "vimoe/robust/attacks.h"
#include "vimoe/train/training_loop.h"

namespace vimoe::train {

bool adversarialTraining(const config::AdversarialConfig& adversarial) {
  return adversarial.steps > 0 && adversarial.eps > 0;
}

torch::Tensor adversarialPixels(torch::nn::Module& model, const config::AdversarialConfig& adversarial,
                                const torch::Tensor& pixels, const std::function<torch::Tensor(const torch::Tensor&)>& loss,
                                std::uint64_t seed) {
  if (!adversarialTraining(adversarial)) return pixels;
  robust::PgdOptions o = robust::madryPgd(adversarial.eps, adversarial.steps);
  if (adversarial.step_size > 0) o.stepSize = adversarial.step_size;
  o.randomStart = adversarial.random_start;
  o.seed = seed;
  const bool wasTraining = model.is_training();
  model.eval();
  auto adv = robust::pgdMaximise(loss, pixels, o);
  if (wasTraining) model.train();
  return adv;
}

namespace {

class AdversarialHook : public StepHook {
 public:
  explicit AdversarialHook(const config::ExperimentConfig& cfg) : m_cfg(cfg) {}
  torch::Tensor beforeForward(TrainingTask& task, const TaskBatch& batch, torch::Tensor pixels, std::int64_t index) override {
    auto loss = [&](const torch::Tensor& px) { return task.forward(batch, px, /*frozenAware=*/false).taskLoss; };
    return adversarialPixels(task.module(), m_cfg.adversarial, pixels, loss,
                             m_cfg.run.seed * 1000003u + static_cast<std::uint64_t>(index));
  }

 private:
  const config::ExperimentConfig& m_cfg;
};

}  // namespace

std::unique_ptr<StepHook> adversarialHook(const config::ExperimentConfig& cfg) {
  if (!adversarialTraining(cfg.adversarial)) return nullptr;
  return std::make_unique<AdversarialHook>(cfg);
}

}  // namespace vimoe::train
