// Loading a project folder for the workbench: name, store path, the studies of the Run menu,
// and a precise message for a folder that is not a project.
#include <QTemporaryDir>
#include <QTest>

#include "support/demo_project.h"
#include "support/test_registry.h"
#include "vimoe/store/run_store.h"
#include "workbench_project.h"

namespace vimoe::workbench {
namespace {

class WorkbenchProjectTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void loadsTheDemoProject() {
    test_support::DemoProject demo(false);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    const auto project = loadWorkbenchProject(demo.dir());
    QVERIFY2(project.ok(), project.ok() ? "" : project.error().message.c_str());
    QCOMPARE(project->name, QString::fromLatin1(test_support::DemoProject::kProjectName));
    QCOMPARE(project->storePath, demo.storePath());
    QCOMPARE(project->studies.size(), 3);  // dense-vs-moe first: the Run menu's default
    QCOMPARE(project->studies[0].name, QStringLiteral("dense-vs-moe"));
    QVERIFY(project->studies[0].file.endsWith(QStringLiteral("/studies/dense-vs-moe.json")));
    // Opening the project created its store, so the read-only panels can open it.
    QVERIFY(store::RunStore::open(project->storePath.toStdString(), store::RunStore::Mode::ReadOnly).ok());
  }

  void explainsAFolderWithoutAProject() {
    QTemporaryDir empty;
    const auto project = loadWorkbenchProject(empty.path());
    QVERIFY(!project.ok());
    const QString message = QString::fromStdString(project.error().message);
    QVERIFY2(message.contains(QStringLiteral("vimoe-project.json")), qPrintable(message));
    QVERIFY2(message.contains(empty.path()), qPrintable(message));
  }
};

}  // namespace
}  // namespace vimoe::workbench

std::unique_ptr<QObject> vimoe::test_support::makeWorkbenchProjectTest() {
  return std::make_unique<vimoe::workbench::WorkbenchProjectTest>();
}

#include "workbench_project_test.moc"
