// Augmentations that respect the language. A horizontal flip turns the left of the picture
// into the right, so "trái" and "phải" swap in captions, questions and answers; where the
// picture holds text or a clock face, a flip would make the text mirrored and the time wrong,
// so it is not applied at all.
#pragma once

#include <string>

#include "vimoe/data/sample.h"

namespace vimoe::data {

// Swaps "trái" <-> "phải" where they name a direction, i.e. after "bên", "phía", "tay",
// "góc trên" ...: "bên trái" -> "bên phải", while "trái cây", "có phải" and "trải" stay.
// NFC or NFD input; output NFC.
std::string swapLeftRight(const std::string& text);

// False for scene text and clocks: the text_signs and digits_clocks domains, questions of
// type "ocr" or "time", and the scene-text formats (vitextvqa, viocrvqa).
bool flipAllowed(const Sample& sample, const std::string& format = "");

// True when `text` names a direction ("bên trái", "tay phải"): mirroring the image would make
// it wrong unless the text is swapped too (training batches hold tokenised text, so they leave
// such images unflipped instead).
bool namesLeftOrRight(const std::string& text);

// The sample as seen in the mirrored image: captions, questions and answers with left and
// right swapped.
Sample flippedText(const Sample& sample);

}  // namespace vimoe::data
