// Vietnamese caption templates for synthetic scenes: paraphrases that all name the count,
// shape and colour, and most of them the size, position and background.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/synthetic_scene.h"

namespace vimoe::data::detail {

int syntheticTemplateCount();

// `count` distinct captions (capped at syntheticTemplateCount()), NFC, templates picked by
// a deterministic shuffle from (seed, index).
std::vector<std::string> captionScene(const SceneLayout& layout, std::uint64_t seed, std::int64_t index, int count);

}  // namespace vimoe::data::detail
