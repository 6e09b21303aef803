// Learns a byte-level BPE vocabulary in CLIP's file layout, so a text tower trained here from
// scratch follows CLIP's conventions: <|endoftext|> has the largest id (OpenCLIP pools the text
// at the argmax id), and the model exports to the OpenCLIP layout and imports back unchanged.
//
// Plain BPE (Sennrich et al. 2016) over CLIP's split of the cleaned text: start from the word's
// byte pieces, repeatedly merge the most frequent adjacent pair (ties: the larger pair, in code
// point order; the same rule as tests/fixtures/pretrained/clip_bpe.py `learn`).
// vocab.json = the 256 byte pieces, the same with "</w>", one piece per new merge result in
// merge order, then <|startoftext|> and <|endoftext|>; merges.txt = "#version: 0.2" and one
// "left right" line per merge.
#pragma once

#include <string>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe::text {

struct ByteLevelBpeTraining {
  int vocabSize = 0;   // as written, specials included (smaller than asked when the corpus runs out of pairs)
  int merges = 0;
  std::int64_t words = 0, uniqueWords = 0;
};

// The smallest vocabulary in CLIP's layout: 2 x 256 byte pieces and the two specials.
constexpr int kMinByteLevelVocabulary = 514;

// Writes `vocabPath` (…/vocab.json) and merges.txt beside it, each atomically, merges first: a
// reader that finds vocab.json finds its merges.
Expected<ByteLevelBpeTraining> trainByteLevelBpe(const std::vector<std::string>& sentences, int vocabSize,
                                                 const std::string& vocabPath);

}  // namespace vimoe::text
