// The demo panel against models the real CLI trained: the downstream smoke study (contrastive,
// caption and VQA runs on a tiny synthetic set) in a copy of the demo project, then caption,
// ask and retrieve through the panel. Each answer must be exactly what the CLI prints for the
// same input, so the panel shows the model's output and nothing else; a bad image is a
// message naming the file, not a crash.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include "demo/demo_panel.h"
#include "demo/demo_routing_view.h"
#include "routing/patch_overlay_view.h"
#include "routing/token_chips_view.h"
#include "support/demo_project.h"
#include "support/test_registry.h"
#include "vimoe/store/run_store.h"

#include <algorithm>

namespace vimoe::widgets {
namespace {

const QString kCli = QStringLiteral(VIMOE_CLI_PATH_FOR_TESTS);

// Runs the CLI to completion; stdout, or a failure with its stderr.
QByteArray runCli(const QStringList& arguments, const QString& dir, int timeoutMs = 240000) {
  QProcess process;
  process.setWorkingDirectory(dir);
  process.start(kCli, arguments);
  if (!process.waitForFinished(timeoutMs) || process.exitCode() != 0) {
    qWarning("vimoe %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))), process.readAllStandardError().constData());
    return {};
  }
  return process.readAllStandardOutput();
}

class DemoPanelTest : public QObject {
  Q_OBJECT

  std::unique_ptr<test_support::DemoProject> m_demo;
  QString m_image;

 private Q_SLOTS:
  void initTestCase() {
    m_demo = std::make_unique<test_support::DemoProject>(false);
    QVERIFY2(m_demo->ok(), qPrintable(m_demo->error()));
    const QByteArray table = runCli({QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("study"),
                                     QDir(m_demo->dir()).filePath(QStringLiteral("studies/downstream-dense-vs-moe.json")),
                                     QStringLiteral("--smoke")},
                                    m_demo->dir());
    QVERIFY2(table.contains("caption-moe-e4"), table.constData());
    m_image = QDir(m_demo->dir()).filePath(QStringLiteral("data/synthetic-smoke/images/val/000001.png"));
    QVERIFY(QFile::exists(m_image));
  }

  void captionsAnImageAsTheCliDoes() {
    DemoPanel panel;
    panel.setCliPath(kCli);
    panel.setProject(m_demo->dir());
    panel.setImage(m_image);
    QSignalSpy answered(&panel, &DemoPanel::answered);
    QVERIFY(panel.caption());
    QVERIFY(panel.isBusy());
    QVERIFY(!panel.caption());  // one question at a time
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 1, 60000);
    const QJsonArray expected = QJsonDocument::fromJson(
        runCli({QStringLiteral("caption"), m_image, QStringLiteral("--checkpoint"), m_demo->dir(), QStringLiteral("--json")},
               m_demo->dir())).array();
    QCOMPARE(expected.size(), 1);
    const QString caption = expected.first().toObject().value(QStringLiteral("caption")).toString();
    QVERIFY(!caption.isEmpty());
    QCOMPARE(panel.captionText(), caption);
    QVERIFY(panel.statusText().contains(QStringLiteral("took")));
    // The model stays loaded: the second answer comes from the same server process, quickly.
    const qint64 server = panel.serverProcessId(DemoPanel::Task::Caption);
    QVERIFY(server > 0);
    QVERIFY(panel.caption());
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 2, 60000);
    QCOMPARE(panel.serverProcessId(DemoPanel::Task::Caption), server);
    QCOMPARE(panel.captionText(), caption);

    // The newest caption run is the smoke study's MoE captioner: its routing is drawn, patch
    // by patch and token by token, exactly as the CLI reported it.
    const QJsonObject routing = expected.first().toObject().value(QStringLiteral("routing")).toObject();
    const QJsonArray layers = routing.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 4);  // two image blocks, two decoder blocks
    const DemoRoutingView* view = panel.routingView();
    QCOMPARE(view->routing().layerNames.size(), 4);
    QCOMPARE(routing.value(QStringLiteral("patch_grid")).toInt(), 8);  // 64 px images, 8 px patches
    for (int layer = 0; layer < layers.size(); ++layer) {
      const QJsonObject entry = layers[layer].toObject();
      const QJsonArray experts = entry.value(QStringLiteral("experts")).toArray();
      QCOMPARE(entry.value(QStringLiteral("num_experts")).toInt(), 4);
      QCOMPARE(view->routing().experts[layer], 4);
      const_cast<DemoRoutingView*>(view)->setLayer(layer);
      if (entry.value(QStringLiteral("modality")).toString() == QStringLiteral("image")) {
        const auto& grid = view->patchView()->grid();
        QCOMPARE(grid.side, 8);
        QCOMPARE(experts.size(), 1 + 64);  // the class token, then the patches
        for (int patch = 0; patch < 64; ++patch) QCOMPARE(grid.patches[patch].expert, experts[1 + patch].toInt());
      } else {
        const auto& chips = view->chipsView()->chips();
        QCOMPARE(chips.size(), experts.size());
        QCOMPARE(chips.size(), routing.value(QStringLiteral("tokens")).toArray().size());
        for (int i = 0; i < chips.size(); ++i) QCOMPARE(chips[i].route.expert, experts[i].toInt());
      }
    }
  }

  void answersAQuestionAndRetrievesImagesAsTheCliDoes() {
    DemoPanel panel;
    panel.setCliPath(kCli);
    panel.setProject(m_demo->dir());
    panel.setImage(m_image);
    QSignalSpy answered(&panel, &DemoPanel::answered);
    const QString question = QStringLiteral("Hình trong ảnh màu gì?");
    QVERIFY(panel.ask(question));
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 1, 60000);
    const QJsonObject expected = QJsonDocument::fromJson(
        runCli({QStringLiteral("ask"), m_image, question, QStringLiteral("--checkpoint"), m_demo->dir(), QStringLiteral("--top"),
                QStringLiteral("3"), QStringLiteral("--json")},
               m_demo->dir())).object();
    QCOMPARE(panel.answerText(), expected.value(QStringLiteral("answer")).toString());
    QStringList candidates;
    for (const QJsonValue& c : expected.value(QStringLiteral("candidates")).toArray())
      candidates << c.toObject().value(QStringLiteral("answer")).toString();
    QCOMPARE(panel.candidateAnswers(), candidates);
    QCOMPARE(candidates.size(), 3);

    QVERIFY(panel.retrieve(QStringLiteral("hình tròn màu đỏ")));
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 2, 60000);
    const QJsonArray rows = QJsonDocument::fromJson(
        runCli({QStringLiteral("retrieve"), QStringLiteral("hình tròn màu đỏ"), QStringLiteral("--checkpoint"), m_demo->dir(),
                QStringLiteral("--top"), QStringLiteral("8"), QStringLiteral("--json")},
               m_demo->dir())).array();
    QStringList images;
    for (const QJsonValue& row : rows) images << row.toObject().value(QStringLiteral("image")).toString();
    QCOMPARE(images.size(), 8);
    QCOMPARE(panel.retrievedImages(), images);
  }

  void aBadImageIsAMessageNamingTheFile() {
    DemoPanel panel;
    panel.setCliPath(kCli);
    panel.setProject(m_demo->dir());
    const QString bogus = QDir(m_demo->dir()).filePath(QStringLiteral("vimoe-project.json"));  // not an image
    panel.setImage(bogus);
    QSignalSpy failed(&panel, &DemoPanel::failed);
    QVERIFY(panel.caption());
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1, 60000);
    QVERIFY2(panel.errorText().contains(QStringLiteral("vimoe-project.json")), qPrintable(panel.errorText()));
    QVERIFY(panel.statusText().contains(QStringLiteral("failed")));
    QVERIFY(!panel.isBusy());
  }

  // With the project's runs the Models row lists the finished runs of each kind, the best by the
  // task's metric first and smoke runs last, and the answer names the run it came from.
  void choosesTheRunAndNamesItBesideTheAnswer() {
    auto store = store::RunStore::open(QDir(m_demo->dir()).filePath(QStringLiteral("vimoe.db")).toStdString(),
                                       store::RunStore::Mode::ReadOnly);
    QVERIFY(store.ok());
    QVector<RunSummary> runs;
    for (const auto& info : (*store)->listRuns().value()) {
      RunSummary run;
      run.id = info.id;
      run.name = QString::fromStdString(info.name);
      run.kind = QString::fromStdString(info.kind);
      run.status = QStringLiteral("finished");
      run.tags = QString::fromStdString(info.tags);
      run.checkpointDir = QString::fromStdString(info.checkpointDir);
      runs << run;
    }
    // A real (non-smoke) caption run with a score: it comes first. Its checkpoint is the smoke
    // MoE captioner's, so it can answer.
    RunSummary best;
    for (const auto& run : runs)
      if (run.name.endsWith(QStringLiteral("caption-moe-e4"))) best = run;
    QVERIFY(best.id > 0);
    QVERIFY(best.tags.contains(QStringLiteral("smoke")));  // the study tagged its smoke runs
    // Its own folder name (a link to that checkpoint): a folder under checkpoints/smoke/ marks a smoke run too.
    const QString linked = QDir(m_demo->dir()).filePath(QStringLiteral("checkpoints/caption-tiny"));
    QVERIFY(QFile::exists(linked) || QFile::link(best.checkpointDir, linked));
    best.checkpointDir = linked;
    best.id = 1000;
    best.name = QStringLiteral("caption-tiny");
    best.tags.clear();
    best.latest.insert(QStringLiteral("eval/caption/cider_d"), 0.25);
    runs << best;
    DemoPanel panel;
    panel.setCliPath(kCli);
    panel.setProject(m_demo->dir());
    panel.setRuns(runs);
    const QStringList choices = panel.runChoices(DemoPanel::Task::Caption);
    QCOMPARE(choices.size(), 3);  // caption-dense, caption-moe-e4 (smoke) and ours
    QCOMPARE(choices.first(), QStringLiteral("run 1000 \u00b7 caption-tiny \u00b7 CIDEr-D 0.250"));
    QVERIFY(choices[1].endsWith(QStringLiteral("(smoke)")));
    QCOMPARE(panel.chosenRun(DemoPanel::Task::Caption), 1000);
    QCOMPARE(panel.runChoices(DemoPanel::Task::Ask).size(), 2);
    panel.setImage(m_image);
    QSignalSpy answered(&panel, &DemoPanel::answered);
    QVERIFY(panel.caption());
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 1, 60000);
    const auto labels = panel.findChildren<QLabel*>();
    const bool named = std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
      return label->text().startsWith(QStringLiteral("run 1000 \u00b7 caption-tiny \u00b7 CIDEr-D 0.250 \u00b7 "));
    });
    QVERIFY(named);
    panel.resize(1100, 760);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.grab().save(QDir(QStringLiteral(VIMOE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("demo_models.png")));
    // Choosing another run starts its own server; the list keeps the choice when runs refresh.
    const qint64 first = panel.serverProcessId(DemoPanel::Task::Caption);
    const qint64 other = runs[1].kind == QStringLiteral("caption") ? runs[1].id : runs[2].id;
    panel.chooseRun(DemoPanel::Task::Caption, other);
    panel.setRuns(runs);
    QCOMPARE(panel.chosenRun(DemoPanel::Task::Caption), other);
    QVERIFY(panel.caption());
    QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 2, 60000);
    QVERIFY(panel.serverProcessId(DemoPanel::Task::Caption) != first);
  }

  void withoutAProjectNothingStarts() {
    DemoPanel panel;
    panel.setCliPath(kCli);
    panel.setImage(m_image);
    QVERIFY(!panel.caption());
    QVERIFY(!panel.retrieve(QStringLiteral("hình tròn")));
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeDemoPanelTest() {
  return std::make_unique<vimoe::widgets::DemoPanelTest>();
}

#include "demo_panel_test.moc"
