// safetensors I/O without LibTorch: 8-byte little-endian header length, a JSON header
// {name: {dtype, shape, data_offsets}, "__metadata__": {...}}, then the raw little-endian
// tensor bytes. Files load in Python with `safetensors.torch.load_file`; loading never runs
// code. Reading validates every offset, so truncated or corrupt files are rejected with a
// message naming the file and the tensor.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe {

struct TensorBlob {
  std::string dtype;               // "F32", "F16", "BF16", "I64", "I32", "U8", "BOOL", ...
  std::vector<std::int64_t> shape;
  std::string bytes;               // raw little-endian data, row-major

  std::int64_t elementCount() const;
};

struct SafetensorsFile {
  std::map<std::string, TensorBlob> tensors;
  std::map<std::string, std::string> metadata;
};

// Bytes per element of a safetensors dtype, or 0 when the dtype is unknown.
int safetensorsDtypeSize(const std::string& dtype);

std::string encodeSafetensors(const SafetensorsFile& file);
Expected<SafetensorsFile> decodeSafetensors(const std::string& bytes, const std::string& sourceName);

Status saveSafetensors(const std::string& path, const SafetensorsFile& file);  // atomic
Expected<SafetensorsFile> loadSafetensors(const std::string& path);

}  // namespace vimoe
