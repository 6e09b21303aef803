// Which validation images form a run's probe set (the images whose routing is snapshotted).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vimoe::train {

// With labels, round-robin over the classes (sorted) and evenly spread within each, so every
// class is represented whatever order the split has (a regular stride over a split that
// cycles through four domains would pick one domain only); without labels, evenly spread.
// At most `count` indices, never more than `labels.size()`.
std::vector<std::int64_t> probeIndices(const std::vector<std::string>& labels, int count);

}  // namespace vimoe::train
