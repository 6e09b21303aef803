#include "experiment/real_spin_box.h"

#include <QLocale>

namespace vimoe::widgets {
namespace {

// Enough decimals for eps = 1e-12; QDoubleSpinBox rounds every value it holds to these.
constexpr int kDecimals = 12;
// Significant digits shown: more than any hand-written hyperparameter, fewer than float noise.
constexpr int kShownDigits = 10;

// Text that may still become a number as the user goes on typing ("1e", "-", "2.").
bool isNumberPrefix(const QString& text) {
  if (text.isEmpty() || text == QLatin1String("-") || text == QLatin1String("+") || text == QLatin1String("."))
    return true;
  const QChar last = text.back();
  return last == QLatin1Char('e') || last == QLatin1Char('E') || last == QLatin1Char('.') ||
         ((last == QLatin1Char('-') || last == QLatin1Char('+')) && text.size() > 1 &&
          (text.at(text.size() - 2) == QLatin1Char('e') || text.at(text.size() - 2) == QLatin1Char('E')));
}

}  // namespace

RealSpinBox::RealSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
  setDecimals(kDecimals);
  setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
  setKeyboardTracking(true);
  setAccelerated(true);
  setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
}

QString RealSpinBox::textFromValue(double value) const {
  return QString::number(value, 'g', kShownDigits);
}

double RealSpinBox::valueFromText(const QString& text) const {
  const QString body = stripAffixes(text);
  if (!specialValueText().isEmpty() && text == specialValueText()) return minimum();
  bool ok = false;
  const double value = QLocale::c().toDouble(body, &ok);
  return ok ? value : this->value();
}

QValidator::State RealSpinBox::validate(QString& text, int& /*pos*/) const {
  if (!specialValueText().isEmpty() && text == specialValueText()) return QValidator::Acceptable;
  const QString body = stripAffixes(text);
  bool ok = false;
  const double value = QLocale::c().toDouble(body, &ok);
  if (!ok) return isNumberPrefix(body) ? QValidator::Intermediate : QValidator::Invalid;
  // Out of range may still be on its way to a valid number (typing 0.0 on the way to 0.05).
  return value >= minimum() && value <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

void RealSpinBox::fixup(QString& text) const {
  text = prefix() + textFromValue(value()) + suffix();
}

QString RealSpinBox::stripAffixes(const QString& text) const {
  QString body = text;
  if (!prefix().isEmpty() && body.startsWith(prefix())) body.remove(0, prefix().size());
  if (!suffix().isEmpty() && body.endsWith(suffix())) body.chop(suffix().size());
  return body.trimmed();
}

}  // namespace vimoe::widgets
