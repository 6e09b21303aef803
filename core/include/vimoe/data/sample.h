// The one sample model every importer produces: an image with its captions and its
// question-answer pairs. Captioning sets fill captions, VQA sets fill qa, the synthetic set
// fills both. All text is NFC; ids keep the spelling of the file (OpenViVQA keys are strings).
#pragma once

#include <string>
#include <vector>

#include "vimoe/data/data_problem.h"

namespace vimoe::data {

struct QaPair {
  std::string id;  // question id as written in the file; may be empty (CSV)
  std::string question;
  std::vector<std::string> answers;  // one or more reference answers
  std::string type;                  // "colour", "count", "shape", "position", "yes_no", "ocr", ...; empty if unknown
  std::string language = "vi";       // vi | en | ja (UIT-EVJVQA is multilingual)
  bool placeholder = false;          // answers are a published placeholder ("your answer"): never score
};

struct Sample {
  std::string imageId;    // as written in the file
  std::string fileName;   // as written, relative to the image directory
  std::string imagePath;  // resolved
  std::string domain;     // synthetic visual domain; empty for real datasets
  std::vector<std::string> captions;
  std::vector<QaPair> qa;
  std::string sourceFile;  // annotation file and record the image came from, for later problems
  std::string record;
  std::string fileField;  // field that named the image ("file_name", "filename", "img_id")
};

struct Dataset {
  std::string format;              // canonical format name (see dataset_import.h)
  std::vector<std::string> files;  // annotation files read
  std::vector<Sample> samples;     // only samples with a caption or a question
  std::vector<DataProblem> problems;

  std::size_t captionCount() const;
  std::size_t questionCount() const;
};

}  // namespace vimoe::data
