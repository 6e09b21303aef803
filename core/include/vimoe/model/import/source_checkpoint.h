// Reading a pretrained checkpoint as published: its tensors (one safetensors file, or the
// shards a model.safetensors.index.json lists) and the side files that say what the tensors
// cannot (Hugging Face's config.json, OpenCLIP's open_clip_config.json, a SentencePiece model).
// Pickled PyTorch files (.bin, .pt, .pth, .ckpt) are refused with the command that converts
// them: unpickling runs code, and nothing here ever does.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>

#include "vimoe/util/expected.h"
#include "vimoe/util/safetensors.h"

namespace vimoe::model::import {

struct SourceCheckpoint {
  std::string path;                               // the file or folder the user named
  std::map<std::string, TensorBlob> tensors;      // every tensor of every shard
  std::map<std::string, std::string> tensorFile;  // tensor -> the file it came from (messages)
  nlohmann::json hfConfig;                        // config.json, or null
  nlohmann::json openClipConfig;                  // open_clip_config.json, or null
  std::string sentencePieceModel;                 // spiece.model / sentencepiece.bpe.model, or ""
  std::string bpeVocabulary;                      // vocab.json with merges.txt beside it (CLIP's BPE), or ""
};

Expected<SourceCheckpoint> readSourceCheckpoint(const std::string& path);

// The message for a pickled checkpoint: what it is, why it is refused, how to convert it.
std::string pickleRefusal(const std::string& file);

}  // namespace vimoe::model::import
