// UIT-EVJVQA, ViTextVQA and ViOCRVQA share one layout: images[] {id, filename} and
// annotations[] {id, image_id, question, answer | answers[]}. The traps: 'filename' here vs
// 'file_name' in COCO, and 'answer' (string) vs 'answers' (list); both spellings are read,
// and the other spelling is named in the message when neither is present.
#include "data/formats/vqa_builder.h"
#include "data/tolerant_json.h"
#include "vimoe/data/dataset_import.h"

namespace vimoe::data {
namespace {

using nlohmann::json;

void readImages(const json& images, detail::VqaBuilder& builder) {
  for (std::size_t i = 0; i < images.size(); ++i) {
    const std::string record = detail::recordName("images", i);
    const json& image = images[i];
    if (!image.is_object()) {
      builder.log().add(ProblemKind::Malformed, record, "", std::string("must be an object, got ") + image.type_name());
      continue;
    }
    std::string key, why;
    if (!detail::readKey(image, "id", key, why)) {
      builder.log().add(ProblemKind::Malformed, record, "id", why);
      continue;
    }
    const char* field = image.contains("filename") ? "filename" : "file_name";
    const auto name = image.find(field);
    if (name == image.end()) {
      builder.log().add(ProblemKind::Malformed, record, "filename", "missing 'filename'");
      continue;
    }
    if (!name->is_string()) {
      builder.log().add(ProblemKind::Malformed, record, field,
                        std::string("'") + field + "' must be a string, got " + name->type_name());
      continue;
    }
    std::string domain;
    if (const auto d = image.find("domain"); d != image.end() && d->is_string()) domain = d->get<std::string>();
    builder.addImage(record, key, name->get<std::string>(), field, domain);
  }
}

// Reads answer or answers[] into q; false (with a problem) when neither is usable.
bool readAnswers(const json& record, detail::RawQuestion& q, detail::ProblemLog& log) {
  if (const auto list = record.find("answers"); list != record.end()) {
    q.answerField = "answers";
    if (!list->is_array()) {
      log.add(ProblemKind::Malformed, q.record, "answers",
              std::string("'answers' must be a list, got ") + list->type_name());
      return false;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (!(*list)[i].is_string()) {
        log.add(ProblemKind::Malformed, q.record, "answers[" + std::to_string(i) + "]", "answer must be a string");
        continue;
      }
      q.answers.push_back((*list)[i].get<std::string>());
    }
    if (q.answers.empty()) log.add(ProblemKind::EmptyText, q.record, "answers", "empty answers list");
    return !q.answers.empty();
  }
  const auto one = record.find("answer");
  if (one == record.end()) {
    log.add(ProblemKind::Malformed, q.record, "answer", "missing 'answer' (or 'answers' list)");
    return false;
  }
  if (!one->is_string()) {
    log.add(ProblemKind::Malformed, q.record, "answer",
            std::string("'answer' must be a string, got ") + one->type_name());
    return false;
  }
  q.answers.push_back(one->get<std::string>());
  return true;
}

void readAnnotations(const json& annotations, bool multilingual, detail::VqaBuilder& builder) {
  for (std::size_t i = 0; i < annotations.size(); ++i) {
    detail::RawQuestion q;
    q.record = detail::recordName("annotations", i);
    const json& a = annotations[i];
    if (!a.is_object()) {
      builder.log().add(ProblemKind::Malformed, q.record, "", std::string("must be an object, got ") + a.type_name());
      continue;
    }
    std::string why;
    if (a.contains("id") && !detail::readKey(a, "id", q.id, why)) {
      builder.log().add(ProblemKind::Malformed, q.record, "id", why);
      continue;
    }
    if (!detail::readKey(a, "image_id", q.imageKey, why)) {
      builder.log().add(ProblemKind::Malformed, q.record, "image_id", why);
      continue;
    }
    const auto question = a.find("question");
    if (question == a.end() || !question->is_string()) {
      builder.log().add(ProblemKind::Malformed, q.record, "question",
                        question == a.end() ? "missing 'question'" : "'question' must be a string");
      continue;
    }
    q.question = question->get<std::string>();
    if (!readAnswers(a, q, builder.log())) continue;
    if (const auto type = a.find("type"); type != a.end() && type->is_string()) q.type = type->get<std::string>();
    if (!multilingual) q.language = "vi";
    builder.addQuestion(std::move(q));
  }
}

}  // namespace

Expected<Dataset> importVqaList(const std::string& file, const std::string& format, const std::string& imageDir,
                                const ImportOptions& options) {
  auto root = detail::readJsonTolerant(file);
  if (!root) return root.error();
  if (!root->is_object()) return Error::at(file, "top level must be an object with images[] and annotations[]");
  const auto images = root->find("images");
  const auto annotations = root->find("annotations");
  if (images == root->end() || !images->is_array())
    return Error::at(file, images != root->end() && images->is_object()
                               ? "'images' is keyed by id: this is the OpenViVQA layout (use format openvivqa)"
                               : "no 'images' array");
  if (annotations == root->end() || !annotations->is_array()) return Error::at(file, "no 'annotations' array");
  Dataset out;
  out.format = format;
  out.files.push_back(file);
  detail::VqaBuilder builder(file, imageDir, options, out);
  readImages(*images, builder);
  readAnnotations(*annotations, format == "evjvqa", builder);
  builder.finish();
  return out;
}

}  // namespace vimoe::data
