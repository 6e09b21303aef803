// Conversion between LibTorch tensors and safetensors blobs, and whole-module state dicts.
#pragma once

#include <torch/torch.h>

#include <string>

#include "vimoe/util/expected.h"
#include "vimoe/util/safetensors.h"

namespace vimoe::model {

TensorBlob tensorToBlob(const torch::Tensor& tensor);
Expected<torch::Tensor> blobToTensor(const TensorBlob& blob, const std::string& name);

// Parameters and buffers under their dotted names ("image.blocks.0.attn.qkv.weight").
SafetensorsFile moduleToSafetensors(torch::nn::Module& module);
// Copies every tensor into the module; a missing, extra or mis-shaped tensor is an error
// naming it, and then the module is left unchanged.
Status loadModuleFromSafetensors(torch::nn::Module& module, const SafetensorsFile& file, const std::string& source);

}  // namespace vimoe::model
