// SentencePiece tokenizer (unigram or BPE), trained per project with the library's own
// trainer. sentencepiece is reached through a small bridge library loaded with dlmopen into a
// separate link namespace, because Debian's sentencepiece and LibTorch ship two protobuf
// versions that crash in one namespace (REFERENCES.md section 8). Only C types cross.
//
// Ids: 0 = <pad>, 1 = <unk>, 2 = <s>, 3 = </s>. Text is NFC-normalised before encoding.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe::text {

struct TokenizerTrainOptions {
  std::string modelType = "unigram";  // unigram | bpe
  int vocabSize = 512;
  double characterCoverage = 1.0;     // Vietnamese needs every diacritic kept
};

struct TokenizerCoverage {
  double unknownRate = 0;       // <unk> pieces / all pieces
  double piecesPerSyllable = 0; // pieces / space-separated syllables
};

class Tokenizer {
 public:
  static constexpr int kPadId = 0, kUnkId = 1, kBosId = 2, kEosId = 3;

  // Trains on `sentences` and writes `<modelPrefix>.model` and `<modelPrefix>.vocab`.
  static Status train(const std::vector<std::string>& sentences, const std::string& modelPrefix,
                      const TokenizerTrainOptions& options);
  static Expected<Tokenizer> load(const std::string& modelPath);

  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

  std::vector<int> encode(const std::string& text) const;
  std::string decode(const std::vector<int>& ids) const;
  std::vector<std::string> pieces(const std::string& text) const;
  int vocabSize() const;
  TokenizerCoverage coverage(const std::vector<std::string>& sentences) const;

  // Fixed-length ids for a batch: <s> pieces </s>, truncated (keeping </s>) and padded with 0.
  std::vector<int> encodePadded(const std::string& text, int length) const;

 private:
  Tokenizer() = default;
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Where the bridge library is looked up: $VIMOE_SPM_BRIDGE, next to the running executable,
// ../lib relative to it, the build tree, the install prefix. Exposed for error messages.
std::vector<std::string> spmBridgeSearchPaths();

}  // namespace vimoe::text
