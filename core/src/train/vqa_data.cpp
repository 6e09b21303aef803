#include "vimoe/train/vqa_data.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "vimoe/data/augment.h"
#include "vimoe/data/dataset_import.h"
#include "vimoe/text/vietnamese.h"
#include "vimoe/train/contrastive_data.h"
#include "vimoe/util/atomic_file.h"
#include "vimoe/util/json_read.h"

namespace vimoe::train {

std::string answerKey(const std::string& answer) {
  text::NormalizeOptions options;
  options.lowercase = true;
  options.stripPunctuation = true;
  options.joinSegmentedWords = true;
  std::string key = text::normalizeVietnamese(answer, options);
  while (!key.empty() && key.back() == ' ') key.pop_back();
  const auto first = key.find_first_not_of(' ');
  return first == std::string::npos ? std::string() : key.substr(first);
}

int AnswerVocabulary::indexOf(const std::string& answer) const {
  const auto it = index.find(answerKey(answer));
  return it == index.end() ? -1 : it->second;
}

AnswerVocabulary buildAnswerVocabulary(const data::Dataset& train, int maxAnswers) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& sample : train.samples)
    for (const auto& qa : sample.qa)
      if (!qa.placeholder && !qa.answers.empty()) ++counts[answerKey(qa.answers.front())];
  std::vector<std::pair<std::string, std::int64_t>> sorted(counts.begin(), counts.end());
  // Most frequent first; ties alphabetical so the vocabulary never depends on file order.
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  AnswerVocabulary vocabulary;
  for (const auto& [answer, count] : sorted) {
    if (static_cast<int>(vocabulary.answers.size()) >= maxAnswers) break;
    if (answer.empty()) continue;
    vocabulary.index[answer] = static_cast<int>(vocabulary.answers.size());
    vocabulary.answers.push_back(answer);
    vocabulary.counts.push_back(count);
  }
  return vocabulary;
}

Status writeAnswerVocabulary(const std::string& checkpointDir, const AnswerVocabulary& vocabulary) {
  nlohmann::json doc = {{"answers", vocabulary.answers}, {"counts", vocabulary.counts}};
  return writeFileAtomically((std::filesystem::path(checkpointDir) / "answers.json").string(), doc.dump(1) + "\n");
}

Expected<AnswerVocabulary> readAnswerVocabulary(const std::string& checkpointDir) {
  const std::string path = (std::filesystem::path(checkpointDir) / "answers.json").string();
  auto text = readWholeFile(path);
  if (!text) return text.error();
  const auto parsed = parseJson(path, *text);
  if (!parsed) return parsed.error();
  const nlohmann::json& doc = *parsed;
  if (!doc.is_object()) return Error::at(path, "expected a JSON object {\"answers\": [...], \"counts\": [...]}");
  if (!doc.contains("answers") || !doc["answers"].is_array()) return Error::at(path, "field 'answers' must be a list");
  AnswerVocabulary vocabulary;
  for (std::size_t i = 0; i < doc["answers"].size(); ++i) {
    const auto& answer = doc["answers"][i];
    if (!answer.is_string()) return Error::at(path, "answers[" + std::to_string(i) + "] must be a string");
    vocabulary.index[answer.get<std::string>()] = static_cast<int>(i);
    vocabulary.answers.push_back(answer.get<std::string>());
    // counts are informative only: a missing or odd list reads as zeros rather than failing.
    const auto counts = doc.find("counts");
    const bool listed = counts != doc.end() && counts->is_array() && i < counts->size() && (*counts)[i].is_number_integer();
    vocabulary.counts.push_back(listed ? (*counts)[i].get<std::int64_t>() : 0);
  }
  if (vocabulary.answers.empty()) return Error::at(path, "no answers");
  return vocabulary;
}

Expected<data::Dataset> loadVqaFile(const std::string& file, const std::string& imageDir, LogSink& log) {
  if (!std::filesystem::exists(file)) return Error::at(file, "VQA annotation file not found");
  data::DatasetSpec spec;
  spec.root = std::filesystem::path(file).parent_path().string();
  spec.files = {file};
  spec.imageDir = imageDir;
  auto dataset = data::importDataset(spec, data::ImportOptions{});
  if (!dataset) return dataset.error();
  for (const auto& problem : dataset->problems) log.warning(problem.toString());
  return dataset;
}

Expected<VqaSplit> buildVqaSplit(const data::Dataset& dataset, const text::Tokenizer& tokenizer,
                                 const AnswerVocabulary& vocabulary, int imageSize, int maxTokens, LogSink& log,
                                 std::int64_t imageCacheMb) {
  VqaSplit split;
  // VQA files repeat images: the sample count bounds the image count.
  ImageTableBuilder images(static_cast<std::int64_t>(dataset.samples.size()), imageSize, imageCacheMb);
  std::vector<std::int64_t> questionImage, questionPieces, sequences, answerStart, answerClass, mirrorable;
  std::unordered_map<std::string, std::int64_t> imageIndex;  // by path: VQA files repeat images
  const std::int64_t sequenceLength = 2 * maxTokens;
  for (const auto& sample : dataset.samples) {
    std::vector<const data::QaPair*> usable;
    for (const auto& qa : sample.qa)
      if (!qa.placeholder && !qa.answers.empty()) usable.push_back(&qa);
    if (usable.empty()) continue;
    auto found = imageIndex.find(sample.imagePath);
    if (found == imageIndex.end()) {
      if (!images.add(sample.imagePath)) {
        log.warning(sample.imagePath + ": unreadable or truncated image, its " + std::to_string(usable.size()) +
                    " questions skipped (" + sample.sourceFile + ", " + sample.record + ")");
        continue;
      }
      split.imagePaths.push_back(sample.imagePath);
      found = imageIndex.emplace(sample.imagePath, images.size() - 1).first;
    }
    const bool imageMirrorable = data::flipAllowed(sample, dataset.format);
    for (const auto* qa : usable) {
      bool textAllowsFlip = !data::namesLeftOrRight(qa->question);
      for (const auto& answer : qa->answers) textAllowsFlip = textAllowsFlip && !data::namesLeftOrRight(answer);
      mirrorable.push_back(imageMirrorable && textAllowsFlip);
      split.questionIds.push_back(qa->id.empty() ? std::to_string(split.questionIds.size()) : qa->id);
      split.questions.push_back(qa->question);
      split.types.push_back(qa->type);
      split.answers.push_back(qa->answers);
      questionImage.push_back(found->second);
      const auto question = tokenizer.encodePadded(qa->question, maxTokens);
      questionPieces.insert(questionPieces.end(), question.begin(), question.end());
      // "<s> question </s>" then "answer </s>", truncated to the sequence (keeping "</s>").
      std::vector<std::int64_t> sequence = {text::Tokenizer::kBosId};
      for (int id : tokenizer.encode(qa->question)) {
        if (static_cast<int>(sequence.size()) >= maxTokens - 1) break;
        sequence.push_back(id);
      }
      sequence.push_back(text::Tokenizer::kEosId);
      answerStart.push_back(static_cast<std::int64_t>(sequence.size()));
      for (int id : tokenizer.encode(qa->answers.front())) {
        if (static_cast<std::int64_t>(sequence.size()) >= sequenceLength - 1) break;
        sequence.push_back(id);
      }
      sequence.push_back(text::Tokenizer::kEosId);
      sequence.resize(static_cast<std::size_t>(sequenceLength), text::Tokenizer::kPadId);
      sequences.insert(sequences.end(), sequence.begin(), sequence.end());
      answerClass.push_back(vocabulary.indexOf(qa->answers.front()));
    }
  }
  const auto count = static_cast<std::int64_t>(questionImage.size());
  if (count == 0) {
    const std::string file = dataset.files.empty() ? std::string("VQA data") : dataset.files.front();
    return Error::at(file, "no question with an answer and a readable image");
  }
  split.images = images.build();
  split.questionImage = torch::tensor(questionImage, torch::kLong);
  split.questionTokens = torch::tensor(questionPieces, torch::kLong).view({count, maxTokens});
  split.sequences = torch::tensor(sequences, torch::kLong).view({count, sequenceLength});
  split.answerStart = torch::tensor(answerStart, torch::kLong);
  split.answerClass = torch::tensor(answerClass, torch::kLong);
  split.questionMirrorable = torch::tensor(mirrorable, torch::kLong).to(torch::kBool);
  return split;
}

}  // namespace vimoe::train
