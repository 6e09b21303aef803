// The visual domains of the synthetic set. Each draws one image from (seed, index), writes
// captions from its own templates and question-answer pairs of the types it can answer:
//   shapes         coloured geometric shapes            colour, count, shape, position, yes_no
//   digits_clocks  a coloured number or an analog clock ocr, colour, count, time, yes_no
//   text_signs     shop signs and book covers (scene text)  ocr, colour, position, yes_no
//   textures       stripes, checks and dots             pattern, colour, yes_no
#pragma once

#include <cstdint>

#include "vimoe/data/synthetic_captions.h"

namespace vimoe::data::detail {

using DomainGenerator = SyntheticSample (*)(std::uint64_t seed, std::int64_t index, int imageSize, int captions,
                                            int questions);

SyntheticSample makeShapesSample(std::uint64_t seed, std::int64_t index, int imageSize, int captions, int questions);
SyntheticSample makeDigitsClocksSample(std::uint64_t seed, std::int64_t index, int imageSize, int captions,
                                       int questions);
SyntheticSample makeTextSignsSample(std::uint64_t seed, std::int64_t index, int imageSize, int captions, int questions);
SyntheticSample makeTexturesSample(std::uint64_t seed, std::int64_t index, int imageSize, int captions, int questions);

// Caption templates per domain, for the total the documentation promises (>= 40).
int digitsClocksTemplateCount();
int textSignsTemplateCount();
int texturesTemplateCount();

}  // namespace vimoe::data::detail
