#include "cli_locator.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

namespace vimoe::workbench {

QString findVimoeCli() {
  const QString appDir = QCoreApplication::applicationDirPath();
  const QStringList candidates = {
      appDir + QStringLiteral("/../cli/vimoe"),  // build tree: app/workbench next to app/cli
      appDir + QStringLiteral("/vimoe"),         // installed side by side
      QStringLiteral(VIMOE_CLI_PATH),            // the build that produced this binary
  };
  for (const QString& candidate : candidates) {
    const QFileInfo info(candidate);
    if (info.isFile() && info.isExecutable()) return info.canonicalFilePath();
  }
  return QStringLiteral(VIMOE_CLI_PATH);
}

}  // namespace vimoe::workbench
