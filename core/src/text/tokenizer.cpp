// Tokenizer: a loaded sentencepiece model held on the bridge's side of the dlmopen boundary
// (only ids and UTF-8 bytes cross; buffers are sized here and retried when too small), or
// CLIP's byte-level BPE; and the sequence conventions of the text format.
#include "vimoe/text/tokenizer.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <stdexcept>

#include "text/spm_bridge_loader.h"
#include "vimoe/text/byte_level_bpe.h"
#include "vimoe/text/unicode.h"

namespace vimoe::text {
namespace fs = std::filesystem;

Expected<TextFormat> textFormatFromName(const std::string& name) {
  if (name == "vimoe") return TextFormat::Vimoe;
  if (name == "clip") return TextFormat::Clip;
  if (name == "siglip") return TextFormat::Siglip;
  return Error{"unknown text format \"" + name + "\" (vimoe | clip | siglip)"};
}

std::string textFormatName(TextFormat format) {
  switch (format) {
    case TextFormat::Clip: return "clip";
    case TextFormat::Siglip: return "siglip";
    case TextFormat::Vimoe: break;
  }
  return "vimoe";
}

namespace {

// SiglipTokenizer.canonicalize_text after its lowercasing: Python's string.punctuation removed,
// whitespace runs to one space, trimmed.
std::string siglipCanonicalText(const std::string& text) {
  std::string out;
  bool pendingSpace = false;
  for (const char c : toLowercase(text)) {
    if (std::ispunct(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80) continue;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += c;
  }
  return out;
}

}  // namespace

struct Tokenizer::Impl {
  TextFormat format = TextFormat::Vimoe;
  // The sequence ids of the format; -1: no BOS.
  int bos = kBosId, eos = kEosId, pad = kPadId;
  std::optional<ByteLevelBpe> bpe;  // set for format clip, else SentencePiece below
  const detail::SpmBridge* bridge = nullptr;
  void* processor = nullptr;
  std::string modelPath;

  std::string pieceOf(int id) const {
    return readString([&](char* out, int size) { return bridge->piece(processor, id, out, size); });
  }

  ~Impl() {
    if (processor != nullptr) bridge->free(processor);
  }

  // Ids of text that is already NFC.
  std::vector<int> encodeNfc(const std::string& nfc) const {
    std::vector<int> ids(nfc.size() + 4);
    int n = bridge->encode(processor, nfc.c_str(), ids.data(), static_cast<int>(ids.size()));
    if (n > static_cast<int>(ids.size())) {
      ids.resize(static_cast<std::size_t>(n));
      n = bridge->encode(processor, nfc.c_str(), ids.data(), n);
    }
    // The model loaded fine, so a failure here is a broken invariant, not bad input.
    if (n < 0) throw std::runtime_error(modelPath + ": sentencepiece failed to encode text");
    ids.resize(static_cast<std::size_t>(n));
    return ids;
  }

  // Calls a bridge function with the "returns the full length" convention until it fits.
  template <class Call>
  std::string readString(Call call) const {
    std::string out(256, '\0');
    int n = call(out.data(), static_cast<int>(out.size()));
    if (n >= static_cast<int>(out.size())) {
      out.assign(static_cast<std::size_t>(n) + 1, '\0');
      n = call(out.data(), static_cast<int>(out.size()));
    }
    if (n < 0) return {};
    out.resize(static_cast<std::size_t>(n));
    return out;
  }
};

namespace {

bool isBpeVocabulary(const std::string& path) { return fs::path(path).extension() == ".json"; }

}  // namespace

Expected<Tokenizer> Tokenizer::load(const std::string& modelPath, TextFormat format) {
  std::error_code ec;
  if (!fs::is_regular_file(modelPath, ec)) {
    return Error::at(modelPath, "tokenizer model not found (train one with `vimoe tokenizer train`)");
  }
  Tokenizer tokenizer;
  tokenizer.m_impl = std::make_unique<Impl>();
  Impl& impl = *tokenizer.m_impl;
  impl.format = format;
  impl.modelPath = modelPath;
  if ((format == TextFormat::Clip) != isBpeVocabulary(modelPath))
    return Error::at(modelPath, format == TextFormat::Clip
                                    ? std::string("text format clip needs CLIP's vocab.json (with merges.txt beside it)")
                                    : "a BPE vocabulary needs data.text_format = clip");
  if (format == TextFormat::Clip) {
    auto bpe = ByteLevelBpe::load(modelPath, (fs::path(modelPath).parent_path() / "merges.txt").string());
    if (!bpe) return bpe.error();
    impl.bos = bpe->startOfTextId();
    impl.eos = bpe->endOfTextId();
    impl.pad = 0;  // OpenAI's tokenize() pads with 0; the tower pools at the largest id, <|endoftext|>
    impl.bpe = std::move(*bpe);
    return tokenizer;
  }
  auto bridge = detail::spmBridge();
  if (!bridge.ok()) return bridge.error();
  char error[2048] = {0};
  impl.bridge = *bridge;
  impl.processor = (*bridge)->load(modelPath.c_str(), error, sizeof error);
  if (impl.processor == nullptr) return Error{error};
  if (format == TextFormat::Siglip) {
    impl.bos = -1;
    impl.eos = -1;
    for (int id = 0; id < tokenizer.vocabSize() && impl.eos < 0; ++id)
      if (impl.pieceOf(id) == "</s>") impl.eos = id;
    if (impl.eos < 0) return Error::at(modelPath, "no </s> piece: not a SigLIP SentencePiece model");
    impl.pad = impl.eos;  // SiglipTokenizer's pad token is </s>
  }
  return tokenizer;
}

Expected<Tokenizer> loadTokenizer(const std::string& path, const std::string& textFormat) {
  auto format = textFormatFromName(textFormat);
  if (!format) return Error::at(path, "data.text_format: " + format.error().message);
  return Tokenizer::load(path, *format);
}

TextFormat Tokenizer::format() const { return m_impl->format; }
int Tokenizer::eosId() const { return m_impl->eos; }

Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

std::vector<int> Tokenizer::encode(const std::string& text) const {
  if (m_impl->bpe) return m_impl->bpe->encode(text);
  const std::string nfc = toNfcReplacingInvalid(text);
  return m_impl->encodeNfc(m_impl->format == TextFormat::Siglip ? siglipCanonicalText(nfc) : nfc);
}

std::string Tokenizer::decode(const std::vector<int>& ids) const {
  if (m_impl->bpe) return m_impl->bpe->decode(ids);
  return m_impl->readString([&](char* out, int size) {
    return m_impl->bridge->decode(m_impl->processor, ids.data(), static_cast<int>(ids.size()), out, size);
  });
}

std::vector<std::string> Tokenizer::pieces(const std::string& text) const {
  if (m_impl->bpe) return m_impl->bpe->pieces(text);
  std::vector<std::string> result;
  for (const int id : encode(text)) result.push_back(m_impl->pieceOf(id));
  return result;
}

int Tokenizer::vocabSize() const {
  if (m_impl->bpe) return m_impl->bpe->vocabSize();
  return m_impl->bridge->vocabSize(m_impl->processor);
}

TokenizerCoverage Tokenizer::coverage(const std::vector<std::string>& sentences) const {
  std::size_t unknown = 0, pieceCount = 0, syllables = 0;
  for (const std::string& sentence : sentences) {
    const std::string nfc = toNfcReplacingInvalid(sentence);
    for (const int id : encode(nfc)) {
      ++pieceCount;
      // Byte-level BPE has a piece for every byte: nothing is unknown.
      if (!m_impl->bpe && m_impl->bridge->isUnknown(m_impl->processor, id) == 1) ++unknown;
    }
    // Vietnamese writes one syllable per space-separated token.
    bool inToken = false;
    for (const char c : nfc) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!space && !inToken) ++syllables;
      inToken = !space;
    }
  }
  TokenizerCoverage result;
  if (pieceCount > 0) result.unknownRate = double(unknown) / double(pieceCount);
  if (syllables > 0) result.piecesPerSyllable = double(pieceCount) / double(syllables);
  return result;
}

std::vector<int> Tokenizer::encodePadded(const std::string& text, int length) const {
  if (length <= 0) return {};
  std::vector<int> ids;
  ids.reserve(static_cast<std::size_t>(length));
  if (m_impl->bos >= 0) ids.push_back(m_impl->bos);
  const std::vector<int> body = encode(text);
  ids.insert(ids.end(), body.begin(), body.end());
  // Truncate so that the end token always fits: the model must still see where the text ends.
  if (static_cast<int>(ids.size()) > length - 1) ids.resize(static_cast<std::size_t>(std::max(0, length - 1)));
  ids.push_back(m_impl->eos);
  ids.resize(static_cast<std::size_t>(length), m_impl->pad);
  return ids;
}

}  // namespace vimoe::text
