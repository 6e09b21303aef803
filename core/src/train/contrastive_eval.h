// Held-out evaluation of a contrastive model: CLIP loss on the images' first captions and
// retrieval recall in both directions over every caption.
#pragma once

#include <map>
#include <string>

#include "vimoe/model/clip_model.h"
#include "vimoe/train/contrastive_data.h"

namespace vimoe::train {

std::map<std::string, double> evaluateContrastive(model::ClipModel& model, const ContrastiveSplit& split, int batchSize);

}  // namespace vimoe::train
