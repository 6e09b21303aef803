// One fixed qualitative palette for experts, shared by every routing view (patch overlay,
// token chips, path grid, legend), so "expert 3" is the same colour everywhere. Gates are drawn
// as opacity: a colour blended over what lies beneath it with alpha = gate.
#pragma once

#include <QColor>

namespace vimoe::widgets {

inline constexpr int kExpertPaletteSize = 16;

// Tableau-10 first (distinguishable, readable in both themes), then six darker or more
// saturated colours; beyond 16 experts the colours repeat and the drawn expert number decides.
QColor expertColor(int expert);
// `over` at opacity `alpha` (clamped to [0, 1]) on an opaque `under`, as QPainter composes it.
QColor blendOver(const QColor& under, const QColor& over, double alpha);
// Black or white, whichever reads better on `background`.
QColor readableTextOn(const QColor& background);

}  // namespace vimoe::widgets
