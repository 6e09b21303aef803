// Batch screenshots for the docs (`vimoe-workbench --screenshot FILE`): once the project's runs
// are listed, select all of them so curves and expert load show, let the data arrive, grab the
// window, save it and quit.
#pragma once

#include <QString>

namespace vimoe::workbench {

class MainWindow;

void takeScreenshotWhenLoaded(MainWindow& window, const QString& path, int settleMs = 1500);

}  // namespace vimoe::workbench
