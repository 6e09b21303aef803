#include "adversarial_batch.h"

#include "vimoe/robust/attacks.h"

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

}  // namespace vimoe::train
