// SentencePiece tokenizer (unigram or BPE), trained per project with the library's own
// trainer. sentencepiece is reached through a small bridge library loaded with dlmopen into a
// separate link namespace, because Debian's sentencepiece and LibTorch ship two protobuf
// versions that crash in one namespace (REFERENCES.md section 8). Only C types cross.
//
// Ids: 0 = <pad>, 1 = <unk>, 2 = <s>, 3 = </s>. Text is NFC-normalised before encoding.
//
// An imported text tower brings its own tokenizer and conventions (data.text_format): CLIP's
// byte-level BPE (vocab.json + merges.txt, byte_level_bpe.h) with <|startoftext|> ... 
// <|endoftext|> padded with 0, or SigLIP's SentencePiece model with SiglipTokenizer's text
// canonicalisation (lowercase, ASCII punctuation removed), no BOS, </s> appended and padding
// with </s> to the full length. encodePadded follows the format; the static ids above are those
// of "vimoe", the only format the caption and VQA decoders use.
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

enum class TextFormat { Vimoe, Clip, Siglip };
Expected<TextFormat> textFormatFromName(const std::string& name);  // vimoe | clip | siglip
std::string textFormatName(TextFormat format);

class Tokenizer {
 public:
  static constexpr int kPadId = 0, kUnkId = 1, kBosId = 2, kEosId = 3;

  // Trains on `sentences` and writes `<modelPrefix>.model` and `<modelPrefix>.vocab`.
  static Status train(const std::vector<std::string>& sentences, const std::string& modelPrefix,
                      const TokenizerTrainOptions& options);
  // A SentencePiece .model, or a CLIP vocab.json with merges.txt beside it (format clip).
  static Expected<Tokenizer> load(const std::string& modelPath, TextFormat format = TextFormat::Vimoe);

  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

  std::vector<int> encode(const std::string& text) const;
  std::string decode(const std::vector<int>& ids) const;
  std::vector<std::string> pieces(const std::string& text) const;
  int vocabSize() const;
  TokenizerCoverage coverage(const std::vector<std::string>& sentences) const;

  // Fixed-length ids for a batch in the tokenizer's format: [BOS] pieces EOS, truncated
  // (keeping EOS) and padded (vimoe: <s> .. </s> 0 0; clip: <|startoftext|> .. <|endoftext|> 0 0;
  // siglip: .. </s> </s> </s>).
  std::vector<int> encodePadded(const std::string& text, int length) const;
  TextFormat format() const;
  int eosId() const;

 private:
  Tokenizer() = default;
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Tokenizer::load with the format named as in data.text_format (an unknown name is an error).
Expected<Tokenizer> loadTokenizer(const std::string& path, const std::string& textFormat);

// Where the bridge library is looked up: $VIMOE_SPM_BRIDGE, next to the running executable,
// ../lib relative to it, the build tree, the install prefix. Exposed for error messages.
std::vector<std::string> spmBridgeSearchPaths();

}  // namespace vimoe::text
