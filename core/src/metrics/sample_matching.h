// Pairs predictions with references by id for both tasks, with one set of error messages:
// every id on both sides exactly once, or an error that names the offending id.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe::metrics::detail {

// For each reference (in order), the index of the prediction with its id.
Expected<std::vector<std::size_t>> matchPredictions(const std::vector<std::string>& predictionIds,
                                                    const std::vector<std::string>& referenceIds);

}  // namespace vimoe::metrics::detail
