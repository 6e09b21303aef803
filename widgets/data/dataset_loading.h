// Loading a dataset for the browser off the GUI thread: every path (a dataset spec, an
// annotation file or a folder, as `vimoe data validate` takes them) through the core's
// importers, merged per image, with the statistics the browser plots. Images are checked to
// exist but not decoded: that is the thumbnail loader's job, for the rows on screen only.
#pragma once

#include <QFuture>
#include <QString>
#include <QStringList>

#include <memory>

#include "data/browser_samples.h"
#include "vimoe/data/dataset_stats.h"

namespace vimoe::widgets {

struct LoadedBrowserData {
  std::shared_ptr<const BrowserDataset> dataset;  // null when nothing could be read
  data::DatasetStats stats;
  QString error;       // why nothing could be read, or files that failed (one per line)
  double seconds = 0;  // wall time of the load
};

// Synchronous; safe on any thread.
LoadedBrowserData loadBrowserData(const QStringList& paths);
QFuture<LoadedBrowserData> loadBrowserDataAsync(const QStringList& paths);

// The dataset specs a project lists in its datasets/ folder (sorted), absolute.
QStringList projectDatasetSpecs(const QString& projectDir);

}  // namespace vimoe::widgets
