// Redraw cost of CurvePlot on long runs, with and without min/max downsampling: a replot of
// 1M points (one series, then two), a replot after a pan (the sample is recomputed), and a live
// update (append 100 points to each series, then the coalesced replot that follows the data,
// as every 40 ms during a run). Medians of `repeats`; offscreen unless QT_QPA_PLATFORM is set.
// Four set-ups: the plot as it was (every point to QCustomPlot, joined polylines), each of the
// two changes alone, and both (CurvePlot's default).
//   vimoe_bench_curve_plot [points=1000000] [repeats=10]
#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "plot/curve_plot.h"
#include "plot/qcp.h"

namespace {

using vimoe::widgets::CurvePlot;

double medianMs(int repeats, const std::function<void(int)>& work) {
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    QElapsedTimer timer;
    timer.start();
    work(r);
    times.push_back(timer.nsecsElapsed() / 1e6);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// A decaying loss with noise and a spike every ~100k steps.
void lossCurve(int first, int count, std::uint32_t seed, QVector<double>& steps, QVector<double>& values) {
  steps.resize(count);
  values.resize(count);
  for (int i = 0; i < count; ++i) {
    seed = seed * 1664525u + 1013904223u;
    const int step = first + i;
    steps[i] = step;
    values[i] = 0.3 + 2.0 * std::exp(-step / 200000.0) + 0.1 * ((seed >> 8) / double(1 << 24) - 0.5) +
                (step % 99991 == 0 ? 3.0 : 0.0);
  }
}

struct Figures {
  double load = 0;        // setSeriesPoints for every series, then the first replot
  double replot = 0;      // QCustomPlot::replot, nothing changed
  double pan = 0;         // x-range shifted, then replot (re-sampling included)
  double liveAppend = 0;  // appendPoints(100) per series + replotNow (follows the data)
  int graphPoints = 0;    // what the first series' graph holds
};

struct Setup {
  const char* name;
  bool downsampling;
  bool fastPolylines;
};

Figures measure(int seriesCount, int points, int repeats, const Setup& setup) {
  CurvePlot plot;
  plot.resize(1200, 700);
  plot.show();
  QCoreApplication::processEvents();
  plot.setDownsampling(setup.downsampling);
  plot.customPlot()->setPlottingHint(QCP::phFastPolylines, setup.fastPolylines);
  std::vector<QVector<double>> steps(seriesCount), values(seriesCount);
  for (int s = 0; s < seriesCount; ++s) {
    lossCurve(1, points, 17u + s, steps[s], values[s]);
    plot.addSeries(s + 1, QStringLiteral("run %1").arg(s + 1));
  }
  QCustomPlot* qcp = plot.customPlot();
  Figures f;
  QElapsedTimer timer;
  timer.start();
  for (int s = 0; s < seriesCount; ++s) plot.setSeriesPoints(s + 1, steps[s], values[s]);
  plot.replotNow();
  qcp->replot(QCustomPlot::rpImmediateRefresh);
  f.load = timer.nsecsElapsed() / 1e6;

  f.replot = medianMs(repeats, [&](int) { qcp->replot(QCustomPlot::rpImmediateRefresh); });
  const QCPRange full = qcp->xAxis->range();
  f.pan = medianMs(repeats, [&](int r) {
    qcp->xAxis->setRange(full.lower + (r + 1) * 0.001 * full.size(), full.upper + (r + 1) * 0.001 * full.size());
    qcp->replot(QCustomPlot::rpImmediateRefresh);
  });
  qcp->xAxis->setRange(full);
  int next = points + 1;
  QVector<double> newSteps, newValues;
  f.liveAppend = medianMs(repeats, [&](int) {
    for (int s = 0; s < seriesCount; ++s) {
      lossCurve(next, 100, 99u + s, newSteps, newValues);
      plot.appendPoints(s + 1, newSteps, newValues);
    }
    next += 100;
    plot.replotNow();
    qcp->repaint();
  });
  f.graphPoints = plot.graphPointCount(1);
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  const int points = argc > 1 ? std::atoi(argv[1]) : 1000000;
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 10;
  std::printf("CurvePlot 1200x700, %d points per series, median of %d (ms)\n", points, repeats);
  std::printf("%-7s %-22s %9s %9s %11s %14s %10s\n", "series", "set-up", "load", "replot", "pan+replot",
              "append100+rep", "graph pts");
  const Setup setups[] = {{"before (all points)", false, false},
                          {"fast polylines only", false, true},
                          {"downsampling only", true, false},
                          {"both (default)", true, true}};
  for (int seriesCount : {1, 2}) {
    std::vector<Figures> figures;
    for (const Setup& setup : setups) {
      figures.push_back(measure(seriesCount, points, repeats, setup));
      const Figures& f = figures.back();
      std::printf("%-7d %-22s %9.2f %9.2f %11.2f %14.2f %10d\n", seriesCount, setup.name, f.load, f.replot, f.pan,
                  f.liveAppend, f.graphPoints);
    }
    const Figures& before = figures.front();
    for (std::size_t i = 1; i < figures.size(); ++i) {
      const Figures& f = figures[i];
      std::printf("%-7d %-22s %8.1fx %8.1fx %10.1fx %13.1fx   (speed-up over before)\n", seriesCount, setups[i].name,
                  before.load / f.load, before.replot / f.replot, before.pan / f.pan, before.liveAppend / f.liveAppend);
    }
  }
  return 0;
}
