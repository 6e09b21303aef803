// RealSpinBox: a QDoubleSpinBox for hyperparameters that span many orders of magnitude
// (lr 3e-4, eps 1e-8, capacity 1.25). It shows the shortest text that reads back as the value
// ("0.001", "1e-08") instead of a fixed number of decimals, accepts scientific notation when
// typed, and steps by one decimal order below the value (1e-3 -> 1.1e-3).
//
// Numbers use '.' whatever the UI language, as the JSON files and the papers do.
#pragma once

#include <QDoubleSpinBox>

namespace vimoe::widgets {

class RealSpinBox : public QDoubleSpinBox {
  Q_OBJECT

 public:
  explicit RealSpinBox(QWidget* parent = nullptr);

  QString textFromValue(double value) const override;
  double valueFromText(const QString& text) const override;
  QValidator::State validate(QString& text, int& pos) const override;
  void fixup(QString& text) const override;

 private:
  QString stripAffixes(const QString& text) const;
};

}  // namespace vimoe::widgets
