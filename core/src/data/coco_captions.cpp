// loadCocoCaptions: every bad record becomes a DataProblem naming file, record and field;
// the good records load. Images are checked first, then annotations attach captions.
#include "vimoe/data/coco_captions.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>

#include "data/tolerant_json.h"
#include "vimoe/text/unicode.h"

namespace vimoe::data {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string typeName(const json& value) {
  return value.type_name();
}

std::string recordName(const char* array, std::size_t index) {
  return std::string(array) + "[" + std::to_string(index) + "]";
}

// Integer ids only: 3.0 or "3" are rejected, since a silently converted id can join the
// wrong image to a caption.
bool readId(const json& record, const char* field, std::int64_t& id, std::string& problem) {
  const auto it = record.find(field);
  if (it == record.end()) {
    problem = std::string("missing '") + field + "'";
    return false;
  }
  if (it->is_number_integer() && !(it->is_number_unsigned() && it->get<std::uint64_t>() > INT64_MAX)) {
    id = it->get<std::int64_t>();
    return true;
  }
  problem = std::string("'") + field + "' must be an integer, got " + typeName(*it) + " " + it->dump();
  return false;
}

// A file_name must stay under the image directory: absolute paths and '..' are rejected.
bool escapesRoot(const std::string& fileName) {
  if (fileName.front() == '/' || fileName.front() == '\\') return true;
  std::size_t start = 0;
  while (start <= fileName.size()) {
    std::size_t end = fileName.find_first_of("/\\", start);
    if (end == std::string::npos) end = fileName.size();
    if (fileName.compare(start, end - start, "..") == 0 && end - start == 2) return true;
    start = end + 1;
  }
  return false;
}

class Loader {
 public:
  Loader(std::string file, std::string imageDir, bool checkImagesExist)
      : m_imageDir(std::move(imageDir)), m_checkImagesExist(checkImagesExist) {
    m_dataset.annotationFile = std::move(file);
  }

  void readImages(const json& images) {
    for (std::size_t i = 0; i < images.size(); ++i) readImage(images[i], i);
  }

  void readAnnotations(const json& root) {
    const auto it = root.find("annotations");
    if (it == root.end() || !it->is_array()) {
      problem("annotations", "annotations",
              it == root.end() ? "missing 'annotations' array: no captions" : "'annotations' must be an array");
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) readAnnotation((*it)[i], recordName("annotations", i));
  }

  CaptionDataset finish() {
    for (auto& [index, image] : m_images) {
      if (image.captions.empty()) {
        problem(recordName("images", index), "id",
                "no annotation refers to image " + std::to_string(image.id) + "; skipped");
        continue;
      }
      m_dataset.images.push_back(std::move(image));
    }
    return std::move(m_dataset);
  }

 private:
  void problem(const std::string& record, const std::string& field, const std::string& message) {
    m_dataset.problems.push_back({m_dataset.annotationFile, record, field, message});
  }

  void readImage(const json& record, std::size_t index) {
    const std::string name = recordName("images", index);
    if (!record.is_object()) return problem(name, "", "must be an object, got " + typeName(record));
    CaptionImage image;
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
      return problem(name, "file_name", "invalid UTF-8 at byte offset " + std::to_string(bad));
    }
    if (escapesRoot(image.fileName)) {
      return problem(name, "file_name",
                     "'" + image.fileName + "' leaves the image directory (absolute or '..'); rejected");
    }
    if (const auto seen = m_idToIndex.find(image.id); seen != m_idToIndex.end()) {
      return problem(
          name, "id",
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
        return problem(name, "file_name", "image file not found: " + image.imagePath);
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
      return problem(name, "image_id", "image_id " + std::to_string(imageId) + " matches no image in images[]");
    }
    if (m_skippedIds.count(imageId) != 0) return;  // its image's problem is already reported

    const auto caption = record.find("caption");
    if (caption == record.end()) return problem(name, "caption", "missing 'caption'");
    if (!caption->is_string()) return problem(name, "caption", "'caption' must be a string, got " + typeName(*caption));
    const std::string& text = caption->get_ref<const std::string&>();
    if (const long bad = detail::invalidUtf8Offset(text); bad >= 0) {
      return problem(name, "caption", "invalid UTF-8 at byte offset " + std::to_string(bad));
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return problem(name, "caption", "empty caption");
    auto nfc = text::toNfc(text);
    if (!nfc.ok()) return problem(name, "caption", nfc.error().message);
    m_images.at(known->second).captions.push_back(std::move(*nfc));
  }

  std::string m_imageDir;
  bool m_checkImagesExist;
  CaptionDataset m_dataset;
  std::map<std::size_t, CaptionImage> m_images;     // by record index: keeps file order
  std::map<std::int64_t, std::size_t> m_idToIndex;  // image id -> record index
  std::set<std::int64_t> m_skippedIds;              // valid ids whose image file is missing
};

}  // namespace

std::string DataProblem::toString() const {
  std::string where = record;
  if (!field.empty()) where += (where.empty() ? "" : ".") + field;
  return file + ": " + (where.empty() ? "" : where + ": ") + message;
}

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
