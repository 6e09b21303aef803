// Format detection from content. Layouts that are identical (ViTextVQA and ViOCRVQA; UIT-ViIC
// and KTVIC, which both read as coco_captions) are told apart only by the path; when that does
// not settle it, the error lists the candidates and how to choose.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "data/formats/csv_reader.h"
#include "data/tolerant_json.h"
#include "vimoe/data/dataset_import.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::data {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

const nlohmann::json* firstObject(const nlohmann::json& list) {
  for (const auto& item : list)
    if (item.is_object()) return &item;
  return nullptr;
}

// info.generator == "vimoe". Not json::value("generator", ""): that throws type_error when a
// hand-made file has a generator of another type (found by the importers fuzz target).
bool isVimoeGenerated(const nlohmann::json& root) {
  const auto info = root.find("info");
  if (info == root.end() || !info->is_object()) return false;
  const auto generator = info->find("generator");
  return generator != info->end() && generator->is_string() && generator->get_ref<const std::string&>() == "vimoe";
}

Expected<std::string> detectJson(const std::string& file) {
  auto root = detail::readJsonTolerant(file);
  if (!root) return root.error();
  if (!root->is_object()) return Error::at(file, "not a dataset file: the top level is not an object");
  const auto images = root->find("images");
  const auto annotations = root->find("annotations");
  if (images == root->end() || annotations == root->end())
    return Error::at(file,
                     "not a dataset file: no 'images' and 'annotations' (known formats: coco_captions, vivqa, "
                     "openvivqa, evjvqa, vitextvqa, viocrvqa)");
  if (images->is_object() && annotations->is_object()) return std::string("openvivqa");
  if (!images->is_array() || !annotations->is_array())
    return Error::at(file, "'images' and 'annotations' must both be lists (COCO-style) or both objects (OpenViVQA)");
  const auto* a = firstObject(*annotations);
  if (a == nullptr) return std::string("coco_captions");  // empty: any list reader gives the same result
  if (a->contains("caption")) return std::string("coco_captions");
  if (!a->contains("question"))
    return Error::at(file, "annotations[] records have neither 'caption' nor 'question': unknown format");
  if (isVimoeGenerated(*root)) return std::string("synthetic_vqa");
  if (a->contains("answer") && !a->contains("answers")) return std::string("evjvqa");
  const std::string path = lower(file);
  const bool text = path.find("vitextvqa") != std::string::npos, ocr = path.find("viocrvqa") != std::string::npos;
  if (text != ocr) return std::string(text ? "vitextvqa" : "viocrvqa");
  return Error::at(file,
                   "ambiguous format: images[] + annotations[] with 'answers' lists is the layout of both "
                   "vitextvqa and viocrvqa (they read the same way); name it with --format vitextvqa or "
                   "--format viocrvqa, or \"format\" in the dataset spec");
}

}  // namespace

Expected<std::string> detectFormat(const std::string& file) {
  const std::string extension = lower(std::filesystem::path(file).extension().string());
  if (extension == ".csv") {
    auto text = readWholeFile(file);
    if (!text) return text.error();
    const std::string firstLine = text->substr(0, text->find('\n'));
    auto rows = detail::parseCsv(firstLine, file);
    if (rows && !rows->empty()) {
      const auto& h = rows->front().cells;
      auto has = [&](const char* name) { return std::find(h.begin(), h.end(), name) != h.end(); };
      if (has("question") && has("answer") && has("img_id")) return std::string("vivqa");
    }
    return Error::at(file, "unknown CSV layout: ViVQA's header is ,question,answer,img_id,type");
  }
  return detectJson(file);
}

}  // namespace vimoe::data
