// The test classes of vimoe_widgets_tests. Each test file defines one QObject test class and a
// factory for it; main.cpp runs one class (by name) or all of them.
#pragma once

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

namespace vimoe::test_support {

struct TestClass {
  const char* name;
  std::function<std::unique_ptr<QObject>()> make;
};

std::unique_ptr<QObject> makeProgressLineTest();
std::unique_ptr<QObject> makeRunLauncherTest();
std::unique_ptr<QObject> makeStorePollerTest();
std::unique_ptr<QObject> makeCurvePlotTest();
std::unique_ptr<QObject> makeMinMaxDownsampleTest();
std::unique_ptr<QObject> makeRunsModelTest();
std::unique_ptr<QObject> makeExpertShareGridTest();
std::unique_ptr<QObject> makeWorkbenchProjectTest();
std::unique_ptr<QObject> makeRunControllerTest();
std::unique_ptr<QObject> makeMainWindowTest();
std::unique_ptr<QObject> makeDataBrowserTest();
std::unique_ptr<QObject> makeRunEditsTest();
std::unique_ptr<QObject> makeDemoPanelTest();
std::unique_ptr<QObject> makeExperimentEditorTest();
std::unique_ptr<QObject> makeRoutingInspectorTest();
std::unique_ptr<QObject> makeExpertViewsTest();
std::unique_ptr<QObject> makeRobustnessPanelTest();
std::unique_ptr<QObject> makeCompressionPanelTest();
std::unique_ptr<QObject> makeDetachedRunsTest();
std::unique_ptr<QObject> makeJobLauncherTest();
std::unique_ptr<QObject> makeImportDialogTest();

inline std::vector<TestClass> allTestClasses() {
  return {{"ProgressLineTest", makeProgressLineTest},       {"RunLauncherTest", makeRunLauncherTest},
          {"StorePollerTest", makeStorePollerTest},         {"CurvePlotTest", makeCurvePlotTest},
          {"RunsModelTest", makeRunsModelTest},             {"ExpertShareGridTest", makeExpertShareGridTest},
          {"WorkbenchProjectTest", makeWorkbenchProjectTest}, {"RunControllerTest", makeRunControllerTest},
          {"MainWindowTest", makeMainWindowTest},
          {"MinMaxDownsampleTest", makeMinMaxDownsampleTest},
          {"DataBrowserTest", makeDataBrowserTest},         {"RunEditsTest", makeRunEditsTest},         {"DemoPanelTest", makeDemoPanelTest},
          {"ExperimentEditorTest", makeExperimentEditorTest}, {"RoutingInspectorTest", makeRoutingInspectorTest},
          {"ExpertViewsTest", makeExpertViewsTest},         {"RobustnessPanelTest", makeRobustnessPanelTest},
          {"CompressionPanelTest", makeCompressionPanelTest}, {"DetachedRunsTest", makeDetachedRunsTest},
          {"JobLauncherTest", makeJobLauncherTest},         {"ImportDialogTest", makeImportDialogTest}};
}

}  // namespace vimoe::test_support
