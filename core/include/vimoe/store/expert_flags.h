// When an expert counts as dead or overloaded, in one place for the trainer's scalars and the
// workbench's highlighting. `share` is the expert's fraction of the layer's routed assignments
// (1/E when balanced). REFERENCES.md section 1: dead = under 1% of the fair share.
#pragma once

namespace vimoe::store {

inline bool isDeadExpert(double share, int experts) { return share < 0.01 / experts; }
// Twice its fair share: with capacity factor 1.25 such an expert certainly drops tokens.
inline bool isOverloadedExpert(double share, int experts) { return share > 2.0 / experts; }

}  // namespace vimoe::store
