#include "vimoe/model/import/source_checkpoint.h"

#include <filesystem>
#include <set>

#include "vimoe/util/atomic_file.h"
#include "vimoe/util/json_read.h"

namespace vimoe::model::import {
namespace fs = std::filesystem;
namespace {

bool isPickle(const fs::path& file) {
  static const std::set<std::string> kPickleExtensions = {".bin", ".pt", ".pth", ".ckpt", ".pkl"};
  return kPickleExtensions.count(file.extension().string()) > 0;
}

Status addShard(SourceCheckpoint& source, const fs::path& file) {
  auto shard = loadSafetensors(file.string());
  if (!shard) return shard.error();
  for (auto& [name, blob] : shard->tensors) {
    if (source.tensors.count(name))
      return Error::at(file.string(), "tensor '" + name + "' is also in " + source.tensorFile[name]);
    source.tensorFile[name] = file.string();
    source.tensors[name] = std::move(blob);
  }
  return okStatus();
}

Expected<nlohmann::json> readJsonIfPresent(const fs::path& file) {
  if (!fs::exists(file)) return nlohmann::json();
  auto text = readWholeFile(file.string());
  if (!text) return text.error();
  return parseJson(file.string(), *text);
}

// model.safetensors.index.json: {"weight_map": {tensor: shard file}}; every shard once.
Status addShardsFromIndex(SourceCheckpoint& source, const fs::path& index) {
  auto json = readJsonIfPresent(index);
  if (!json) return json.error();
  if (!json->is_object() || !json->contains("weight_map") || !(*json)["weight_map"].is_object())
    return Error::at(index.string(), "field 'weight_map' is missing or not an object");
  std::set<std::string> shards;
  for (const auto& [tensor, shard] : (*json)["weight_map"].items()) {
    if (!shard.is_string()) return Error::at(index.string(), "weight_map['" + tensor + "'] is not a file name");
    shards.insert(shard.get<std::string>());
  }
  for (const auto& shard : shards) {
    const fs::path file = index.parent_path() / shard;
    if (!fs::exists(file)) return Error::at(index.string(), "lists shard '" + shard + "', which is missing");
    if (auto added = addShard(source, file); !added) return added;
  }
  for (const auto& [tensor, shard] : (*json)["weight_map"].items())
    if (!source.tensors.count(tensor))
      return Error::at(index.string(), "tensor '" + tensor + "' is not in its shard " + shard.get<std::string>());
  return okStatus();
}

// The weights of a folder, in the order the publishers name them.
Status addFolderWeights(SourceCheckpoint& source, const fs::path& dir) {
  if (fs::exists(dir / "model.safetensors.index.json")) return addShardsFromIndex(source, dir / "model.safetensors.index.json");
  for (const char* name : {"model.safetensors", "open_clip_model.safetensors"})
    if (fs::exists(dir / name)) return addShard(source, dir / name);
  std::vector<fs::path> safetensors, pickles;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    if (entry.path().extension() == ".safetensors") safetensors.push_back(entry.path());
    if (isPickle(entry.path())) pickles.push_back(entry.path());
  }
  if (safetensors.size() == 1) return addShard(source, safetensors.front());
  if (safetensors.size() > 1)
    return Error::at(dir.string(), "holds " + std::to_string(safetensors.size()) +
                                       " .safetensors files and no model.safetensors.index.json; name the file to import");
  if (!pickles.empty()) return Error{pickleRefusal(pickles.front().string())};
  return Error::at(dir.string(), "no model.safetensors, model.safetensors.index.json or other .safetensors file");
}

}  // namespace

std::string pickleRefusal(const std::string& file) {
  return file +
         ": a pickled PyTorch checkpoint; vimoe never unpickles (that runs code from the file). Convert it "
         "where PyTorch is installed:\n  python3 -c \"import torch; from safetensors.torch import save_file; "
         "sd = torch.load('" +
         file +
         "', map_location='cpu', weights_only=True); save_file({k: v.contiguous() for k, v in sd.items()}, "
         "'model.safetensors')\"\nthen import model.safetensors (keep config.json beside it).";
}

Expected<SourceCheckpoint> readSourceCheckpoint(const std::string& path) {
  SourceCheckpoint source;
  source.path = path;
  const fs::path given(path);
  if (!fs::exists(given)) return Error::at(path, "no such file or folder");
  const fs::path dir = fs::is_directory(given) ? given : given.parent_path();
  if (fs::is_directory(given)) {
    if (auto added = addFolderWeights(source, given); !added) return added.error();
  } else if (isPickle(given)) {
    return Error{pickleRefusal(path)};
  } else if (given.filename() == "model.safetensors.index.json") {
    if (auto added = addShardsFromIndex(source, given); !added) return added.error();
  } else if (given.extension() == ".safetensors") {
    if (auto added = addShard(source, given); !added) return added.error();
  } else {
    return Error::at(path, "not a .safetensors file, a model.safetensors.index.json or a folder holding one");
  }
  auto hf = readJsonIfPresent(dir / "config.json");
  if (!hf) return hf.error();
  source.hfConfig = *hf;
  auto openClip = readJsonIfPresent(dir / "open_clip_config.json");
  if (!openClip) return openClip.error();
  source.openClipConfig = *openClip;
  for (const char* name : {"spiece.model", "sentencepiece.bpe.model", "tokenizer.model"})
    if (fs::exists(dir / name)) {
      source.sentencePieceModel = (dir / name).string();
      break;
    }
  if (fs::exists(dir / "vocab.json") && fs::exists(dir / "merges.txt")) source.bpeVocabulary = (dir / "vocab.json").string();
  return source;
}

}  // namespace vimoe::model::import
