// What the workbench promises about responsiveness, measured offscreen (figures, no asserts):
//   1. start-up: from main() to the window shown with the project's runs listed;
//   2. a live run writing 100 steps a second (train/loss, lr, expert load every 10 steps) from
//      its own store connection, as a training child does, while the window follows its curve:
//      a 1 ms watchdog timer on the GUI thread reports the worst and 99th-percentile gap;
//   3. the data browser at 100,000 samples: showing them, refiltering on a search, and
//      scrolling the thumbnail grid a page every 16 ms from top to bottom, with the watchdog.
// Usage: vimoe_bench_workbench [--seconds N] [--samples N] [--images N]
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QImage>
#include <QListView>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>

#include "bridge/store_poller.h"
#include "compare/curves_panel.h"
#include "data/data_browser_panel.h"
#include "data/sample_grid_model.h"
#include "data/thumbnail_loader.h"
#include "main_window.h"
#include "runs/runs_model.h"
#include "vimoe/store/run_store.h"
#include "vimoe/text/vietnamese.h"

namespace {

using vimoe::store::RunStore;

// Gaps between ticks of a 1 ms timer on the GUI thread: anything long means the thread was busy.
class Watchdog {
 public:
  Watchdog() {
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
      const double now = double(m_clock.nsecsElapsed()) * 1e-6;
      if (m_last >= 0) {
        m_gaps.push_back(now - m_last);
        if (now - m_last > m_worst) m_worst = now - m_last, m_worstAt = m_last;
      }
      m_last = now;
    });
  }
  void start() {
    m_gaps.clear();
    m_worst = 0;
    m_last = -1;
    m_clock.start();
    m_timer.start();
  }
  void stop() { m_timer.stop(); }
  double worst() const { return m_gaps.empty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end()); }
  double percentile(double p) const {
    if (m_gaps.empty()) return 0;
    std::vector<double> sorted = m_gaps;
    std::sort(sorted.begin(), sorted.end());
    return sorted[static_cast<std::size_t>(p * double(sorted.size() - 1))];
  }
  std::size_t ticks() const { return m_gaps.size(); }
  double worstAtMs() const { return m_worstAt; }  // when the worst gap began, from start()

 private:
  QTimer m_timer;
  QElapsedTimer m_clock;
  double m_last = -1;
  std::vector<double> m_gaps;
  double m_worst = 0, m_worstAt = 0;
};

void runEventLoopFor(int ms) {
  QEventLoop loop;
  QTimer::singleShot(ms, &loop, &QEventLoop::quit);
  loop.exec();
}

bool writeProject(const QString& dir, qint64& runId) {
  QFile file(QDir(dir).filePath(QStringLiteral("vimoe-project.json")));
  if (!file.open(QIODevice::WriteOnly)) return false;
  file.write(R"({"name": "responsiveness bench", "store": "vimoe.db"})");
  file.close();
  auto store = RunStore::open(QDir(dir).filePath(QStringLiteral("vimoe.db")).toStdString());
  if (!store) return false;
  vimoe::store::NewRun run;
  run.name = "live";
  run.totalSteps = 1000000;
  auto id = (*store)->createRun(run);
  if (!id) return false;
  runId = *id;
  (void)(*store)->setRunStatus(runId, vimoe::store::RunStatus::Running);
  (void)(*store)->setMoeLayers(runId, {"image.blocks.0", "image.blocks.1", "text.blocks.0", "text.blocks.1"});
  return true;
}

// The training child's writes: one transaction per step, 100 a second.
void writeSteps(const QString& storePath, qint64 runId, std::atomic<bool>& stop, std::atomic<long>& written) {
  auto store = RunStore::open(storePath.toStdString());
  if (!store) return;
  auto next = std::chrono::steady_clock::now();
  for (std::int64_t step = 1; !stop; ++step) {
    (void)(*store)->logScalars(runId, step, {{"train/loss", 4.0 * std::exp(-double(step) / 3000.0) + 0.5}, {"train/lr", 1e-3}});
    (void)(*store)->setRunProgress(runId, step);
    if (step % 10 == 0) {
      std::vector<vimoe::store::ExpertLoadRow> rows;
      for (int layer = 0; layer < 4; ++layer)
        for (int e = 0; e < 4; ++e) {
          vimoe::store::ExpertLoadRow r;
          r.layer = layer;
          r.step = step;
          r.expert = e;
          r.fraction = 0.25;
          rows.push_back(r);
        }
      (void)(*store)->logExpertLoad(runId, rows);
    }
    ++written;
    next += std::chrono::milliseconds(10);
    std::this_thread::sleep_until(next);
  }
}

std::shared_ptr<vimoe::widgets::BrowserDataset> makeLargeDataset(const QString& imageDir, int samples, int images) {
  QDir().mkpath(imageDir);
  std::vector<std::string> paths;
  for (int i = 0; i < images; ++i) {
    QImage image(64, 64, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((i * 37) % 360, 200, 220));
    const QString path = QDir(imageDir).filePath(QStringLiteral("%1.png").arg(i, 6, 10, QLatin1Char('0')));
    image.save(path);
    paths.push_back(path.toStdString());
  }
  const char* colours[] = {"đỏ", "xanh lá", "vàng", "tím", "cam"};
  const char* shapes[] = {"hình tròn", "hình vuông", "tam giác", "ngôi sao"};
  auto dataset = std::make_shared<vimoe::widgets::BrowserDataset>();
  dataset->samples.reserve(static_cast<std::size_t>(samples));
  for (int i = 0; i < samples; ++i) {
    vimoe::widgets::BrowserSample s;
    // Distinct paths for the first `images` samples, then the same files under other names via
    // "./": the cache and the decoder see 100,000 different paths, as with a real dataset.
    const std::string& file = paths[static_cast<std::size_t>(i % images)];
    const auto slash = file.rfind('/');
    s.imagePath = file.substr(0, slash) + std::string(static_cast<std::size_t>(i / images), '/') + "/" + file.substr(slash + 1);
    s.imageId = std::to_string(i);
    s.split = i % 10 == 0 ? "val" : "train";
    s.domain = "shapes";
    s.captions = {std::string("Một ") + shapes[i % 4] + " màu " + colours[i % 5] + " số " + std::to_string(i)};
    s.foldedText = vimoe::text::foldDiacritics(s.captions[0]);
    dataset->samples.push_back(std::move(s));
  }
  dataset->splits = {"train", "val"};
  dataset->domains = {"shapes"};
  vimoe::widgets::indexImagePaths(*dataset);
  return dataset;
}

}  // namespace

int main(int argc, char** argv) {
  QElapsedTimer startup;
  startup.start();
  if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  int seconds = 10, samples = 100000, images = 10000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--seconds")) seconds = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--samples")) samples = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--images")) images = std::atoi(argv[i + 1]);
  }
  QApplication app(argc, argv);
  QTemporaryDir settings, project;
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
  qint64 runId = 0;
  if (!writeProject(project.path(), runId)) {
    std::fprintf(stderr, "cannot write the bench project in %s\n", qPrintable(project.path()));
    return 1;
  }

  // 1. Start-up.
  vimoe::workbench::MainWindow window;
  window.resize(1600, 1000);
  window.show();
  (void)window.openProject(project.path());
  while (window.runsModel()->rowCount() < 1 && startup.elapsed() < 20000) QApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
  std::printf("start-up to a usable window (runs listed): %lld ms\n", static_cast<long long>(startup.elapsed()));

  // 2. A live run at 100 steps a second.
  window.curvesPanel()->setSelectedRuns({runId});
  Watchdog watchdog;
  std::atomic<bool> stop{false};
  std::atomic<long> written{0};
  std::thread writer(writeSteps, QDir(project.path()).filePath(QStringLiteral("vimoe.db")), runId, std::ref(stop), std::ref(written));
  watchdog.start();
  runEventLoopFor(seconds * 1000);
  watchdog.stop();
  stop = true;
  writer.join();
  std::printf("live run: %ld steps written in %d s (%.0f steps/s); GUI thread gaps over %zu ticks: worst %.1f ms (at %.0f ms), "
              "p99 %.2f ms, p50 %.2f ms\n",
              written.load(), seconds, double(written.load()) / seconds, watchdog.ticks(), watchdog.worst(),
              watchdog.worstAtMs(), watchdog.percentile(0.99), watchdog.percentile(0.5));

  // 3. The data browser at `samples` samples.
  auto* browser = window.dataBrowserPanel();
  vimoe::widgets::LoadedBrowserData data;
  QElapsedTimer build;
  build.start();
  data.dataset = makeLargeDataset(QDir(project.path()).filePath(QStringLiteral("images")), samples, images);
  std::printf("data browser: %d samples over %d image files built in %.1f s\n", samples, images, build.elapsed() / 1000.0);
  window.findChild<QDockWidget*>(QStringLiteral("dataDock"))->raise();
  watchdog.start();
  runEventLoopFor(50);  // the watchdog ticks before the first call, so that call's block is a measured gap
  QElapsedTimer show;
  show.start();
  browser->showData(data);
  const double showMs = double(show.nsecsElapsed()) * 1e-6;
  QElapsedTimer search;
  search.start();
  browser->setSearchText(QStringLiteral("tron mau do"));
  const double searchMs = double(search.nsecsElapsed()) * 1e-6;
  const int hits = browser->model()->rowCount();
  const double showWorst = watchdog.worst();
  browser->setSearchText(QString());
  runEventLoopFor(300);
  QScrollBar* bar = browser->grid()->verticalScrollBar();
  const int decodedBefore = browser->thumbnails()->decodedCount();
  QElapsedTimer scroll;
  scroll.start();
  while (bar->value() < bar->maximum()) {
    bar->setValue(bar->value() + bar->pageStep());
    runEventLoopFor(16);
  }
  runEventLoopFor(500);
  watchdog.stop();
  std::printf("data browser: showing %d samples took %.1f ms, then a search over them %.1f ms (%d hits): worst GUI gap "
              "%.1f ms\n",
              samples, showMs, searchMs, hits, showWorst);
  std::printf("data browser: scrolled %d px in %.1f s, %d thumbnails decoded; GUI thread gaps over the whole phase: worst "
              "%.1f ms, p99 %.2f ms\n",
              bar->maximum(), scroll.elapsed() / 1000.0, browser->thumbnails()->decodedCount() - decodedBefore,
              watchdog.worst(), watchdog.percentile(0.99));
  return 0;
}
