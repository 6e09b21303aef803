#include "data/sample_grid_model.h"

#include <QPainter>

#include <algorithm>

#include "data/thumbnail_loader.h"

namespace vimoe::widgets {
namespace {

QString firstCaption(const BrowserSample& sample) {
  if (!sample.captions.empty()) return QString::fromStdString(sample.captions.front());
  if (!sample.qa.empty()) return QString::fromStdString(sample.qa.front().question);
  return QString::fromStdString(sample.imageId);
}

}  // namespace

SampleGridModel::SampleGridModel(ThumbnailLoader* thumbnails, QObject* parent)
    : QAbstractListModel(parent), m_thumbnails(thumbnails), m_placeholder(thumbnails->side(), thumbnails->side()) {
  m_placeholder.fill(QColor(128, 128, 128, 60));
  connect(m_thumbnails, &ThumbnailLoader::thumbnailReady, this, &SampleGridModel::onThumbnailReady);
}

void SampleGridModel::setDataset(std::shared_ptr<const BrowserDataset> dataset) {
  beginResetModel();
  m_dataset = std::move(dataset);
  m_thumbnails->clear();
  m_filter = {};
  m_visible.clear();
  if (m_dataset) {
    m_visible.resize(m_dataset->samples.size());
    for (std::size_t i = 0; i < m_visible.size(); ++i) m_visible[i] = static_cast<int>(i);
  }
  endResetModel();
}

bool SampleGridModel::accepts(const BrowserSample& sample, const std::vector<std::string>& words) const {
  if (!m_filter.split.isEmpty() && QString::fromStdString(sample.split) != m_filter.split) return false;
  if (!m_filter.domain.isEmpty() && QString::fromStdString(sample.domain) != m_filter.domain) return false;
  if (!m_filter.questionType.isEmpty()) {
    const std::string type = m_filter.questionType.toStdString();
    if (std::none_of(sample.qa.begin(), sample.qa.end(), [&](const data::QaPair& qa) { return qa.type == type; }))
      return false;
  }
  return matchesSearch(sample, words);
}

void SampleGridModel::setFilter(const SampleFilter& filter) {
  beginResetModel();
  m_filter = filter;
  m_visible.clear();
  if (m_dataset) {
    const auto words = searchWords(filter.query.toStdString());
    for (std::size_t i = 0; i < m_dataset->samples.size(); ++i)
      if (accepts(m_dataset->samples[i], words)) m_visible.push_back(static_cast<int>(i));
  }
  endResetModel();
}

int SampleGridModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

int SampleGridModel::sampleAt(int row) const {
  return row >= 0 && row < static_cast<int>(m_visible.size()) ? m_visible[static_cast<std::size_t>(row)] : -1;
}

int SampleGridModel::rowOf(int sampleIndex) const {
  const auto it = std::lower_bound(m_visible.begin(), m_visible.end(), sampleIndex);  // m_visible is ascending
  return it != m_visible.end() && *it == sampleIndex ? static_cast<int>(it - m_visible.begin()) : -1;
}

const BrowserSample* SampleGridModel::sample(int row) const {
  const int index = sampleAt(row);
  return index < 0 ? nullptr : &m_dataset->samples[static_cast<std::size_t>(index)];
}

QVariant SampleGridModel::data(const QModelIndex& index, int role) const {
  const BrowserSample* s = sample(index.row());
  if (!s) return {};
  switch (role) {
    case Qt::DisplayRole:
      return QString::fromStdString(s->imageId);
    case Qt::ToolTipRole:
      return firstCaption(*s);
    case Qt::DecorationRole: {
      const QPixmap pixmap = m_thumbnails->thumbnail(QString::fromStdString(s->imagePath));
      return pixmap.isNull() ? m_placeholder : pixmap;
    }
    case SampleIndexRole:
      return sampleAt(index.row());
    case ImagePathRole:
      return QString::fromStdString(s->imagePath);
    default:
      return {};
  }
}

void SampleGridModel::onThumbnailReady(const QString& path) {
  if (!m_dataset) return;
  const auto found = m_dataset->indexByPath.find(path.toStdString());
  if (found == m_dataset->indexByPath.end()) return;
  if (const int row = rowOf(found->second); row >= 0) {
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {Qt::DecorationRole});
  }
}

}  // namespace vimoe::widgets
