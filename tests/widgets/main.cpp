// Runs the widget test classes: `vimoe_widgets_tests [ClassName] [QtTest options]`.
#include <QApplication>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstring>
#include <vector>

#include "support/test_registry.h"

int main(int argc, char** argv) {
  // Offscreen unless told otherwise, so the tests run the same on a desktop and in CI.
  if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("ViMoE-tests"));
  QApplication::setApplicationName(QStringLiteral("WidgetsTests"));
  // Window layout, theme and recent projects must not leak from a user's settings, or between runs.
  QTemporaryDir settingsDir;
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());

  const char* only = nullptr;
  std::vector<char*> args(argv, argv + argc);
  if (argc > 1 && argv[1][0] != '-') {
    only = argv[1];
    args.erase(args.begin() + 1);
  }
  int failures = 0;
  bool ran = false;
  for (const auto& testClass : vimoe::test_support::allTestClasses()) {
    if (only && std::strcmp(only, testClass.name) != 0) continue;
    ran = true;
    auto test = testClass.make();
    failures += QTest::qExec(test.get(), static_cast<int>(args.size()), args.data());
  }
  if (!ran) {
    std::fprintf(stderr, "no test class named %s\n", only);
    return 2;
  }
  return failures == 0 ? 0 : 1;
}
