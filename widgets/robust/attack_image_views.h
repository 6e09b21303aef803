// The small image views of the attack example viewer.
//
// PixelImageView: an attack image (the model's input size, e.g. 32 x 32) scaled up with
// nearest-neighbour sampling to the largest square that fits, so the perturbation's pixels stay
// crisp and are not smeared by interpolation.
//
// ChangedPatchesView: the routing patch overlay (PatchOverlayView: image + patch grid coloured by
// top-1 expert) with the patches whose expert changed under the attack outlined.
#pragma once

#include <QImage>
#include <QVector>
#include <QWidget>

#include "routing/patch_overlay_view.h"

namespace vimoe::widgets {

class PixelImageView : public QWidget {
  Q_OBJECT

 public:
  explicit PixelImageView(QWidget* parent = nullptr);

  void setImage(const QImage& image);  // null: a neutral square with "no image"
  const QImage& image() const { return m_image; }
  QRect imageRect() const;

  QSize sizeHint() const override { return {200, 200}; }
  QSize minimumSizeHint() const override { return {96, 96}; }
  bool hasHeightForWidth() const override { return true; }
  int heightForWidth(int width) const override { return width; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QImage m_image;
};

class ChangedPatchesView : public PatchOverlayView {
  Q_OBJECT

 public:
  static QColor outlineColor() { return QColor(255, 255, 255); }

  explicit ChangedPatchesView(QWidget* parent = nullptr);

  // One flag per patch, row-major; the outlined ones.
  void setChanged(const QVector<bool>& changed);
  const QVector<bool>& changed() const { return m_changed; }

  QSize sizeHint() const override { return {200, 200}; }
  QSize minimumSizeHint() const override { return {96, 96}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QVector<bool> m_changed;
};

}  // namespace vimoe::widgets
