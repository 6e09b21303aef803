#include "panel_tour.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QPixmap>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

#include "bridge/store_poller.h"
#include "demo/demo_panel.h"
#include "main_window.h"
#include "runs/runs_panel.h"

namespace vimoe::workbench {
namespace {

constexpr int kGiveUpMs = 20000;  // a project without a store is still worth pictures

class PanelTour : public QObject {
 public:
  PanelTour(MainWindow& window, QString outDir, int settleMs)
      : QObject(&window), m_window(window), m_dir(std::move(outDir)), m_settleMs(settleMs) {
    QDir().mkpath(m_dir);
  }

  void start() {
    connect(m_window.poller(), &widgets::StorePoller::runsChanged, this, [this](const QVector<widgets::RunSummary>& runs) {
      if (runs.isEmpty() || m_started) return;
      QVector<qint64> ids;
      for (const auto& run : runs) ids << run.id;
      m_window.runsPanel()->selectRuns(ids);
      begin();
    });
    QTimer::singleShot(kGiveUpMs, this, [this] { begin(); });
  }

 private:
  void begin() {
    if (m_started) return;
    m_started = true;
    QTimer::singleShot(m_settleMs, this, [this] { shootDocks(); });
  }

  void save(const QPixmap& pixmap, const QString& name) {
    const QString path = QDir(m_dir).filePath(name);
    const bool saved = pixmap.save(path);
    std::fprintf(stderr, "%s %s (%dx%d)\n", saved ? "saved" : "could not save", qPrintable(path), pixmap.width(), pixmap.height());
    m_failures += saved ? 0 : 1;
  }

  void shootDocks() {
    save(m_window.grab(), QStringLiteral("workbench.png"));
    m_docks = m_window.findChildren<QDockWidget*>();
    next();
  }

  // One dock at a time: raise it, let it paint its data, save it.
  void next() {
    if (m_docks.isEmpty()) return demo();
    QDockWidget* dock = m_docks.takeFirst();
    if (dock->objectName() == QStringLiteral("demoDock") || dock->objectName() == QStringLiteral("logDock")) return next();
    dock->show();
    dock->raise();
    QTimer::singleShot(m_settleMs, this, [this, dock] {
      save(dock->widget()->grab(), QStringLiteral("panel-%1.png").arg(dock->objectName().chopped(4)));
      next();
    });
  }

  void demo() {
    auto* dock = m_window.findChild<QDockWidget*>(QStringLiteral("demoDock"));
    widgets::DemoPanel* panel = m_window.demoPanel();
    const QString image = demoImage();
    if (!dock || !panel || image.isEmpty()) return finish();
    dock->raise();
    panel->setImage(image);
    // Caption, then a question, then a query; any failure still ends in a picture.
    auto steps = std::make_shared<QList<std::function<bool()>>>();
    *steps << [panel] { return panel->caption(); } << [panel] { return panel->ask(QStringLiteral("Hình trong ảnh màu gì?")); }
           << [panel] { return panel->retrieve(QStringLiteral("hình tròn màu đỏ")); };
    auto advance = std::make_shared<std::function<void()>>();
    *advance = [this, steps, advance, dock] {
      while (!steps->isEmpty())
        if (steps->takeFirst()()) return;  // the next answer calls advance again
      QTimer::singleShot(m_settleMs, this, [this, dock] {
        save(dock->widget()->grab(), QStringLiteral("panel-demo.png"));
        finish();
      });
    };
    connect(panel, &widgets::DemoPanel::answered, this, [advance] { (*advance)(); });
    connect(panel, &widgets::DemoPanel::failed, this, [advance] { (*advance)(); });
    (*advance)();
  }

  QString demoImage() const {
    if (!m_window.project()) return {};
    const QDir dir(m_window.project()->dir);
    for (const char* candidate : {"data/synthetic/images/val/000001.png", "data/synthetic-smoke/images/val/000001.png"})
      if (QFile::exists(dir.filePath(QLatin1String(candidate)))) return dir.filePath(QLatin1String(candidate));
    return {};
  }

  void finish() { QApplication::exit(m_failures == 0 ? 0 : 1); }

  MainWindow& m_window;
  QString m_dir;
  int m_settleMs;
  bool m_started = false;
  int m_failures = 0;
  QList<QDockWidget*> m_docks;
};

}  // namespace

void startPanelTour(MainWindow& window, const QString& outDir, int settleMs) {
  (new PanelTour(window, outDir, settleMs))->start();
}

}  // namespace vimoe::workbench
