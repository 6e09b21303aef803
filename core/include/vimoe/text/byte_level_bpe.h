// CLIP's byte-level BPE tokenizer (OpenAI CLIP's simple_tokenizer.py, Hugging Face's
// CLIPTokenizer), read from the two files every CLIP checkpoint ships: vocab.json (piece -> id)
// and merges.txt (one "left right" merge per line, in priority order, after a "#version" line).
//
// Encoding: the text is cleaned (NFC, HTML entities unescaped, whitespace collapsed, lowercased),
// split by CLIP's pattern (the two special tokens, the English contractions 's 't 're 've 'm 'll
// 'd, runs of letters, single digits, runs of other non-space characters), each piece's UTF-8
// bytes are mapped to printable characters (GPT-2's byte-to-unicode table), the last character
// gets "</w>", and merges are applied lowest rank first until none applies. Vietnamese text is
// thus never unknown: every byte has a piece.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe::text {

class ByteLevelBpe {
 public:
  static constexpr const char* kStartOfText = "<|startoftext|>";
  static constexpr const char* kEndOfText = "<|endoftext|>";

  // Reads vocab.json and merges.txt; a merge naming a piece not in the vocabulary, a duplicate
  // id or a missing special token is an error naming the file and line or entry.
  static Expected<ByteLevelBpe> load(const std::string& vocabPath, const std::string& mergesPath);

  std::vector<int> encode(const std::string& text) const;   // no special tokens added
  std::vector<std::string> pieces(const std::string& text) const;
  std::string decode(const std::vector<int>& ids) const;     // special tokens dropped
  int vocabSize() const { return static_cast<int>(m_pieceOf.size()); }
  int startOfTextId() const { return m_startId; }
  int endOfTextId() const { return m_endId; }
  const std::string& vocabPath() const { return m_vocabPath; }

 private:
  std::vector<std::string> bpe(const std::string& mappedWord) const;
  // The ids of one word of the split, remembered: captions repeat their words, and BPE of a word
  // costs far more than a lookup (simple_tokenizer keeps the same cache).
  std::vector<int> wordIds(const std::string& word) const;

  struct WordCache;
  std::shared_ptr<WordCache> m_cache;

  std::string m_vocabPath;
  std::unordered_map<std::string, int> m_idOf;
  std::vector<std::string> m_pieceOf;                  // id -> piece
  std::unordered_map<std::string, int> m_mergeRank;  // "left right" -> rank
  int m_startId = -1, m_endId = -1;
};

// CLIP's text cleaning before the split, exposed for tests: NFC, HTML entities unescaped
// (twice, as CLIP does), runs of whitespace to one space, trimmed, lowercased.
std::string clipCleanText(const std::string& text);

// What BPE starts from, shared with the trainer (byte_level_bpe_train.h) so it learns merges
// over exactly what the encoder sees: the cleaned text cut by CLIP's pattern ...
std::vector<std::string> clipWords(const std::string& text);
// ... and a word's byte pieces (GPT-2's table), the last one marked "</w>".
std::vector<std::string> clipWordSymbols(const std::string& word);
// The 256 byte pieces in CLIP's vocabulary order: by their code points (printable bytes first).
std::vector<std::string> clipBytePiecesInVocabularyOrder();

}  // namespace vimoe::text
