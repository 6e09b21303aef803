#include "vimoe/model/tensor_io.h"

#include <cstring>
#include <map>

namespace vimoe::model {
namespace {

const std::map<torch::ScalarType, std::string>& dtypeNames() {
  static const std::map<torch::ScalarType, std::string> names = {
      {torch::kFloat32, "F32"}, {torch::kFloat64, "F64"}, {torch::kFloat16, "F16"}, {torch::kBFloat16, "BF16"},
      {torch::kInt64, "I64"},   {torch::kInt32, "I32"},   {torch::kInt16, "I16"},   {torch::kInt8, "I8"},
      {torch::kUInt8, "U8"},    {torch::kBool, "BOOL"}};
  return names;
}

std::string shapeText(c10::IntArrayRef shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

}  // namespace

TensorBlob tensorToBlob(const torch::Tensor& tensor) {
  const auto cpu = tensor.detach().to(torch::kCPU).contiguous();
  TensorBlob blob;
  blob.dtype = dtypeNames().at(cpu.scalar_type());
  blob.shape.assign(cpu.sizes().begin(), cpu.sizes().end());
  blob.bytes.assign(static_cast<const char*>(cpu.data_ptr()), cpu.numel() * cpu.element_size());
  return blob;
}

Expected<torch::Tensor> blobToTensor(const TensorBlob& blob, const std::string& name) {
  for (const auto& [type, text] : dtypeNames()) {
    if (text != blob.dtype) continue;
    auto tensor = torch::empty(blob.shape, torch::TensorOptions().dtype(type));
    if (static_cast<std::size_t>(tensor.numel() * tensor.element_size()) != blob.bytes.size())
      return Error{"tensor '" + name + "': byte length does not match its shape"};
    std::memcpy(tensor.data_ptr(), blob.bytes.data(), blob.bytes.size());
    return tensor;
  }
  return Error{"tensor '" + name + "': dtype " + blob.dtype + " is not supported"};
}

SafetensorsFile moduleToSafetensors(torch::nn::Module& module) {
  SafetensorsFile file;
  for (const auto& item : module.named_parameters()) file.tensors[item.key()] = tensorToBlob(item.value());
  for (const auto& item : module.named_buffers()) file.tensors[item.key()] = tensorToBlob(item.value());
  return file;
}

Status loadModuleFromSafetensors(torch::nn::Module& module, const SafetensorsFile& file, const std::string& source) {
  std::map<std::string, torch::Tensor> targets;
  for (const auto& item : module.named_parameters()) targets[item.key()] = item.value();
  for (const auto& item : module.named_buffers()) targets[item.key()] = item.value();

  // Check everything first so that a bad file leaves the module untouched.
  std::map<std::string, torch::Tensor> loaded;
  for (const auto& [name, target] : targets) {
    auto it = file.tensors.find(name);
    if (it == file.tensors.end()) return Error::at(source, "missing tensor '" + name + "'");
    auto tensor = blobToTensor(it->second, name);
    if (!tensor) return Error::at(source, tensor.error().message);
    if (tensor->sizes() != target.sizes())
      return Error::at(source, "tensor '" + name + "' has shape " + shapeText(tensor->sizes()) + ", the model expects " +
                                   shapeText(target.sizes()) + " (is the checkpoint from a different config?)");
    loaded[name] = *tensor;
  }
  for (const auto& [name, blob] : file.tensors)
    if (!targets.count(name)) return Error::at(source, "unexpected tensor '" + name + "' (not in this model)");

  torch::NoGradGuard noGrad;
  for (auto& [name, target] : targets) target.copy_(loaded[name].to(target.scalar_type()));
  return okStatus();
}

}  // namespace vimoe::model
