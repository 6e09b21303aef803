// OpenViVQA (vlsp2023_{train,dev,test}_data.json): both images and annotations are objects
// keyed by id, not lists: images {"<image_id>": "<file name>"}, annotations {"<qid>":
// {image_id, question, answer}}. Records are named by key: annotations["4031"].
#include "data/formats/vqa_builder.h"
#include "data/tolerant_json.h"
#include "vimoe/data/dataset_import.h"

namespace vimoe::data {

Expected<Dataset> importOpenViVqa(const std::string& file, const std::string& imageDir, const ImportOptions& options) {
  auto root = detail::readJsonTolerant(file);
  if (!root) return root.error();
  if (!root->is_object()) return Error::at(file, "top level must be an object with 'images' and 'annotations'");
  const auto images = root->find("images");
  const auto annotations = root->find("annotations");
  if (images == root->end() || !images->is_object())
    return Error::at(file,
                     images != root->end() && images->is_array()
                         ? "'images' is a list: this is a list layout (evjvqa, vitextvqa, viocrvqa or coco_captions)"
                         : "no 'images' object keyed by image id");
  if (annotations == root->end() || !annotations->is_object())
    return Error::at(file, "no 'annotations' object keyed by question id");

  Dataset out;
  out.format = "openvivqa";
  out.files.push_back(file);
  detail::VqaBuilder builder(file, imageDir, options, out);
  for (auto it = images->begin(); it != images->end(); ++it) {
    const std::string record = detail::keyedRecordName("images", it.key());
    if (!it.value().is_string()) {
      builder.log().add(ProblemKind::Malformed, record, "",
                        std::string("file name must be a string, got ") + it.value().type_name());
      continue;
    }
    builder.addImage(record, it.key(), it.value().get<std::string>(), "");
  }
  for (auto it = annotations->begin(); it != annotations->end(); ++it) {
    detail::RawQuestion q;
    q.record = detail::keyedRecordName("annotations", it.key());
    q.id = it.key();
    q.language = "vi";
    const auto& a = it.value();
    if (!a.is_object()) {
      builder.log().add(ProblemKind::Malformed, q.record, "", std::string("must be an object, got ") + a.type_name());
      continue;
    }
    std::string why;
    if (!detail::readKey(a, "image_id", q.imageKey, why)) {
      builder.log().add(ProblemKind::Malformed, q.record, "image_id", why);
      continue;
    }
    const auto question = a.find("question");
    const auto answer = a.find("answer");
    if (question == a.end() || !question->is_string()) {
      builder.log().add(ProblemKind::Malformed, q.record, "question",
                        question == a.end() ? "missing 'question'" : "'question' must be a string");
      continue;
    }
    if (answer == a.end() || !answer->is_string()) {
      builder.log().add(ProblemKind::Malformed, q.record, "answer",
                        answer == a.end() ? "missing 'answer'" : "'answer' must be a string");
      continue;
    }
    q.question = question->get<std::string>();
    q.answers.push_back(answer->get<std::string>());
    builder.addQuestion(std::move(q));
  }
  builder.finish();
  return out;
}

}  // namespace vimoe::data
