// The files of `vimoe score`: predictions and references as JSON lists, read with messages that
// name the file, the record (counted from 0, as in a JSON path) and the field; and the scores
// written back as JSON.
//
//   caption predictions  [{"id": "img1", "text": "một con mèo"}]
//   caption references   [{"id": "img1", "texts": ["con mèo nằm trên bàn", "..."]}]
//   VQA predictions      [{"id": 7, "answer": "màu đỏ"}]            ("text" also accepted)
//   VQA references       [{"id": 7, "answers": ["đỏ"], "type": "color"}]
//                        ("texts" or a single "answer" string also accepted; "type" optional)
// An id may be a string or a number (7 and "7" are the same id). Other fields are ignored, so a
// dataset's own records (questions, image paths) can be passed as they are.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "vimoe/metrics/caption_metrics.h"
#include "vimoe/metrics/vqa_metrics.h"
#include "vimoe/util/expected.h"

namespace vimoe::metrics {

Expected<std::vector<CaptionPrediction>> readCaptionPredictions(const std::string& path);
Expected<std::vector<CaptionReferences>> readCaptionReferences(const std::string& path);
Expected<std::vector<VqaPrediction>> readVqaPredictions(const std::string& path);
Expected<std::vector<VqaReference>> readVqaReferences(const std::string& path);

// Keys in a fixed, readable order; "per_sample" only when asked for (it is as long as the split).
nlohmann::ordered_json captionScoresJson(const CaptionScores& scores, bool perSample);
nlohmann::ordered_json vqaScoresJson(const VqaScores& scores, bool perSample);

}  // namespace vimoe::metrics
