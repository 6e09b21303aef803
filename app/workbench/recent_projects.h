// The File > Recent projects list, newest first, kept in QSettings.
#pragma once

#include <QStringList>

namespace vimoe::workbench {

inline constexpr int kMaxRecentProjects = 8;

QStringList recentProjects();
void addRecentProject(const QString& dir);  // moves an existing entry to the front

}  // namespace vimoe::workbench
