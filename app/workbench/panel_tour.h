// The docs' pictures (`vimoe-workbench --screenshots DIR`): once the project's runs are listed
// and selected, every panel is brought to the front in turn and saved as DIR/panel-<name>.png,
// the whole window as DIR/workbench.png; the demo panel first captions, answers and retrieves
// for a validation image so its picture shows real answers. Then the application quits.
#pragma once

#include <QString>

namespace vimoe::workbench {

class MainWindow;

void startPanelTour(MainWindow& window, const QString& outDir, int settleMs = 1500);

}  // namespace vimoe::workbench
