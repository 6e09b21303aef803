#include "vimoe/train/adamw.h"

#include <cmath>
#include <cstdlib>

#include "vimoe/model/tensor_io.h"

namespace vimoe::train {

std::vector<AdamW::Param> adamwParams(torch::nn::Module& module) {
  std::vector<AdamW::Param> params;
  for (const auto& item : module.named_parameters()) {
    const auto& name = item.key();
    // Weight decay on weight matrices (and stacked expert weights) only, as in CLIP/ViT.
    const bool decay = item.value().dim() >= 2 && name.find("positions") == std::string::npos &&
                       name.find("class_token") == std::string::npos;
    params.push_back({name, item.value(), decay});
  }
  return params;
}

AdamW::AdamW(std::vector<Param> params, const config::OptimConfig& options)
    : m_params(std::move(params)), m_options(options) {
  for (const auto& p : m_params) {
    m_expAvg.push_back(torch::zeros_like(p.tensor));
    m_expAvgSq.push_back(torch::zeros_like(p.tensor));
  }
}

void AdamW::zeroGrad() {
  for (auto& p : m_params)
    if (p.tensor.grad().defined()) p.tensor.mutable_grad().zero_();
}

double AdamW::clipGradNorm(double maxNorm) {
  torch::NoGradGuard noGrad;
  double sumSq = 0;
  for (auto& p : m_params)
    if (p.tensor.grad().defined()) sumSq += p.tensor.grad().pow(2).sum().item<double>();
  const double norm = std::sqrt(sumSq);
  if (maxNorm > 0 && norm > maxNorm && std::isfinite(norm)) {
    const double scale = maxNorm / (norm + 1e-6);
    for (auto& p : m_params)
      if (p.tensor.grad().defined()) p.tensor.mutable_grad().mul_(scale);
  }
  return norm;
}

void AdamW::step(double lr) {
  torch::NoGradGuard noGrad;
  ++m_steps;
  const double b1 = m_options.beta1, b2 = m_options.beta2;
  const double correction1 = 1.0 - std::pow(b1, double(m_steps));
  const double correction2 = 1.0 - std::pow(b2, double(m_steps));
  const double stepSize = lr / correction1;
  for (std::size_t i = 0; i < m_params.size(); ++i) {
    auto& p = m_params[i];
    if (!p.tensor.grad().defined()) continue;
    const auto& grad = p.tensor.grad();
    if (p.decay && m_options.weight_decay > 0) p.tensor.mul_(1.0 - lr * m_options.weight_decay);
    m_expAvg[i].mul_(b1).add_(grad, 1.0 - b1);
    m_expAvgSq[i].mul_(b2).addcmul_(grad, grad, 1.0 - b2);
    const auto denom = (m_expAvgSq[i] / correction2).sqrt_().add_(m_options.eps);
    p.tensor.addcdiv_(m_expAvg[i], denom, -stepSize);
  }
}

SafetensorsFile AdamW::state() const {
  SafetensorsFile file;
  for (std::size_t i = 0; i < m_params.size(); ++i) {
    file.tensors["exp_avg." + m_params[i].name] = model::tensorToBlob(m_expAvg[i]);
    file.tensors["exp_avg_sq." + m_params[i].name] = model::tensorToBlob(m_expAvgSq[i]);
  }
  file.metadata["steps"] = std::to_string(m_steps);
  return file;
}

Status AdamW::loadState(const SafetensorsFile& file, const std::string& source) {
  std::vector<torch::Tensor> avg, avgSq;
  for (const auto& p : m_params) {
    for (const char* prefix : {"exp_avg.", "exp_avg_sq."}) {
      const std::string key = prefix + p.name;
      auto it = file.tensors.find(key);
      if (it == file.tensors.end()) return Error::at(source, "missing optimiser tensor '" + key + "'");
      auto t = model::blobToTensor(it->second, key);
      if (!t) return Error::at(source, t.error().message);
      if (t->sizes() != p.tensor.sizes()) return Error::at(source, "optimiser tensor '" + key + "' has the wrong shape");
      (std::string(prefix) == "exp_avg." ? avg : avgSq).push_back(t->to(p.tensor.device()));
    }
  }
  auto steps = file.metadata.find("steps");
  if (steps == file.metadata.end()) return Error::at(source, "missing metadata 'steps'");
  char* end = nullptr;
  const long long parsed = std::strtoll(steps->second.c_str(), &end, 10);
  if (end == steps->second.c_str() || *end != '\0' || parsed < 0)
    return Error::at(source, "metadata 'steps' is not a non-negative integer: '" + steps->second + "'");
  m_expAvg = std::move(avg);
  m_expAvgSq = std::move(avgSq);
  m_steps = parsed;
  return okStatus();
}

}  // namespace vimoe::train
