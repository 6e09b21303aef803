// The part every VQA importer shares once its own layout is parsed: register images (id ->
// file name), then attach questions to them, with the same checks and messages for all
// formats: escaping or missing files, duplicate ids, dangling image ids, empty questions,
// placeholder answers, invalid UTF-8 and mixed NFC/NFD.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "data/record_checks.h"
#include "vimoe/data/dataset_import.h"
#include "vimoe/data/sample.h"

namespace vimoe::data::detail {

struct RawQuestion {
  std::string record;  // "annotations[3]", "line 7"
  std::string id;      // may be empty (no id in the format)
  std::string imageKey;
  std::string question;              // raw, checked here
  std::vector<std::string> answers;  // raw, checked here
  const char* answerField = "answer";
  std::string type;
  std::string language;  // empty: detect from the question
};

class VqaBuilder {
 public:
  VqaBuilder(const std::string& file, std::string imageDir, const ImportOptions& options, Dataset& out);

  ProblemLog& log() { return m_log; }
  TextFields& text() { return m_text; }

  // fileField names the field for messages ("filename", "file_name", images["12"]).
  void addImage(const std::string& record, const std::string& key, const std::string& fileName, const char* fileField,
                const std::string& domain = "");
  void addQuestion(RawQuestion q);
  // Appends the samples (image order) that have at least one question.
  void finish();

 private:
  ProblemLog m_log;
  TextFields m_text;
  std::string m_imageDir;
  ImportOptions m_options;
  Dataset& m_out;
  std::vector<Sample> m_samples;
  std::map<std::string, std::size_t> m_byKey;      // image key -> index in m_samples
  std::map<std::string, std::string> m_keyRecord;  // image key -> first record, for duplicates
  std::set<std::string> m_skippedKeys;             // known images whose file is bad
  std::map<std::string, std::string> m_questionIds;
};

// "vi", "ja" or "en" from the letters used: kana/kanji mean Japanese, Vietnamese-only
// letters (ă â đ ê ô ơ ư and tone marks) mean Vietnamese, plain ASCII letters English.
std::string guessLanguage(const std::string& text);

// Answers that published test files carry instead of the truth ("your answer").
bool isPlaceholderAnswer(const std::string& answer);

}  // namespace vimoe::data::detail
