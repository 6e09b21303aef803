// The command line of a CLI process as the log panel shows it: arguments with spaces quoted.
// Shared by RunLauncher (child processes) and JobLauncher (detached jobs).
#pragma once

#include <QString>
#include <QStringList>

namespace vimoe::widgets {

inline QString displayCommandLine(const QString& program, const QStringList& arguments) {
  const auto quoted = [](const QString& arg) {
    return arg.contains(QLatin1Char(' ')) ? QLatin1Char('"') + arg + QLatin1Char('"') : arg;
  };
  QString line = quoted(program);
  for (const QString& arg : arguments) line += QLatin1Char(' ') + quoted(arg);
  return line;
}

}  // namespace vimoe::widgets
