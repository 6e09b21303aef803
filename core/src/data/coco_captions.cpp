// loadCocoCaptions: every bad record becomes a DataProblem naming file, record and field;
// the good records load. Images are checked first, then annotations attach captions.
#include "vimoe/data/coco_captions.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>

#include "data/record_checks.h"
#include "data/tolerant_json.h"
#include "vimoe/text/unicode.h"

namespace vimoe::data {
namespace {

using detail::escapesRoot;
using detail::ProblemLog;
using detail::recordName;
using detail::TextFields;

namespace fs = std::filesystem;
using nlohmann::json;

std::string typeName(const json& value) {
  return value.type_name();
}

// Integer ids only: 3.0 or "3" are rejected, since a silently converted id can join the
// wrong image to a caption.
bool readId(const json& record, const char* field, std::int64_t& id, std::string& problem) {
  const auto it = record.find(field);
  if (it == record.end()) {
    problem = std::string("missing '") + field + "'";
    return false;
  }
  if (const auto literal = detail::numberTooLarge(*it)) {
    problem = detail::numberTooLargeMessage(field, *literal) + "; ids must be integers";
    return false;
  }
  if (it->is_number_integer() && !(it->is_number_unsigned() && it->get<std::uint64_t>() > INT64_MAX)) {
    id = it->get<std::int64_t>();
    return true;
  }
  problem = std::string("'") + field + "' must be an integer, got " + typeName(*it) + " " + it->dump();
  return false;
}

class Loader {
 public:
  Loader(std::string file, std::string imageDir, bool checkImagesExist)
      : m_imageDir(std::move(imageDir)),
        m_checkImagesExist(checkImagesExist),
        m_log(file, m_dataset.problems),
        m_text(m_log) {
    m_dataset.annotationFile = std::move(file);
  }

  void readImages(const json& images) {
    for (std::size_t i = 0; i < images.size(); ++i) readImage(images[i], i);
  }

  void readAnnotations(const json& root) {
    const auto it = root.find("annotations");
    if (it == root.end() || !it->is_array()) {
      problem(ProblemKind::Malformed, "annotations", "annotations",
              it == root.end() ? "missing 'annotations' array: no captions" : "'annotations' must be an array");
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) readAnnotation((*it)[i], recordName("annotations", i));
  }

  CaptionDataset finish() {
    for (auto& [index, image] : m_images) {
      if (image.captions.empty()) {
        problem(ProblemKind::UnusedImage, recordName("images", index), "id",
                "no annotation refers to image " + std::to_string(image.id) + "; skipped");
        continue;
      }
      m_dataset.images.push_back(std::move(image));
    }
    m_text.finish();
    return std::move(m_dataset);
  }

 private:
  void problem(ProblemKind kind, const std::string& record, const std::string& field, const std::string& message) {
    m_log.add(kind, record, field, message);
  }
  void problem(const std::string& record, const std::string& field, const std::string& message) {
    m_log.add(ProblemKind::Malformed, record, field, message);
  }

  void readImage(const json& record, std::size_t index) {
    const std::string name = recordName("images", index);
    if (!record.is_object()) return problem(name, "", "must be an object, got " + typeName(record));
    CaptionImage image;
    image.recordIndex = index;
    std::string why;
    if (!readId(record, "id", image.id, why)) return problem(name, "id", why);

    const auto fileName = record.find("file_name");
    if (fileName == record.end()) {
      // UIT-EVJVQA and ViOCRVQA spell it 'filename'; a COCO-captions file must not.
      return problem(
          name, "file_name",
          record.contains("filename")
              ? "missing 'file_name' (the record has 'filename', the VQA spelling; COCO captions use 'file_name')"
              : "missing 'file_name'");
    }
    if (!fileName->is_string() || fileName->get_ref<const std::string&>().empty()) {
      return problem(name, "file_name", "'file_name' must be a non-empty string, got " + fileName->dump());
    }
    image.fileName = fileName->get<std::string>();
    if (const long bad = detail::invalidUtf8Offset(image.fileName); bad >= 0) {
      return problem(ProblemKind::InvalidUtf8, name, "file_name",
                     "invalid UTF-8 at byte offset " + std::to_string(bad));
    }
    if (escapesRoot(image.fileName)) {
      return problem(ProblemKind::EscapingPath, name, "file_name",
                     "'" + image.fileName + "' leaves the image directory (absolute or '..'); rejected");
    }
    if (const auto seen = m_idToIndex.find(image.id); seen != m_idToIndex.end()) {
      return problem(
          ProblemKind::DuplicateId, name, "id",
          "duplicate image id " + std::to_string(image.id) + " (first at " + recordName("images", seen->second) + ")");
    }
    // Known from here on, so its captions are not reported again as dangling if it is
    // skipped below for a missing file.
    m_idToIndex.emplace(image.id, index);
    if (const auto domain = record.find("domain"); domain != record.end()) {
      if (!domain->is_string()) {
        m_skippedIds.insert(image.id);
        return problem(name, "domain", "'domain' must be a string, got " + typeName(*domain));
      }
      image.domain = domain->get<std::string>();
    }
    image.imagePath = (fs::path(m_imageDir) / image.fileName).string();
    if (m_checkImagesExist) {
      std::error_code ec;
      if (!fs::is_regular_file(image.imagePath, ec)) {
        m_skippedIds.insert(image.id);
        return problem(ProblemKind::MissingImage, name, "file_name", "image file not found: " + image.imagePath);
      }
    }
    m_images.emplace(index, std::move(image));
  }

  void readAnnotation(const json& record, const std::string& name) {
    if (!record.is_object()) return problem(name, "", "must be an object, got " + typeName(record));
    std::int64_t imageId = 0;
    std::string why;
    if (!readId(record, "image_id", imageId, why)) return problem(name, "image_id", why);
    const auto known = m_idToIndex.find(imageId);
    if (known == m_idToIndex.end()) {
      return problem(ProblemKind::DanglingImageId, name, "image_id",
                     "image_id " + std::to_string(imageId) + " matches no image in images[]");
    }
    if (m_skippedIds.count(imageId) != 0) return;  // its image's problem is already reported
    // Caption ids are optional here, but when given COCO makes them unique: a repeat is usually a
    // record pasted twice. Reported; the caption still loads (nothing is dropped on a guess).
    if (const auto id = record.find("id"); id != record.end() && id->is_number_integer()) {
      const auto [seen, first] = m_annotationIds.emplace(id->get<std::int64_t>(), name);
      if (!first)
        problem(ProblemKind::DuplicateId, name, "id",
                "duplicate annotation id " + std::to_string(seen->first) + " (first at " + seen->second + "); the caption is kept");
    }

    const auto caption = record.find("caption");
    if (caption == record.end()) return problem(name, "caption", "missing 'caption'");
    if (!caption->is_string()) return problem(name, "caption", "'caption' must be a string, got " + typeName(*caption));
    auto text = m_text.take(caption->get_ref<const std::string&>(), name, "caption");
    if (!text) return;
    m_images.at(known->second).captions.push_back(std::move(*text));
  }

  std::string m_imageDir;
  bool m_checkImagesExist;
  CaptionDataset m_dataset;
  ProblemLog m_log;
  TextFields m_text;
  std::map<std::size_t, CaptionImage> m_images;     // by record index: keeps file order
  std::map<std::int64_t, std::size_t> m_idToIndex;  // image id -> record index
  std::set<std::int64_t> m_skippedIds;              // valid ids whose image file is missing
  std::map<std::int64_t, std::string> m_annotationIds;  // caption id -> its first record
};

}  // namespace

Expected<CaptionDataset> loadCocoCaptions(const std::string& annotationFile, const std::string& imageDir,
                                          bool checkImagesExist) {
  auto root = detail::readJsonTolerant(annotationFile);
  if (!root.ok()) return root.error();
  if (!root->is_object())
    return Error::at(annotationFile, "top level must be an object with images[] and annotations[]");
  const auto images = root->find("images");
  if (images == root->end() || !images->is_array()) {
    return Error::at(annotationFile,
                     "no 'images' array: not a COCO-captions file (OpenViVQA keys images by id: "
                     "convert it first)");
  }
  Loader loader(annotationFile, imageDir, checkImagesExist);
  loader.readImages(*images);
  loader.readAnnotations(*root);
  return loader.finish();
}

}  // namespace vimoe::data
