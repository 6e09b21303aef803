#include "data/formats/vqa_builder.h"

#include <filesystem>

#include "vimoe/text/unicode.h"

namespace vimoe::data::detail {
namespace fs = std::filesystem;

VqaBuilder::VqaBuilder(const std::string& file, std::string imageDir, const ImportOptions& options, Dataset& out)
    : m_log(file, out.problems), m_text(m_log, options.tone), m_imageDir(std::move(imageDir)), m_options(options), m_out(out) {}

void VqaBuilder::addImage(const std::string& record, const std::string& key, const std::string& fileName,
                          const char* fileField, const std::string& domain) {
  if (const auto seen = m_keyRecord.find(key); seen != m_keyRecord.end()) {
    m_log.add(ProblemKind::DuplicateId, record, "id", "duplicate image id " + key + " (first at " + seen->second + ")");
    return;
  }
  m_keyRecord.emplace(key, record);
  // From here on the id is known, so its questions are not reported again as dangling.
  auto name = m_text.take(fileName, record, fileField);
  if (!name) return void(m_skippedKeys.insert(key));
  if (escapesRoot(*name)) {
    m_skippedKeys.insert(key);
    return m_log.add(ProblemKind::EscapingPath, record, fileField,
                     "'" + *name + "' leaves the image directory (absolute or '..'); rejected");
  }
  Sample sample;
  sample.imageId = key;
  sample.fileName = *name;
  sample.imagePath = (fs::path(m_imageDir) / *name).string();
  sample.domain = domain;
  sample.sourceFile = m_log.file();
  sample.record = record;
  sample.fileField = fileField;
  if (m_options.checkImagesExist) {
    std::error_code ec;
    if (!fs::is_regular_file(sample.imagePath, ec)) {
      m_skippedKeys.insert(key);
      return m_log.add(ProblemKind::MissingImage, record, fileField, "image file not found: " + sample.imagePath);
    }
  }
  m_byKey.emplace(key, m_samples.size());
  m_samples.push_back(std::move(sample));
}

void VqaBuilder::addQuestion(RawQuestion q) {
  if (!q.id.empty()) {
    if (const auto seen = m_questionIds.find(q.id); seen != m_questionIds.end()) {
      return m_log.add(ProblemKind::DuplicateId, q.record, "id",
                       "duplicate question id " + q.id + " (first at " + seen->second + ")");
    }
    m_questionIds.emplace(q.id, q.record);
  }
  if (m_keyRecord.count(q.imageKey) == 0) {
    return m_log.add(ProblemKind::DanglingImageId, q.record, "image_id",
                     "image_id " + q.imageKey + " matches no image");
  }
  if (m_skippedKeys.count(q.imageKey) != 0) return;  // its image's problem is already reported
  auto question = m_text.take(q.question, q.record, "question");
  if (!question) return;
  QaPair pair;
  pair.id = q.id;
  pair.question = std::move(*question);
  pair.type = q.type;
  pair.language = q.language.empty() ? guessLanguage(pair.question) : q.language;
  bool answerReported = false;
  for (std::size_t i = 0; i < q.answers.size(); ++i) {
    const std::string field = q.answers.size() > 1 || std::string(q.answerField) == "answers"
                                  ? std::string(q.answerField) + "[" + std::to_string(i) + "]"
                                  : std::string(q.answerField);
    auto answer = m_text.take(q.answers[i], q.record, field);
    if (!answer) {
      answerReported = true;
      continue;
    }
    if (isPlaceholderAnswer(*answer)) {
      pair.placeholder = true;
      m_log.add(ProblemKind::PlaceholderAnswer, q.record, field,
                "placeholder answer '" + *answer + "' (a published test file without the truth): kept, never scored");
      continue;
    }
    pair.answers.push_back(std::move(*answer));
  }
  if (pair.answers.empty() && !pair.placeholder) {
    // Each bad answer is reported already; say so only when there was none at all.
    if (!answerReported) m_log.add(ProblemKind::EmptyText, q.record, q.answerField, "no usable answer");
    return;
  }
  m_samples[m_byKey.at(q.imageKey)].qa.push_back(std::move(pair));
}

void VqaBuilder::finish() {
  m_text.finish();
  for (Sample& sample : m_samples) {
    if (!sample.qa.empty()) m_out.samples.push_back(std::move(sample));
  }
  m_samples.clear();
}

std::string guessLanguage(const std::string& text) {
  bool vietnamese = false, latin = false;
  const std::string nfd = text::toNfd(text);
  for (std::size_t i = 0; i < nfd.size();) {
    // Decode one code point (input is valid UTF-8 by now).
    const unsigned char c = static_cast<unsigned char>(nfd[i]);
    char32_t cp = c;
    int len = 1;
    if (c >= 0xF0)
      cp = c & 0x07, len = 4;
    else if (c >= 0xE0)
      cp = c & 0x0F, len = 3;
    else if (c >= 0xC0)
      cp = c & 0x1F, len = 2;
    for (int k = 1; k < len && i + k < nfd.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(nfd[i + k]) & 0x3F);
    i += static_cast<std::size_t>(len);
    if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF)) return "ja";
    // Tone marks and the horn / breve / circumflex, or đ.
    if (cp == 0x0300 || cp == 0x0301 || cp == 0x0303 || cp == 0x0309 || cp == 0x0323 || cp == 0x031B || cp == 0x0306 ||
        cp == 0x0302 || cp == 0x0111 || cp == 0x0110)
      vietnamese = true;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) latin = true;
  }
  if (vietnamese) return "vi";
  return latin ? "en" : "vi";
}

bool isPlaceholderAnswer(const std::string& answer) {
  std::string lower;
  for (char c : answer) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  const auto first = lower.find_first_not_of(" \t");
  const auto last = lower.find_last_not_of(" \t.");
  if (first == std::string::npos) return false;
  return lower.substr(first, last - first + 1) == "your answer";
}

}  // namespace vimoe::data::detail
