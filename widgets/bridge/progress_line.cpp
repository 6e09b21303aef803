#include "bridge/progress_line.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace vimoe::widgets {

std::optional<RunProgress> parseProgressLine(const QByteArray& line) {
  const QByteArray trimmed = line.trimmed();
  if (!trimmed.startsWith('{')) return std::nullopt;
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
  if (error.error != QJsonParseError::NoError || !doc.isObject()) return std::nullopt;
  const QJsonObject object = doc.object();
  if (!object.contains(QLatin1String("task")) || !object.contains(QLatin1String("done"))) return std::nullopt;
  RunProgress progress;
  progress.task = object.value(QLatin1String("task")).toString();
  progress.done = object.value(QLatin1String("done")).toInteger();
  progress.total = object.value(QLatin1String("total")).toInteger();
  progress.elapsedSeconds = object.value(QLatin1String("elapsed_s")).toDouble();
  progress.etaSeconds = object.value(QLatin1String("eta_s")).toDouble();
  progress.detail = object.value(QLatin1String("detail")).toString();
  return progress;
}

std::optional<int> parseExitLine(const QByteArray& line) {
  const QByteArray trimmed = line.trimmed();
  if (!trimmed.startsWith("{\"exit_code\"")) return std::nullopt;
  const QJsonObject object = QJsonDocument::fromJson(trimmed).object();
  const QJsonValue code = object.value(QLatin1String("exit_code"));
  if (!code.isDouble()) return std::nullopt;
  return code.toInt();
}

QString formatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("?");
  const auto total = static_cast<qint64>(std::llround(seconds));
  const qint64 h = total / 3600, m = (total % 3600) / 60, s = total % 60;
  const QChar zero(QLatin1Char('0'));
  if (h > 0) return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, zero).arg(s, 2, 10, zero);
  return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, zero);
}

}  // namespace vimoe::widgets
