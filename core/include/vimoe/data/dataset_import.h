// Importers for the public Vietnamese image-text datasets, read exactly as published
// (REFERENCES.md section 3), into the one sample model of sample.h:
//   coco_captions  UIT-ViIC, KTVIC, the synthetic set: images[] {id, file_name}, annotations[] {image_id, caption}
//   vivqa          ViVQA: CSV ",question,answer,img_id,type" + COCO-2014 captions JSON mapping img_id -> file_name
//   openvivqa      OpenViVQA: images {"<id>": "<file>"}, annotations {"<qid>": {image_id, question, answer}}
//   evjvqa         UIT-EVJVQA: images[] {id, filename}, annotations[] {id, image_id, question, answer}
//   vitextvqa      ViTextVQA: same list layout with answers[] (test file: placeholder answers)
//   viocrvqa       ViOCRVQA: same list layout with answers[] ("your answer" in test.json)
// Every importer keeps the good records and reports each bad one (file, record, field); it
// fails with an Error only when the file cannot be read at all.
#pragma once

#include <string>
#include <vector>

#include "vimoe/data/sample.h"
#include "vimoe/text/vietnamese.h"
#include "vimoe/util/expected.h"

namespace vimoe::data {

// Canonical names above; "uitviic" and "ktvic" are accepted for coco_captions.
const std::vector<std::string>& datasetFormats();
// Canonical name for a name or alias; empty when unknown.
std::string canonicalFormat(const std::string& name);

struct ImportOptions {
  bool checkImagesExist = true;
  // Decode every image (and check that JPEG/PNG files are complete): slow, for validate.
  bool verifyImages = false;
  // Tone-mark placement all text is brought to (text/vietnamese.h); Keep leaves it as written.
  text::ToneStyle tone = text::ToneStyle::Traditional;
};

// A dataset as a project names it: format, root folder and split files.
struct DatasetSpec {
  std::string format;                   // empty: detect from the first file
  std::string root;                     // folder; files and imageDir are relative to it
  std::vector<std::string> files;       // annotation files (CSV for vivqa)
  std::string imageDir;                 // empty: root/images when it exists, else root
  std::vector<std::string> imageIndex;  // vivqa: COCO-2014 captions JSON files that map img_id
};

// Reads a dataset spec JSON: {"format", "root", "files": [...], "image_dir", "image_index": [...]};
// relative roots are taken from the spec file's folder.
Expected<DatasetSpec> loadDatasetSpec(const std::string& specFile);

// The format of one annotation file from its content (and, to break ties between identical
// layouts, its path). Error naming the candidates when it stays ambiguous or unknown.
Expected<std::string> detectFormat(const std::string& file);

Expected<Dataset> importCocoCaptions(const std::string& file, const std::string& imageDir,
                                     const ImportOptions& options);
Expected<Dataset> importViVqa(const std::string& csvFile, const std::vector<std::string>& imageIndexFiles,
                              const std::string& imageDir, const ImportOptions& options);
Expected<Dataset> importOpenViVqa(const std::string& file, const std::string& imageDir, const ImportOptions& options);
// evjvqa, vitextvqa, viocrvqa (and the synthetic VQA files, which use the same layout).
Expected<Dataset> importVqaList(const std::string& file, const std::string& format, const std::string& imageDir,
                                const ImportOptions& options);

// Every file of the spec through its importer, merged. Files that cannot be read become
// problems; Error only when no file could be read.
Expected<Dataset> importDataset(const DatasetSpec& spec, const ImportOptions& options);

}  // namespace vimoe::data
