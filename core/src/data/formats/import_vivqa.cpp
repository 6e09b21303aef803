// ViVQA: train.csv / test.csv with the pandas header ",question,answer,img_id,type" (the
// first, unnamed column is the row index) and COCO-2014 ids in img_id. The COCO-2014
// captions JSON files (captions_{train,val}2014.json) map img_id to file_name; only the
// images the CSV uses are looked up, so a partial COCO copy is fine. Records are CSV lines.
#include <filesystem>
#include <map>

#include "data/formats/csv_reader.h"
#include "data/formats/vqa_builder.h"
#include "data/tolerant_json.h"
#include "vimoe/data/dataset_import.h"
#include "vimoe/util/atomic_file.h"

namespace vimoe::data {
namespace {

namespace fs = std::filesystem;

struct IndexedImage {
  std::string fileName;
  std::string where;  // index file and record, for messages
};

Status readImageIndex(const std::string& file, std::map<std::string, IndexedImage>& index) {
  auto root = detail::readJsonTolerant(file);
  if (!root) return root.error();
  const auto images = root->is_object() ? root->find("images") : root->end();
  if (!root->is_object() || images == root->end() || !images->is_array())
    return Error::at(file, "not a COCO captions file: no images[] to map img_id to a file");
  for (std::size_t i = 0; i < images->size(); ++i) {
    const auto& image = (*images)[i];
    std::string key, why;
    if (!image.is_object() || !detail::readKey(image, "id", key, why)) continue;
    const auto name = image.find("file_name");
    if (name == image.end() || !name->is_string()) continue;
    index.emplace(key, IndexedImage{name->get<std::string>(), file + ": " + detail::recordName("images", i)});
  }
  return okStatus();
}

// COCO images often sit in train2014/ and val2014/ below the image folder.
std::string locate(const std::string& imageDir, const std::string& fileName) {
  std::error_code ec;
  if (fs::is_regular_file(fs::path(imageDir) / fileName, ec)) return fileName;
  for (const char* split : {"train2014", "val2014"}) {
    if (fileName.find(split) != std::string::npos && fs::is_regular_file(fs::path(imageDir) / split / fileName, ec))
      return std::string(split) + "/" + fileName;
  }
  return fileName;
}

// Mapping unverified (REFERENCES.md section 3): 0 object, 1 number, 2 color, 3 location.
std::string questionType(const std::string& code) {
  static const std::map<std::string, std::string> kTypes = {
      {"0", "object"}, {"1", "count"}, {"2", "colour"}, {"3", "position"}};
  const auto it = kTypes.find(code);
  return it == kTypes.end() ? std::string() : it->second;
}

int column(const std::vector<std::string>& header, const char* name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

}  // namespace

Expected<Dataset> importViVqa(const std::string& csvFile, const std::vector<std::string>& imageIndexFiles,
                              const std::string& imageDir, const ImportOptions& options) {
  auto text = readWholeFile(csvFile);
  if (!text) return text.error();
  auto rows = detail::parseCsv(*text, csvFile);
  if (!rows) return rows.error();
  if (rows->empty()) return Error::at(csvFile, "empty file: expected the header ,question,answer,img_id,type");
  const auto& header = rows->front().cells;
  const int idCol = header.empty() || !header[0].empty() ? -1 : 0;
  const int questionCol = column(header, "question"), answerCol = column(header, "answer");
  const int imageCol = column(header, "img_id"), typeCol = column(header, "type");
  if (questionCol < 0 || answerCol < 0 || imageCol < 0)
    return Error::at(csvFile + ":1",
                     "header must name question, answer and img_id (ViVQA: ,question,answer,img_id,type)");
  if (imageIndexFiles.empty())
    return Error::at(csvFile, "ViVQA needs the COCO-2014 captions JSON that maps img_id to a file (image_index)");

  std::map<std::string, IndexedImage> index;
  for (const std::string& file : imageIndexFiles) {
    if (auto read = readImageIndex(file, index); !read) return read.error();
  }

  Dataset out;
  out.format = "vivqa";
  out.files.push_back(csvFile);
  detail::VqaBuilder builder(csvFile, imageDir, options, out);
  std::map<std::string, bool> added;
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const detail::CsvRow& row = (*rows)[r];
    detail::RawQuestion q;
    q.record = "line " + std::to_string(row.line);
    if (row.cells.size() != header.size()) {
      builder.log().add(ProblemKind::Malformed, q.record, "",
                        std::to_string(row.cells.size()) + " cells, the header has " + std::to_string(header.size()));
      continue;
    }
    if (idCol >= 0) q.id = row.cells[std::size_t(idCol)];
    q.imageKey = row.cells[std::size_t(imageCol)];
    q.question = row.cells[std::size_t(questionCol)];
    q.answers.push_back(row.cells[std::size_t(answerCol)]);
    q.language = "vi";
    if (typeCol >= 0) {
      const std::string& code = row.cells[std::size_t(typeCol)];
      q.type = questionType(code);
      if (q.type.empty())
        builder.log().add(ProblemKind::Malformed, q.record, "type",
                          "unknown question type '" + code + "' (expected 0-3)");
    }
    const bool numeric = !q.imageKey.empty() && q.imageKey.find_first_not_of("0123456789") == std::string::npos;
    const auto found = numeric ? index.find(std::to_string(std::stoll(q.imageKey.substr(0, 18)))) : index.end();
    if (found == index.end()) {
      builder.log().add(ProblemKind::DanglingImageId, q.record, "img_id",
                        numeric ? "img_id " + q.imageKey + " is in none of the COCO-2014 index files"
                                : "img_id must be a COCO image number, got '" + q.imageKey + "'");
      continue;
    }
    q.imageKey = found->first;
    if (!added[q.imageKey]) {
      added[q.imageKey] = true;
      builder.addImage(q.record, q.imageKey, locate(imageDir, found->second.fileName), "img_id");
    }
    builder.addQuestion(std::move(q));
  }
  builder.finish();
  return out;
}

}  // namespace vimoe::data
