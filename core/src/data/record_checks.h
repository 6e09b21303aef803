// Checks shared by every importer, so a caption in COCO and a question in ViVQA are judged
// by the same rules and reported in the same words.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vimoe/data/data_problem.h"
#include "vimoe/text/vietnamese.h"

namespace vimoe::data::detail {

std::string recordName(const char* array, std::size_t index);
std::string keyedRecordName(const char* object, const std::string& key);  // annotations["4031"]

// True when a file name would leave the dataset root: absolute, or any '..' component.
bool escapesRoot(const std::string& fileName);

// An id that may be an integer or a non-empty string (OpenViVQA keys, string ids in some
// copies); returned in its decimal / literal spelling. Floats and other types are rejected.
bool readKey(const nlohmann::json& record, const char* field, std::string& key, std::string& why);

// Collects problems for one annotation file.
class ProblemLog {
 public:
  ProblemLog(std::string file, std::vector<DataProblem>& sink) : m_file(std::move(file)), m_sink(sink) {}
  void add(ProblemKind kind, const std::string& record, const std::string& field, const std::string& message) {
    m_sink.push_back({m_file, record, field, message, kind});
  }
  const std::string& file() const { return m_file; }

 private:
  std::string m_file;
  std::vector<DataProblem>& m_sink;
};

// Validates and NFC-normalises text fields of one file, and remembers which ones arrived
// decomposed: a file that mixes NFC and NFD is reported once per NFD field at finish(),
// since it shows a copy stitched together from differently processed sources.
class TextFields {
 public:
  // Text also gets one tone-mark placement (hòa/hoà), so the same word always matches.
  explicit TextFields(ProblemLog& log, text::ToneStyle tone = text::ToneStyle::Traditional)
      : m_log(log), m_tone(tone) {}
  // nullopt (with a problem logged) for invalid UTF-8 or, unless allowEmpty, blank text.
  std::optional<std::string> take(const std::string& raw, const std::string& record, const std::string& field,
                                  bool allowEmpty = false);
  void finish();

 private:
  ProblemLog& m_log;
  text::ToneStyle m_tone;
  std::vector<std::pair<std::string, std::string>> m_decomposed;  // (record, field)
  bool m_sawComposed = false;
};

}  // namespace vimoe::data::detail
