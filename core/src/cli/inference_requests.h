// The demo's questions to a loaded model, answered as JSON: what `vimoe caption | ask |
// retrieve --json` print, and what `vimoe serve` returns per request. The model (and a
// retrieval gallery's embeddings) are loaded once by the caller and reused.
#pragma once

#include <torch/torch.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vimoe/cli/verbs.h"
#include "vimoe/eval/trained_model.h"
#include "vimoe/util/expected.h"

namespace vimoe::cli {

// [{"image", "caption", "routing"?}, ...] for the images (decoded already, as the model takes them).
nlohmann::ordered_json captionImages(eval::DownstreamModel& loaded, const std::vector<std::string>& images,
                                     const torch::Tensor& pixels, const GenerationCliOptions& generation, bool withRouting);

// {"image", "question", "answer", "candidates"? (classifier), "routing"?}
Expected<nlohmann::ordered_json> askQuestion(eval::DownstreamModel& loaded, const std::string& image,
                                             const std::string& question, int top, const GenerationCliOptions& generation,
                                             bool withRouting);

// Images to search, a caption to show beside each, and their embeddings (computed once).
struct Gallery {
  std::vector<std::string> paths;
  std::vector<std::string> captions;
  torch::Tensor embeddings;  // [N, D], normalised as the model's image embeddings are
};

// A folder's image files, or (imagesDir empty) the validation split of the checkpoint's project.
Expected<Gallery> loadGallery(eval::ContrastiveModel& loaded, const std::string& imagesDir);

// [{"rank", "image", "similarity", "caption"}, ...], or with routing
// {"query", "results": [...], "routing": the query's routing through the text tower}.
Expected<nlohmann::ordered_json> retrieveImages(eval::ContrastiveModel& loaded, const Gallery& gallery, const std::string& query,
                                                int top, bool withRouting);

}  // namespace vimoe::cli
