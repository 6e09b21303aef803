// The only translation unit that sees sentencepiece. It is built as a shared library and
// loaded with dlmopen(LM_ID_NEWLM) by vimoe_text, so nothing here may throw across the C
// boundary or abort: every entry point catches everything and reports through `error` or -1.
#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "vimoe/spm_bridge/spm_bridge_api.h"

namespace {

using sentencepiece::SentencePieceProcessor;

void writeError(char* error, int errorSize, const std::string& message) {
  if (error == nullptr || errorSize <= 0) return;
  std::snprintf(error, static_cast<std::size_t>(errorSize), "%s", message.c_str());
}

// Copies `text` into `out` (always NUL-terminated) and returns the full length, so the caller
// can retry with a larger buffer.
int copyOut(const std::string& text, char* out, int outSize) {
  if (out != nullptr && outSize > 0) {
    const std::size_t n = std::min(text.size(), static_cast<std::size_t>(outSize - 1));
    std::memcpy(out, text.data(), n);
    out[n] = '\0';
  }
  return static_cast<int>(text.size());
}

const SentencePieceProcessor* asProcessor(void* processor) {
  return static_cast<const SentencePieceProcessor*>(processor);
}

bool validId(const SentencePieceProcessor* sp, int id) {
  return id >= 0 && id < sp->GetPieceSize();
}

// Splits "--key=value --key2=value 2" into a map. sentencepiece's own string parser splits at
// every space, which breaks on paths with spaces; here a flag starts only at whitespace
// followed by "--", so values may contain spaces (but not " --").
bool parseTrainerFlags(const std::string& arguments, std::unordered_map<std::string, std::string>& flags,
                       std::string& problem) {
  std::vector<std::string> tokens;
  std::size_t start = std::string::npos;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const bool flagStart = arguments.compare(i, 2, "--") == 0 &&
                           (i == 0 || arguments[i - 1] == ' ' || arguments[i - 1] == '\t' || arguments[i - 1] == '\n');
    if (!flagStart) continue;
    if (start != std::string::npos) tokens.push_back(arguments.substr(start, i - start));
    start = i + 2;
  }
  if (start == std::string::npos) {
    problem = "no --flags in trainer arguments";
    return false;
  }
  tokens.push_back(arguments.substr(start));
  for (std::string token : tokens) {
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n')) token.pop_back();
    const std::size_t eq = token.find('=');
    if (eq == std::string::npos || eq == 0) {
      problem = "trainer flag without a value: --" + token;
      return false;
    }
    flags[token.substr(0, eq)] = token.substr(eq + 1);
  }
  return true;
}

// The trainer keeps global state (flags, log level); one training at a time.
std::mutex& trainMutex() {
  static std::mutex mutex;
  return mutex;
}

}  // namespace

extern "C" {

int vimoe_spm_train(const char* arguments, char* error, int error_size) {
  try {
    if (arguments == nullptr) {
      writeError(error, error_size, "no trainer arguments");
      return -1;
    }
    std::unordered_map<std::string, std::string> flags;
    std::string problem;
    if (!parseTrainerFlags(arguments, flags, problem)) {
      writeError(error, error_size, problem);
      return -1;
    }
    std::lock_guard<std::mutex> lock(trainMutex());
    const auto status = sentencepiece::SentencePieceTrainer::Train(flags);
    if (!status.ok()) {
      writeError(error, error_size, "sentencepiece training failed: " + status.ToString());
      return -1;
    }
    return 0;
  } catch (const std::exception& e) {
    writeError(error, error_size, std::string("sentencepiece training threw: ") + e.what());
  } catch (...) {
    writeError(error, error_size, "sentencepiece training threw an unknown exception");
  }
  return -1;
}

void* vimoe_spm_load(const char* model_path, char* error, int error_size) {
  try {
    if (model_path == nullptr) {
      writeError(error, error_size, "no model path");
      return nullptr;
    }
    auto processor = std::make_unique<SentencePieceProcessor>();
    const auto status = processor->Load(model_path);
    if (!status.ok()) {
      writeError(error, error_size,
                 std::string(model_path) + ": cannot load sentencepiece model: " + status.ToString());
      return nullptr;
    }
    return processor.release();
  } catch (const std::exception& e) {
    writeError(error, error_size, std::string(model_path) + ": loading threw: " + e.what());
  } catch (...) {
    writeError(error, error_size, "loading a sentencepiece model threw an unknown exception");
  }
  return nullptr;
}

void vimoe_spm_free(void* processor) {
  try {
    delete static_cast<SentencePieceProcessor*>(processor);
  } catch (...) {
  }
}

int vimoe_spm_encode(void* processor, const char* text, int* ids, int max_ids) {
  try {
    if (processor == nullptr || text == nullptr) return -1;
    std::vector<int> encoded;
    if (!asProcessor(processor)->Encode(text, &encoded).ok()) return -1;
    if (ids != nullptr && max_ids > 0) {
      std::copy_n(encoded.begin(), std::min<std::size_t>(encoded.size(), static_cast<std::size_t>(max_ids)), ids);
    }
    return static_cast<int>(encoded.size());
  } catch (...) {
    return -1;
  }
}

int vimoe_spm_decode(void* processor, const int* ids, int n_ids, char* out, int out_size) {
  try {
    if (processor == nullptr || n_ids < 0 || (ids == nullptr && n_ids > 0)) return -1;
    const auto* sp = asProcessor(processor);
    // Out-of-range ids are dropped rather than passed on: older sentencepiece releases index
    // the piece table without a bounds check.
    std::vector<int> valid;
    valid.reserve(static_cast<std::size_t>(n_ids));
    for (int i = 0; i < n_ids; ++i) {
      if (validId(sp, ids[i])) valid.push_back(ids[i]);
    }
    std::string text;
    if (!sp->Decode(valid, &text).ok()) return -1;
    return copyOut(text, out, out_size);
  } catch (...) {
    return -1;
  }
}

int vimoe_spm_piece(void* processor, int id, char* out, int out_size) {
  try {
    if (processor == nullptr) return -1;
    const auto* sp = asProcessor(processor);
    if (!validId(sp, id)) return -1;
    return copyOut(sp->IdToPiece(id), out, out_size);
  } catch (...) {
    return -1;
  }
}

int vimoe_spm_vocab_size(void* processor) {
  try {
    return processor == nullptr ? -1 : asProcessor(processor)->GetPieceSize();
  } catch (...) {
    return -1;
  }
}

int vimoe_spm_is_unknown(void* processor, int id) {
  try {
    if (processor == nullptr) return -1;
    const auto* sp = asProcessor(processor);
    if (!validId(sp, id)) return -1;
    return sp->IsUnknown(id) ? 1 : 0;
  } catch (...) {
    return -1;
  }
}

}  // extern "C"
