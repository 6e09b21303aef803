// SampleGridModel: the data browser's list model over a BrowserDataset, with the filters
// (split, domain, question type, search words) applied as a vector of visible rows. Thumbnails
// come from a ThumbnailLoader as they are painted, so a QListView in icon mode with uniform
// item sizes decodes only what is on screen.
#pragma once

#include <QAbstractListModel>
#include <QPixmap>
#include <QString>

#include <memory>
#include <vector>

#include "data/browser_samples.h"

namespace vimoe::widgets {

class ThumbnailLoader;

struct SampleFilter {
  QString split, domain, questionType;  // empty = any
  QString query;
};

class SampleGridModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role { SampleIndexRole = Qt::UserRole + 1, ImagePathRole };

  SampleGridModel(ThumbnailLoader* thumbnails, QObject* parent = nullptr);

  void setDataset(std::shared_ptr<const BrowserDataset> dataset);
  const BrowserDataset* dataset() const { return m_dataset.get(); }
  void setFilter(const SampleFilter& filter);
  const SampleFilter& filter() const { return m_filter; }

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;

  // Dataset index of a visible row, and the row of a dataset index (-1 when filtered out).
  int sampleAt(int row) const;
  int rowOf(int sampleIndex) const;
  const BrowserSample* sample(int row) const;

 private:
  void onThumbnailReady(const QString& path);
  bool accepts(const BrowserSample& sample, const std::vector<std::string>& words) const;

  ThumbnailLoader* m_thumbnails;
  std::shared_ptr<const BrowserDataset> m_dataset;
  SampleFilter m_filter;
  std::vector<int> m_visible;  // ascending dataset indices
  QPixmap m_placeholder;
};

}  // namespace vimoe::widgets
