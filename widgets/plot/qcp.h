// The one place that includes QCustomPlot. Its header uses the `signals` and `foreach`
// keywords, which this build switches off (QT_NO_KEYWORDS, because LibTorch headers use the
// identifier `slots`, pytorch#19405). Map them to the Q_ macros for this header only.
#pragma once

#include <QtGlobal>

#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef foreach
