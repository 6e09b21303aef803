// Tokenizer: a loaded sentencepiece model held on the bridge's side of the dlmopen boundary.
// Only ids and UTF-8 bytes cross; buffers are sized here and retried when too small.
#include "vimoe/text/tokenizer.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "text/spm_bridge_loader.h"
#include "vimoe/text/unicode.h"

namespace vimoe::text {

struct Tokenizer::Impl {
  const detail::SpmBridge* bridge = nullptr;
  void* processor = nullptr;
  std::string modelPath;

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

Expected<Tokenizer> Tokenizer::load(const std::string& modelPath) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(modelPath, ec)) {
    return Error::at(modelPath, "tokenizer model not found (train one with `vimoe tokenizer train`)");
  }
  auto bridge = detail::spmBridge();
  if (!bridge.ok()) return bridge.error();
  char error[2048] = {0};
  void* processor = (*bridge)->load(modelPath.c_str(), error, sizeof error);
  if (processor == nullptr) return Error{error};

  Tokenizer tokenizer;
  tokenizer.m_impl = std::make_unique<Impl>();
  tokenizer.m_impl->bridge = *bridge;
  tokenizer.m_impl->processor = processor;
  tokenizer.m_impl->modelPath = modelPath;
  return tokenizer;
}

Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

std::vector<int> Tokenizer::encode(const std::string& text) const {
  return m_impl->encodeNfc(toNfcReplacingInvalid(text));
}

std::string Tokenizer::decode(const std::vector<int>& ids) const {
  return m_impl->readString([&](char* out, int size) {
    return m_impl->bridge->decode(m_impl->processor, ids.data(), static_cast<int>(ids.size()), out, size);
  });
}

std::vector<std::string> Tokenizer::pieces(const std::string& text) const {
  std::vector<std::string> result;
  for (const int id : encode(text)) {
    result.push_back(m_impl->readString(
        [&](char* out, int size) { return m_impl->bridge->piece(m_impl->processor, id, out, size); }));
  }
  return result;
}

int Tokenizer::vocabSize() const {
  return m_impl->bridge->vocabSize(m_impl->processor);
}

TokenizerCoverage Tokenizer::coverage(const std::vector<std::string>& sentences) const {
  std::size_t unknown = 0, pieceCount = 0, syllables = 0;
  for (const std::string& sentence : sentences) {
    const std::string nfc = toNfcReplacingInvalid(sentence);
    for (const int id : m_impl->encodeNfc(nfc)) {
      ++pieceCount;
      if (m_impl->bridge->isUnknown(m_impl->processor, id) == 1) ++unknown;
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
  ids.push_back(kBosId);
  const std::vector<int> body = encode(text);
  ids.insert(ids.end(), body.begin(), body.end());
  // Truncate so that </s> always fits: the model must still see where the text ends.
  if (static_cast<int>(ids.size()) > length - 1) ids.resize(static_cast<std::size_t>(std::max(0, length - 1)));
  ids.push_back(kEosId);
  ids.resize(static_cast<std::size_t>(length), kPadId);
  return ids;
}

}  // namespace vimoe::text
