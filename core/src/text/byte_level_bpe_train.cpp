#include "vimoe/text/byte_level_bpe_train.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "vimoe/text/byte_level_bpe.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::text {
namespace fs = std::filesystem;
namespace {

using Pair = std::pair<std::string, std::string>;

struct Word {
  std::vector<std::string> symbols;
  std::int64_t count = 0;
};

// Pair counts with the words holding each pair, updated only for the words a merge touches: a
// merge costs the words it changes, not the corpus (the reference recounts everything).
class PairTable {
 public:
  void add(const Word& word, std::size_t index, int sign) {
    for (std::size_t i = 0; i + 1 < word.symbols.size(); ++i) {
      const Pair pair{word.symbols[i], word.symbols[i + 1]};
      std::int64_t& count = m_count[pair];
      if (count > 0) m_ranked.erase({count, pair});
      count += sign * word.count;
      if (count > 0) m_ranked.insert({count, pair});
      if (sign > 0) m_holders[pair].insert(index);
    }
  }
  bool empty() const { return m_ranked.empty(); }
  // The most frequent pair; ties go to the larger pair (std::string compares UTF-8 bytewise,
  // which is code point order, as Python compares str).
  Pair best() const { return m_ranked.rbegin()->second; }
  std::vector<std::size_t> holders(const Pair& pair) const {
    const auto it = m_holders.find(pair);
    return it == m_holders.end() ? std::vector<std::size_t>{} : std::vector<std::size_t>(it->second.begin(), it->second.end());
  }

 private:
  std::map<Pair, std::int64_t> m_count;
  std::set<std::pair<std::int64_t, Pair>> m_ranked;
  std::map<Pair, std::set<std::size_t>> m_holders;  // may list words that lost the pair since: harmless
};

void applyMerge(std::vector<std::string>& symbols, const Pair& pair) {
  std::vector<std::string> merged;
  merged.reserve(symbols.size());
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    if (i + 1 < symbols.size() && symbols[i] == pair.first && symbols[i + 1] == pair.second) {
      merged.push_back(pair.first + pair.second);
      ++i;
    } else {
      merged.push_back(symbols[i]);
    }
  }
  symbols.swap(merged);
}

}  // namespace

Expected<ByteLevelBpeTraining> trainByteLevelBpe(const std::vector<std::string>& sentences, int vocabSize,
                                                 const std::string& vocabPath) {
  if (vocabSize < kMinByteLevelVocabulary)
    return Error::at(vocabPath, "a vocabulary in CLIP's layout needs at least " + std::to_string(kMinByteLevelVocabulary) +
                                    " pieces (2 x 256 byte pieces and the two specials), asked for " + std::to_string(vocabSize));
  ByteLevelBpeTraining result;
  std::unordered_map<std::string, std::size_t> indexOf;
  std::vector<Word> words;
  for (const auto& sentence : sentences) {
    for (const auto& word : clipWords(sentence)) {
      if (word == ByteLevelBpe::kStartOfText || word == ByteLevelBpe::kEndOfText) continue;
      ++result.words;
      auto [it, inserted] = indexOf.emplace(word, words.size());
      if (inserted) words.push_back({clipWordSymbols(word), 0});
      ++words[it->second].count;
    }
  }
  result.uniqueWords = static_cast<std::int64_t>(words.size());

  PairTable pairs;
  for (std::size_t i = 0; i < words.size(); ++i) pairs.add(words[i], i, +1);

  std::vector<std::string> pieces;
  for (const auto& piece : clipBytePiecesInVocabularyOrder()) pieces.push_back(piece);
  for (const auto& piece : clipBytePiecesInVocabularyOrder()) pieces.push_back(piece + "</w>");
  std::unordered_set<std::string> known(pieces.begin(), pieces.end());
  std::string merges = "#version: 0.2\n";
  const auto target = static_cast<std::size_t>(vocabSize - 2);
  while (pieces.size() < target && !pairs.empty()) {
    const Pair best = pairs.best();
    for (const std::size_t index : pairs.holders(best)) {
      Word& word = words[index];
      pairs.add(word, index, -1);
      applyMerge(word.symbols, best);
      pairs.add(word, index, +1);
    }
    merges += best.first + " " + best.second + "\n";
    ++result.merges;
    // Two merges can spell the same piece ("ab"+"c", "a"+"bc"): the vocabulary holds it once.
    if (known.insert(best.first + best.second).second) pieces.push_back(best.first + best.second);
  }
  pieces.push_back(ByteLevelBpe::kStartOfText);
  pieces.push_back(ByteLevelBpe::kEndOfText);

  nlohmann::ordered_json vocab = nlohmann::ordered_json::object();
  for (std::size_t id = 0; id < pieces.size(); ++id) vocab[pieces[id]] = id;
  const fs::path folder = fs::path(vocabPath).parent_path();
  std::error_code ec;
  if (!folder.empty()) fs::create_directories(folder, ec);
  if (ec) return Error::at(folder.string(), "cannot create the tokenizer folder: " + ec.message());
  if (auto s = writeFileAtomically((folder / "merges.txt").string(), merges); !s) return s.error();
  if (auto s = writeFileAtomically(vocabPath, vocab.dump() + "\n"); !s) return s.error();
  result.vocabSize = static_cast<int>(pieces.size());
  return result;
}

}  // namespace vimoe::text
