#include "data/dataset_loading.h"

#include <QDir>
#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "vimoe/data/validate.h"

namespace vimoe::widgets {
namespace {

// One image per sample with all its captions and questions, so the core's statistics count
// images once even when captions and questions came from different files.
data::Dataset asCoreDataset(const BrowserDataset& browser) {
  data::Dataset out;
  out.samples.reserve(browser.samples.size());
  for (const auto& sample : browser.samples) {
    data::Sample s;
    s.imageId = sample.imageId;
    s.imagePath = sample.imagePath;
    s.domain = sample.domain;
    s.captions = sample.captions;
    s.qa = sample.qa;
    out.samples.push_back(std::move(s));
  }
  return out;
}

}  // namespace

LoadedBrowserData loadBrowserData(const QStringList& paths) {
  QElapsedTimer timer;
  timer.start();
  LoadedBrowserData out;
  std::vector<data::Dataset> datasets;
  QStringList failures;
  data::ValidateOptions options;
  options.verifyImages = false;
  for (const QString& path : paths) {
    auto loaded = data::validateDatasetPath(path.toStdString(), options);
    if (loaded)
      datasets.push_back(std::move(*loaded));
    else
      failures << QString::fromStdString(loaded.error().message);
  }
  out.error = failures.join(QLatin1Char('\n'));
  if (!datasets.empty()) {
    auto browser = std::make_shared<BrowserDataset>(buildBrowserDataset(datasets));
    linkProblemsToSamples(*browser);
    out.stats = data::computeStats(asCoreDataset(*browser));
    out.dataset = std::move(browser);
  }
  out.seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
  return out;
}

QFuture<LoadedBrowserData> loadBrowserDataAsync(const QStringList& paths) {
  return QtConcurrent::run([paths] { return loadBrowserData(paths); });
}

QStringList projectDatasetSpecs(const QString& projectDir) {
  const QDir dir(QDir(projectDir).filePath(QStringLiteral("datasets")));
  QStringList specs;
  for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
    specs << dir.absoluteFilePath(name);
  return specs;
}

}  // namespace vimoe::widgets
