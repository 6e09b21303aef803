// Question-answer pairs held in memory as tensors for VQA training and evaluation. Images are
// decoded once; each question is tokenised twice: alone ("<s> question </s>", the classifier's
// input) and followed by its first answer ("<s> question </s> answer </s>", the generative
// decoder's teacher-forcing sequence, with the answer's position recorded so that only the
// answer is learnt). The answer vocabulary of the classifier comes from the training split.
#pragma once

#include <torch/torch.h>

#include <map>
#include <string>
#include <vector>

#include "vimoe/data/sample.h"
#include "vimoe/text/tokenizer.h"
#include "vimoe/train/image_table.h"
#include "vimoe/util/expected.h"
#include "vimoe/util/log.h"

namespace vimoe::train {

// Normalised answers (lower case, no punctuation, NFC), most frequent in training first.
struct AnswerVocabulary {
  std::vector<std::string> answers;
  std::vector<std::int64_t> counts;
  std::map<std::string, int> index;
  int indexOf(const std::string& answer) const;  // -1 when not in the vocabulary
};

// The key answers are counted and matched under, as the VQA metrics normalise them.
std::string answerKey(const std::string& answer);
AnswerVocabulary buildAnswerVocabulary(const data::Dataset& train, int maxAnswers);
// answers.json in a VQA checkpoint folder: the classifier's output i is answers[i].
Status writeAnswerVocabulary(const std::string& checkpointDir, const AnswerVocabulary& vocabulary);
Expected<AnswerVocabulary> readAnswerVocabulary(const std::string& checkpointDir);

struct VqaSplit {
  ImageTable images;  // N images (image_table.h)
  std::vector<std::string> imagePaths;
  // Per question:
  std::vector<std::string> questionIds;
  std::vector<std::string> questions;
  std::vector<std::string> types;                 // "" when the dataset has none
  std::vector<std::vector<std::string>> answers;  // reference answers
  torch::Tensor questionImage;  // [Q] index into images
  torch::Tensor questionTokens;   // [Q, L] "<s> question </s>" padded
  torch::Tensor sequences;      // [Q, 2L] "<s> question </s> answer </s>" padded
  torch::Tensor answerStart;    // [Q] position of the answer's first piece in sequences
  torch::Tensor answerClass;    // [Q] index in the vocabulary, -1 when the answer is not in it
  torch::Tensor questionMirrorable;  // [Q] bool: the image may be flipped under this question and answers
  std::int64_t questionCount() const { return questionImage.size(0); }
};

// Questions whose image cannot be decoded are logged and skipped; placeholder answers (test
// files) are skipped too. Error when no question is left.
Expected<VqaSplit> buildVqaSplit(const data::Dataset& dataset, const text::Tokenizer& tokenizer,
                                 const AnswerVocabulary& vocabulary, int imageSize, int maxTokens, LogSink& log,
                                 std::int64_t imageCacheMb);

// Reads a VQA annotation file in any supported format (detected from its content).
Expected<data::Dataset> loadVqaFile(const std::string& file, const std::string& imageDir, LogSink& log);

}  // namespace vimoe::train
