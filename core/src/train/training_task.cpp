#include "vimoe/train/training_task.h"

namespace vimoe::train {

void dropRows(TaskBatch& batch, const std::vector<std::int64_t>& positions) {
  if (positions.empty()) return;
  auto keep = torch::ones({batch.size()}, torch::kBool);
  for (const auto p : positions) keep[p] = false;
  const auto rows = keep.nonzero().squeeze(1);
  for (torch::Tensor* t : {&batch.pixels, &batch.ids, &batch.answerStart, &batch.answerClass, &batch.mirrorable})
    if (t->defined()) *t = t->index_select(0, rows);
}

}  // namespace vimoe::train
