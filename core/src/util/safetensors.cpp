#include "vimoe/util/safetensors.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <tuple>
#include <nlohmann/json.hpp>

#include "vimoe/util/atomic_file.h"
#include "vimoe/util/json_read.h"

namespace vimoe {

using nlohmann::json;

std::int64_t TensorBlob::elementCount() const {
  // A zero-sized dimension first: the other dimensions of an empty tensor may be huge.
  if (std::find(shape.begin(), shape.end(), 0) != shape.end()) return 0;
  std::int64_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

int safetensorsDtypeSize(const std::string& dtype) {
  static const std::map<std::string, int> sizes = {
      {"F64", 8}, {"F32", 4}, {"F16", 2}, {"BF16", 2}, {"I64", 8}, {"I32", 4},
      {"I16", 2}, {"I8", 1},  {"U8", 1},  {"BOOL", 1}, {"U16", 2}, {"U32", 4}, {"U64", 8}};
  auto it = sizes.find(dtype);
  return it == sizes.end() ? 0 : it->second;
}

std::string encodeSafetensors(const SafetensorsFile& file) {
  json header = json::object();
  std::uint64_t offset = 0;
  for (const auto& [name, blob] : file.tensors) {
    header[name] = {{"dtype", blob.dtype},
                    {"shape", blob.shape},
                    {"data_offsets", {offset, offset + blob.bytes.size()}}};
    offset += blob.bytes.size();
  }
  if (!file.metadata.empty()) header["__metadata__"] = file.metadata;
  std::string headerText = header.dump();
  // The format asks for the data to start 8-byte aligned; pad the header with spaces.
  while ((8 + headerText.size()) % 8 != 0) headerText.push_back(' ');

  std::string out;
  out.reserve(8 + headerText.size() + offset);
  std::uint64_t n = headerText.size();
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
  out += headerText;
  for (const auto& [name, blob] : file.tensors) out += blob.bytes;
  return out;
}

namespace {

// Bytes a tensor of this shape needs, or nullopt when the count overflows 64 bits (a corrupt
// header could otherwise wrap around to a small size that matches its offsets).
std::optional<std::uint64_t> byteLength(const std::vector<std::int64_t>& shape, int elementSize) {
  std::uint64_t bytes = std::uint64_t(elementSize);
  bool overflow = false;
  for (auto d : shape) {
    if (d == 0) return 0;
    overflow = overflow || __builtin_mul_overflow(bytes, std::uint64_t(d), &bytes);
  }
  if (overflow) return std::nullopt;
  return bytes;
}

}  // namespace

Expected<SafetensorsFile> decodeSafetensors(const std::string& bytes, const std::string& source) {
  if (bytes.size() < 8) return Error::at(source, "not a safetensors file: shorter than its 8-byte header length");
  std::uint64_t headerSize = 0;
  for (int i = 0; i < 8; ++i) headerSize |= std::uint64_t(static_cast<unsigned char>(bytes[i])) << (8 * i);
  if (headerSize > bytes.size() - 8)
    return Error::at(source, "truncated or corrupt: header claims " + std::to_string(headerSize) +
                                 " bytes but the file has " + std::to_string(bytes.size() - 8) + " after the length");
  // Positions count from the start of the JSON header, after the 8 length bytes.
  auto parsed = parseJson("header", bytes.substr(8, headerSize));
  if (!parsed) return Error::at(source, "corrupt: header is not a JSON object; " + parsed.error().message);
  const json header = std::move(*parsed);
  if (!header.is_object()) return Error::at(source, "corrupt: header is not a JSON object");

  const std::size_t dataStart = 8 + headerSize;
  const std::size_t dataSize = bytes.size() - dataStart;
  SafetensorsFile file;
  std::vector<std::tuple<std::uint64_t, std::uint64_t, std::string>> ranges;
  for (auto it = header.begin(); it != header.end(); ++it) {
    const std::string& name = it.key();
    if (name == "__metadata__") {
      if (!it->is_object()) return Error::at(source, "__metadata__ must be an object of strings");
      for (auto m = it->begin(); m != it->end(); ++m) {
        if (!m->is_string()) return Error::at(source, "__metadata__." + m.key() + " must be a string");
        file.metadata[m.key()] = m->get<std::string>();
      }
      continue;
    }
    const std::string where = source + ": tensor '" + name + "'";
    const json& t = *it;
    if (!t.is_object() || !t.contains("dtype") || !t.contains("shape") || !t.contains("data_offsets"))
      return Error{where + ": needs dtype, shape and data_offsets"};
    if (!t["dtype"].is_string()) return Error{where + ": dtype must be a string"};
    TensorBlob blob;
    blob.dtype = t["dtype"].get<std::string>();
    const int elementSize = safetensorsDtypeSize(blob.dtype);
    if (elementSize == 0) return Error{where + ": unknown dtype '" + blob.dtype + "'"};
    if (!t["shape"].is_array()) return Error{where + ": shape must be a list"};
    for (const auto& d : t["shape"]) {
      if (!d.is_number_integer() || d.get<std::int64_t>() < 0) return Error{where + ": shape has a negative or non-integer size"};
      blob.shape.push_back(d.get<std::int64_t>());
    }
    const json& offs = t["data_offsets"];
    if (!offs.is_array() || offs.size() != 2 || !offs[0].is_number_unsigned() || !offs[1].is_number_unsigned())
      return Error{where + ": data_offsets must be two non-negative integers"};
    const auto begin = offs[0].get<std::uint64_t>();
    const auto end = offs[1].get<std::uint64_t>();
    if (begin > end || end > dataSize)
      return Error{where + ": data_offsets [" + std::to_string(begin) + ", " + std::to_string(end) +
                   ") run past the end of the data (" + std::to_string(dataSize) + " bytes): the file is truncated"};
    const auto expectedBytes = byteLength(blob.shape, elementSize);
    if (!expectedBytes || end - begin != *expectedBytes)
      return Error{where + ": byte length " + std::to_string(end - begin) + " does not match its shape and dtype"};
    blob.bytes.assign(bytes, dataStart + begin, end - begin);
    ranges.emplace_back(begin, end, name);
    file.tensors.emplace(name, std::move(blob));
  }
  std::sort(ranges.begin(), ranges.end());
  for (std::size_t i = 1; i < ranges.size(); ++i)
    if (std::get<0>(ranges[i]) < std::get<1>(ranges[i - 1]))
      return Error::at(source, "corrupt: tensors '" + std::get<2>(ranges[i - 1]) + "' and '" + std::get<2>(ranges[i]) +
                                   "' overlap in the data section");
  return file;
}

Status saveSafetensors(const std::string& path, const SafetensorsFile& file) {
  return writeFileAtomically(path, encodeSafetensors(file));
}

Expected<SafetensorsFile> loadSafetensors(const std::string& path) {
  auto bytes = readWholeFile(path);
  if (!bytes) return bytes.error();
  return decodeSafetensors(*bytes, path);
}

}  // namespace vimoe
