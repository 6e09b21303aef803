#include "recent_projects.h"

#include <QDir>
#include <QSettings>

namespace vimoe::workbench {
namespace {

const QString kKey = QStringLiteral("recentProjects");

}  // namespace

QStringList recentProjects() {
  return QSettings().value(kKey).toStringList();
}

void addRecentProject(const QString& dir) {
  const QString clean = QDir::cleanPath(dir);
  QStringList list = recentProjects();
  list.removeAll(clean);
  list.prepend(clean);
  while (list.size() > kMaxRecentProjects) list.removeLast();
  QSettings().setValue(kKey, list);
}

}  // namespace vimoe::workbench
