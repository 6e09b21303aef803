// CLIP's byte-level BPE, written from the algorithm of OpenAI CLIP's simple_tokenizer.py (and
// Hugging Face's CLIPTokenizer, which follows it): see byte_level_bpe.h.
#include "vimoe/text/byte_level_bpe.h"

#include <utf8proc.h>

#include <algorithm>
#include <climits>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>

#include "vimoe/text/unicode.h"

namespace vimoe::text {
namespace {

using Codepoints = std::u32string;

std::string encodeUtf8(const Codepoints& cps, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) appendUtf8(out, cps[i]);
  return out;
}

// Python's str.isspace / the regex \s on str, which CLIP's pattern and cleaning use.
bool isSpace(char32_t c) {
  if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85) return true;
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP;
}

bool isLetter(char32_t c) {  // \p{L}
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

bool isNumber(char32_t c) {  // \p{N}
  const auto category = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO;
}

// html.unescape for what captions contain: the five XML entities, &nbsp; and numeric references.
std::string unescapeHtml(const std::string& text) {
  static const std::pair<const char*, char32_t> kNamed[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t semicolon = text[i] == '&' ? text.find(';', i + 1) : std::string::npos;
    if (semicolon == std::string::npos || semicolon - i > 10) {
      out += text[i];
      continue;
    }
    const std::string name = text.substr(i + 1, semicolon - i - 1);
    char32_t cp = 0;
    for (const auto& [entity, value] : kNamed)
      if (name == entity) cp = value;
    if (cp == 0 && name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits = name.substr(hex ? 2 : 1);
      char* end = nullptr;
      const unsigned long value = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (!digits.empty() && end != nullptr && *end == '\0' && value > 0 && value <= 0x10FFFF) cp = static_cast<char32_t>(value);
    }
    if (cp == 0) {
      out += text[i];
      continue;
    }
    appendUtf8(out, cp);
    i = semicolon;
  }
  return out;
}

// GPT-2's table: printable bytes map to themselves, the others to U+0100 and up, so a piece is
// always a string of visible characters and BPE never sees a control byte or a split sequence.
const std::vector<std::string>& byteToPiece() {
  static const std::vector<std::string> table = [] {
    std::vector<std::string> t(256);
    auto keeps = [](int b) { return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF); };
    int next = 256;
    for (int b = 0; b < 256; ++b) appendUtf8(t[static_cast<std::size_t>(b)], static_cast<char32_t>(keeps(b) ? b : next++));
    return t;
  }();
  return table;
}

const std::unordered_map<char32_t, unsigned char>& pieceToByte() {
  static const std::unordered_map<char32_t, unsigned char> table = [] {
    std::unordered_map<char32_t, unsigned char> t;
    for (int b = 0; b < 256; ++b) t[codePoints(byteToPiece()[static_cast<std::size_t>(b)]).front()] = static_cast<unsigned char>(b);
    return t;
  }();
  return table;
}

bool startsWith(const Codepoints& cps, std::size_t at, const char* ascii) {
  for (std::size_t k = 0; ascii[k] != '\0'; ++k)
    if (at + k >= cps.size() || cps[at + k] != static_cast<unsigned char>(ascii[k])) return false;
  return true;
}

// CLIP's pattern, in its order of alternatives:
// <|startoftext|>|<|endoftext|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+
std::vector<std::string> splitWords(const std::string& cleaned) {
  const Codepoints cps = codePoints(cleaned);
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < cps.size()) {
    std::size_t end = i;
    for (const char* literal : {ByteLevelBpe::kStartOfText, ByteLevelBpe::kEndOfText, "'s", "'t", "'re", "'ve", "'m", "'ll", "'d"})
      if (end == i && startsWith(cps, i, literal)) end = i + std::char_traits<char>::length(literal);
    if (end == i && isLetter(cps[i])) {
      while (end < cps.size() && isLetter(cps[end])) ++end;
    } else if (end == i && isNumber(cps[i])) {
      end = i + 1;
    } else if (end == i && !isSpace(cps[i])) {
      while (end < cps.size() && !isSpace(cps[end]) && !isLetter(cps[end]) && !isNumber(cps[end])) ++end;
    }
    if (end == i) {  // whitespace separates words and is dropped
      ++i;
      continue;
    }
    words.push_back(encodeUtf8(cps, i, end));
    i = end;
  }
  return words;
}

Error fileError(const std::string& path, const std::string& what) { return Error::at(path, what); }

}  // namespace

std::string clipCleanText(const std::string& text) {
  const std::string unescaped = unescapeHtml(unescapeHtml(toNfcReplacingInvalid(text)));
  std::string out;
  bool pendingSpace = false;
  for (const char32_t c : codePoints(unescaped)) {
    if (isSpace(c)) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    appendUtf8(out, c);
  }
  return toLowercase(out);
}

std::vector<std::string> clipWords(const std::string& text) { return splitWords(clipCleanText(text)); }

std::vector<std::string> clipWordSymbols(const std::string& word) {
  std::vector<std::string> symbols;
  for (const unsigned char byte : word) symbols.push_back(byteToPiece()[byte]);
  if (!symbols.empty()) symbols.back() += "</w>";
  return symbols;
}

std::vector<std::string> clipBytePiecesInVocabularyOrder() {
  std::vector<std::string> pieces = byteToPiece();
  std::sort(pieces.begin(), pieces.end(),
            [](const std::string& a, const std::string& b) { return codePoints(a).front() < codePoints(b).front(); });
  return pieces;
}

// Shared by copies of one tokenizer; loader threads encode concurrently, hence the mutex.
struct ByteLevelBpe::WordCache {
  static constexpr std::size_t kMaxWords = 200000;  // a streamed corpus must not grow it forever
  std::mutex mutex;
  std::unordered_map<std::string, std::vector<int>> ids;
};

Expected<ByteLevelBpe> ByteLevelBpe::load(const std::string& vocabPath, const std::string& mergesPath) {
  ByteLevelBpe bpe;
  bpe.m_cache = std::make_shared<WordCache>();
  bpe.m_vocabPath = vocabPath;
  std::ifstream vocabFile(vocabPath, std::ios::binary);
  if (!vocabFile) return fileError(vocabPath, "cannot open the BPE vocabulary (vocab.json)");
  const auto vocab = nlohmann::json::parse(vocabFile, nullptr, false);
  if (vocab.is_discarded() || !vocab.is_object() || vocab.empty())
    return fileError(vocabPath, "not a JSON object of piece -> id");
  bpe.m_pieceOf.assign(vocab.size(), std::string());
  std::vector<bool> seen(vocab.size(), false);
  for (const auto& [piece, id] : vocab.items()) {
    if (!id.is_number_integer() || id.get<long long>() < 0 || id.get<long long>() >= static_cast<long long>(vocab.size()))
      return fileError(vocabPath, "entry \"" + piece + "\": the id must be an integer in [0, " + std::to_string(vocab.size()) + ")");
    const auto index = static_cast<std::size_t>(id.get<long long>());
    if (seen[index]) return fileError(vocabPath, "entry \"" + piece + "\": id " + std::to_string(index) + " is used twice");
    seen[index] = true;
    bpe.m_pieceOf[index] = piece;
    bpe.m_idOf[piece] = static_cast<int>(index);
  }
  for (const auto* special : {kStartOfText, kEndOfText})
    if (bpe.m_idOf.count(special) == 0) return fileError(vocabPath, std::string("no ") + special + " entry: not a CLIP vocabulary");
  bpe.m_startId = bpe.m_idOf.at(kStartOfText);
  bpe.m_endId = bpe.m_idOf.at(kEndOfText);
  for (const auto& piece : byteToPiece())
    if (bpe.m_idOf.count(piece) == 0) return fileError(vocabPath, "no entry for the byte piece \"" + piece + "\": not a byte-level vocabulary");

  std::ifstream mergesFile(mergesPath, std::ios::binary);
  if (!mergesFile) return fileError(mergesPath, "cannot open the BPE merges (merges.txt)");
  std::string line;
  int lineNumber = 0;
  while (std::getline(mergesFile, line)) {
    ++lineNumber;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || (lineNumber == 1 && line.rfind("#version", 0) == 0)) continue;
    const auto space = line.find(' ');
    if (space == std::string::npos || space == 0 || line.find(' ', space + 1) != std::string::npos)
      return fileError(mergesPath + ":" + std::to_string(lineNumber), "expected two pieces separated by one space, got \"" + line + "\"");
    const std::string merged = line.substr(0, space) + line.substr(space + 1);
    if (bpe.m_idOf.count(merged) == 0)
      return fileError(mergesPath + ":" + std::to_string(lineNumber), "the merge gives \"" + merged + "\", which is not in " + vocabPath);
    bpe.m_mergeRank.emplace(line, static_cast<int>(bpe.m_mergeRank.size()));
  }
  return bpe;
}

std::vector<std::string> ByteLevelBpe::bpe(const std::string& mappedWord) const {
  std::vector<std::string> symbols;
  const Codepoints cps = codePoints(mappedWord);
  for (std::size_t i = 0; i < cps.size(); ++i) symbols.push_back(encodeUtf8(cps, i, i + 1));
  if (symbols.empty()) return symbols;
  symbols.back() += "</w>";
  while (symbols.size() > 1) {
    int bestRank = INT_MAX;
    std::string bestLeft, bestRight;
    for (std::size_t i = 0; i + 1 < symbols.size(); ++i) {
      const auto it = m_mergeRank.find(symbols[i] + " " + symbols[i + 1]);
      if (it != m_mergeRank.end() && it->second < bestRank) {
        bestRank = it->second;
        bestLeft = symbols[i];
        bestRight = symbols[i + 1];
      }
    }
    if (bestRank == INT_MAX) break;
    // Every occurrence of the best pair, left to right, as CLIP does.
    std::vector<std::string> merged;
    for (std::size_t i = 0; i < symbols.size(); ++i) {
      if (i + 1 < symbols.size() && symbols[i] == bestLeft && symbols[i + 1] == bestRight) {
        merged.push_back(bestLeft + bestRight);
        ++i;
      } else {
        merged.push_back(symbols[i]);
      }
    }
    symbols.swap(merged);
  }
  return symbols;
}

std::vector<std::string> ByteLevelBpe::pieces(const std::string& text) const {
  std::vector<std::string> out;
  for (const std::string& word : splitWords(clipCleanText(text))) {
    if (word == kStartOfText || word == kEndOfText) {
      out.push_back(word);
      continue;
    }
    std::string mapped;
    for (const unsigned char byte : word) mapped += byteToPiece()[byte];
    for (auto& piece : bpe(mapped)) out.push_back(std::move(piece));
  }
  return out;
}

std::vector<int> ByteLevelBpe::wordIds(const std::string& word) const {
  {
    std::lock_guard<std::mutex> lock(m_cache->mutex);
    if (const auto it = m_cache->ids.find(word); it != m_cache->ids.end()) return it->second;
  }
  std::vector<int> ids;
  if (word == kStartOfText || word == kEndOfText) {
    ids.push_back(m_idOf.at(word));
  } else {
    std::string mapped;
    for (const unsigned char byte : word) mapped += byteToPiece()[byte];
    for (const std::string& piece : bpe(mapped)) {
      const auto it = m_idOf.find(piece);
      // Only a vocabulary missing merge results could leave a piece unknown; CLIPTokenizer maps
      // it to its unk token, which is <|endoftext|>.
      ids.push_back(it == m_idOf.end() ? m_endId : it->second);
    }
  }
  std::lock_guard<std::mutex> lock(m_cache->mutex);
  if (m_cache->ids.size() >= WordCache::kMaxWords) m_cache->ids.clear();
  m_cache->ids.emplace(word, ids);
  return ids;
}

std::vector<int> ByteLevelBpe::encode(const std::string& text) const {
  std::vector<int> ids;
  for (const std::string& word : splitWords(clipCleanText(text))) {
    const auto wordPieces = wordIds(word);
    ids.insert(ids.end(), wordPieces.begin(), wordPieces.end());
  }
  return ids;
}

std::string ByteLevelBpe::decode(const std::vector<int>& ids) const {
  std::string mapped;
  for (const int id : ids) {
    if (id < 0 || id >= vocabSize() || id == m_startId || id == m_endId) continue;
    mapped += m_pieceOf[static_cast<std::size_t>(id)];
  }
  std::string bytes;
  const std::string endOfWord = "</w>";
  const Codepoints cps = codePoints(mapped);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (startsWith(cps, i, "</w>")) {
      bytes += ' ';
      i += endOfWord.size() - 1;
      continue;
    }
    const auto it = pieceToByte().find(cps[i]);
    if (it != pieceToByte().end()) bytes += static_cast<char>(it->second);
  }
  while (!bytes.empty() && bytes.back() == ' ') bytes.pop_back();
  return bytes;
}

}  // namespace vimoe::text
