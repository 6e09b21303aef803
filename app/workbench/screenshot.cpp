#include "screenshot.h"

#include <QApplication>
#include <QPixmap>
#include <QTimer>

#include <cstdio>
#include <memory>

#include "bridge/store_poller.h"
#include "main_window.h"
#include "runs/runs_model.h"
#include "runs/runs_panel.h"

namespace vimoe::workbench {
namespace {

constexpr int kGiveUpMs = 15000;  // a project without a store is still worth a picture

void grabAndQuit(MainWindow* window, const QString& path) {
  const QPixmap pixmap = window->grab();
  const bool saved = pixmap.save(path);
  std::fprintf(stderr, "%s %s (%dx%d)\n", saved ? "saved" : "could not save", qPrintable(path), pixmap.width(),
               pixmap.height());
  QApplication::exit(saved ? 0 : 1);
}

}  // namespace

void takeScreenshotWhenLoaded(MainWindow& window, const QString& path, int settleMs) {
  auto done = std::make_shared<bool>(false);
  auto finish = [&window, path, settleMs, done] {
    if (*done) return;
    *done = true;
    QTimer::singleShot(settleMs, &window, [&window, path] { grabAndQuit(&window, path); });
  };
  QObject::connect(window.poller(), &widgets::StorePoller::runsChanged, &window,
                   [&window, finish](const QVector<widgets::RunSummary>& runs) {
                     if (runs.isEmpty()) return;
                     QVector<qint64> ids;
                     for (const auto& run : runs) ids << run.id;
                     window.runsPanel()->selectRuns(ids);
                     finish();
                   });
  QTimer::singleShot(kGiveUpMs, &window, finish);
}

}  // namespace vimoe::workbench
