// One fixed qualitative palette for experts, shared by every routing view (patch overlay,
// token chips, path grid, legend), so "expert 3" is the same colour everywhere. Gates are drawn
// as opacity: a colour blended over what lies beneath it, faint where the router was undecided.
#pragma once

#include <QColor>

namespace vimoe::widgets {

inline constexpr int kExpertPaletteSize = 16;

// Tableau-10 first (distinguishable, readable in both themes), then six darker or more
// saturated colours; beyond 16 experts the colours repeat and the drawn expert number decides.
QColor expertColor(int expert);
// `over` at opacity `alpha` (clamped to [0, 1]) on an opaque `under`, as QPainter composes it.
QColor blendOver(const QColor& under, const QColor& over, double alpha);
// The opacity a top-1 gate is drawn with: 1/E (the router could not decide; a top-1 gate is
// never below it) -> kMinGateOpacity, 1 (certain) -> opaque, linear between. Not the raw gate:
// routers early in training sit near 1/E, and colours at 25% opacity would hide the routing.
// experts <= 0 (not known): the raw gate, clamped to [0, 1].
inline constexpr double kMinGateOpacity = 0.4;
double gateOpacity(double gate, int experts);

// Black or white, whichever reads better on `background`.
QColor readableTextOn(const QColor& background);

}  // namespace vimoe::widgets
