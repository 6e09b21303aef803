// The experiment editor on the demo project's real configs: every config round-trips through
// the form unchanged; bad values typed into the real widgets are shown at their field, under
// their section and in the list, and block Launch until fixed; files save atomically and load
// back; a malformed file is reported with its name and leaves the editor as it was; and Launch
// trains a smoke-sized run with the real `vimoe` CLI into the project's store.
#include "experiment/experiment_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "bridge/store_poller.h"
#include "log/log_panel.h"
#include "run_controller.h"
#include "runs/run_progress_widget.h"
#include "support/demo_project.h"
#include "support/test_registry.h"
#include "vimoe/config/config_io.h"
#include "vimoe/config/model_presets.h"
#include "vimoe/store/run_store.h"

namespace vimoe::widgets {
namespace {

const QString kDemoExperiments = QStringLiteral(VIMOE_SOURCE_DIR "/projects/demo/experiments");

// "moe.top_k" -> value, for a comparison that names the field that differs.
void flatten(const nlohmann::json& node, const std::string& prefix, std::map<std::string, nlohmann::json>& out) {
  if (!node.is_object()) {
    out[prefix] = node;
    return;
  }
  for (const auto& item : node.items())
    flatten(item.value(), prefix.empty() ? item.key() : prefix + "." + item.key(), out);
}

std::map<std::string, nlohmann::json> fields(const config::ExperimentConfig& config) {
  std::map<std::string, nlohmann::json> out;
  flatten(config::experimentToJson(config), "", out);
  return out;
}

// QCOMPAREs every field of two configs; the message names the first that differs.
bool sameFields(const config::ExperimentConfig& a, const config::ExperimentConfig& b, QString& difference) {
  const auto left = fields(a), right = fields(b);
  if (left.size() != right.size()) return difference = QStringLiteral("field counts differ"), false;
  for (const auto& [path, value] : left) {
    if (right.count(path) && right.at(path) == value) continue;
    difference = QString::fromStdString(path + ": " + value.dump() + " vs " +
                                        (right.count(path) ? right.at(path).dump() : "missing"));
    return false;
  }
  return true;
}

template <class T>
T* field(ExperimentEditor& editor, const char* path) {
  return qobject_cast<T*>(editor.fieldFor(QString::fromLatin1(path)));
}

// Replaces a spin box's text by typing, as a user does: select all, then the digits.
void typeInto(QAbstractSpinBox* box, const QString& text) {
  QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
  QTest::keyClicks(box, text);
}

void writeFile(const QString& path, const QByteArray& text) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
  file.write(text);
}

bool listHas(const QListWidget* list, const QString& text) {
  for (int i = 0; i < list->count(); ++i)
    if (list->item(i)->text() == text) return true;
  return false;
}

class ExperimentEditorTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyDemoConfigRoundTripsThroughTheForm() {
    const QStringList files = QDir(kDemoExperiments).entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(files.size() >= 4);
    for (const QString& name : files) {
      const QString path = QDir(kDemoExperiments).filePath(name);
      auto original = config::loadExperimentConfig(path.toStdString());
      QVERIFY2(original.ok(), qPrintable(name));
      ExperimentEditor editor;
      QVERIFY2(editor.loadFile(path), qPrintable(editor.lastError()));
      QVERIFY2(editor.issues().empty(), qPrintable(name));
      QVERIFY(editor.launchButton()->isEnabled());
      QVERIFY(!editor.isModified());
      QCOMPARE(field<QSpinBox>(editor, "run.steps")->value(), original->run.steps);
      QCOMPARE(field<QSpinBox>(editor, "model.image.width")->value(), original->model.image.width);
      QCOMPARE(field<QComboBox>(editor, "run.kind")->currentData().toString(),
               QString::fromStdString(original->run.kind));
      QCOMPARE(field<QLineEdit>(editor, "run.name")->text(), QString::fromStdString(original->run.name));

      auto reparsed = config::parseExperimentConfig(editor.configJson().toStdString(), "editor output");
      QVERIFY2(reparsed.ok(), qPrintable(QString::fromStdString(reparsed.ok() ? "" : reparsed.error().message)));
      QString difference;
      QVERIFY2(sameFields(*reparsed, *original, difference), qPrintable(name + QStringLiteral(": ") + difference));
    }
  }

  void fieldsTheFormDoesNotShowAndExactValuesSurvive() {
    config::ExperimentConfig config;
    config.data.train_annotations = "captions_custom_train.json";  // not in the form
    config.optim.lr = 0.000123456789012345;                        // more digits than a spin box keeps
    config.moe.router_init_std = 0.0123456789012345;
    ExperimentEditor editor;
    editor.setConfig(config);
    QVERIFY(editor.isModified());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("exact.json"));
    QVERIFY2(editor.saveTo(path), qPrintable(editor.lastError()));
    auto loaded = config::loadExperimentConfig(path.toStdString());
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->data.train_annotations, std::string("captions_custom_train.json"));
    QCOMPARE(loaded->optim.lr, 0.000123456789012345);
    QCOMPARE(loaded->moe.router_init_std, 0.0123456789012345);
  }

  void topKAboveTheExpertsIsShownAtItsFieldAndBlocksLaunch() {
    ExperimentEditor editor;
    editor.resize(1200, 800);
    editor.show();
    QVERIFY(editor.loadFile(kDemoExperiments + QStringLiteral("/contrastive-tiny.json")));
    auto* enabled = field<QCheckBox>(editor, "moe.enabled");
    auto* experts = field<QSpinBox>(editor, "moe.num_experts");
    auto* topK = field<QSpinBox>(editor, "moe.top_k");
    QVERIFY(!enabled->isChecked());
    QVERIFY(!topK->isEnabled());  // MoE fields wait for moe.enabled
    QTest::keyClick(enabled, Qt::Key_Space);
    QVERIFY(enabled->isChecked());
    QVERIFY(editor.config().moe.enabled);
    QVERIFY(topK->isEnabled());
    QCOMPARE(experts->value(), 4);

    QSignalSpy issuesChanged(&editor, &ExperimentEditor::issuesChanged);
    typeInto(topK, QStringLiteral("5"));
    QCOMPARE(editor.config().moe.top_k, 5);
    const QString expected = QStringLiteral("5 is out of range [1, 4] (at most moe.num_experts = 4)");
    QCOMPARE(editor.issueAt(QStringLiteral("moe.top_k")), expected);
    QCOMPARE(topK->property("vimoeIssue").toBool(), true);
    QVERIFY(topK->toolTip().startsWith(expected));
    QLabel* messages = editor.sectionMessages(QStringLiteral("moe"));
    QVERIFY(messages->isVisible());
    QVERIFY2(messages->text().contains(expected), qPrintable(messages->text()));
    QVERIFY(!editor.sectionMessages(QStringLiteral("optim"))->isVisible());
    QVERIFY(listHas(editor.issueList(), QStringLiteral("moe.top_k: ") + expected));
    QVERIFY(!editor.launchButton()->isEnabled());
    QVERIFY(!editor.launch());
    QVERIFY(issuesChanged.count() >= 1);
    QCOMPARE(issuesChanged.last().at(0).toInt(), 1);

    // The rendered field is tinted red; its unmarked neighbour is not.
    const QImage marked = topK->grab().toImage(), plain = experts->grab().toImage();
    const QColor markedColor = marked.pixelColor(marked.width() / 4, marked.height() / 2);
    const QColor plainColor = plain.pixelColor(plain.width() / 4, plain.height() / 2);
    QVERIFY2(markedColor.red() - markedColor.green() > 30, qPrintable(markedColor.name()));
    QVERIFY2(std::abs(plainColor.red() - plainColor.green()) < 10, qPrintable(plainColor.name()));

    typeInto(experts, QStringLiteral("8"));
    QCOMPARE(editor.config().moe.num_experts, 8);
    QVERIFY(editor.issues().empty());
    QCOMPARE(editor.issueAt(QStringLiteral("moe.top_k")), QString());
    QCOMPARE(topK->property("vimoeIssue").toBool(), false);
    QVERIFY(!topK->toolTip().startsWith(expected));
    QVERIFY(!messages->isVisible());
    QCOMPARE(editor.issueList()->count(), 0);
    QVERIFY(editor.launchButton()->isEnabled());
  }

  void typedTextIsCheckedAsItIsTyped() {
    ExperimentEditor editor;
    editor.show();
    QVERIFY(editor.loadFile(kDemoExperiments + QStringLiteral("/contrastive-tiny.json")));
    auto* name = field<QLineEdit>(editor, "run.name");
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Backspace);
    QCOMPARE(editor.issueAt(QStringLiteral("run.name")), QStringLiteral("must not be empty"));
    QVERIFY(editor.sectionMessages(QStringLiteral("run"))->isVisible());
    QVERIFY(!editor.launchButton()->isEnabled());
    // Vietnamese arrives through an input method (Telex, VNI), as a committed string.
    QTest::keyClicks(name, QStringLiteral("run-"));
    QInputMethodEvent composed;
    composed.setCommitString(QStringLiteral("thử-nghiệm"));
    QCoreApplication::sendEvent(name, &composed);
    QCOMPARE(editor.config().run.name, std::string("run-thử-nghiệm"));
    QVERIFY(editor.issues().empty());

    // A seed past 2^64 cannot be stored: an input issue, and the config keeps the last good seed.
    auto* seed = field<QLineEdit>(editor, "run.seed");
    seed->selectAll();
    QTest::keyClicks(seed, QStringLiteral("99999999999999999999"));
    QVERIFY(editor.issueAt(QStringLiteral("run.seed")).startsWith(QStringLiteral("must be a whole number in [0, ")));
    QCOMPARE(editor.config().run.seed, std::uint64_t(9999999999999999999ull));
    QVERIFY(!editor.launchButton()->isEnabled());
    QTest::keyClick(seed, Qt::Key_Backspace);
    QCOMPARE(editor.config().run.seed, std::uint64_t(9999999999999999999ull));
    QVERIFY(editor.issues().empty());

    // Cross-field: warmup must end before the run does.
    typeInto(field<QSpinBox>(editor, "run.steps"), QStringLiteral("50"));
    QCOMPARE(editor.issueAt(QStringLiteral("optim.warmup_steps")),
             QStringLiteral("100 must be less than run.steps (50)"));
    QVERIFY(editor.sectionMessages(QStringLiteral("optim"))->isVisible());
  }

  void fieldsThatDoNotApplyAreDisabled() {
    ExperimentEditor editor;
    QVERIFY(editor.loadFile(kDemoExperiments + QStringLiteral("/caption-tiny.json")));
    QVERIFY(field<QWidget>(editor, "task.beam_width")->isEnabled());  // a captioner decodes
    QVERIFY(!field<QWidget>(editor, "task.vqa_head")->isEnabled());
    QVERIFY(!field<QWidget>(editor, "loss.contrastive")->isEnabled());
    config::ExperimentConfig config = editor.config();
    config.moe.enabled = true;
    editor.setConfig(config);
    auto* noise = field<QWidget>(editor, "moe.noise_std");
    QVERIFY(!noise->isEnabled());
    auto* router = field<QComboBox>(editor, "moe.router");
    router->setCurrentIndex(router->findData(QStringLiteral("noisy_top_k")));
    QCOMPARE(editor.config().moe.router, std::string("noisy_top_k"));
    QVERIFY(noise->isEnabled());
    QVERIFY(field<QWidget>(editor, "loss.load_weight")->isEnabled());
  }

  void aPresetFillsTheTowersAndAnEditMakesItCustom() {
    ExperimentEditor editor;
    editor.show();
    QVERIFY(editor.loadFile(kDemoExperiments + QStringLiteral("/contrastive-tiny.json")));
    auto* preset = field<QComboBox>(editor, "model.preset");
    preset->setCurrentIndex(preset->findData(QStringLiteral("base")));
    const config::ModelPreset* base = config::findModelPreset("base");
    QVERIFY(base);
    QCOMPARE(editor.config().model.image.width, base->image.width);
    QCOMPARE(field<QSpinBox>(editor, "model.image.width")->value(), base->image.width);
    QCOMPARE(field<QSpinBox>(editor, "model.text.depth")->value(), base->text.depth);
    QCOMPARE(field<QSpinBox>(editor, "model.embed_dim")->value(), base->embedDim);
    typeInto(field<QSpinBox>(editor, "model.image.depth"), QString::number(base->image.depth + 1));
    QCOMPARE(editor.config().model.preset, std::string("custom"));
    QCOMPARE(preset->currentData().toString(), QStringLiteral("custom"));
  }

  void saveWritesAFileThatLoadsBack() {
    QTemporaryDir dir;
    ExperimentEditor editor;
    QSignalSpy fileChanged(&editor, &ExperimentEditor::fileChanged);
    QVERIFY(editor.loadFile(kDemoExperiments + QStringLiteral("/vqa-tiny.json")));
    config::ExperimentConfig config = editor.config();
    config.moe.enabled = true;
    config.moe.num_experts = 8;
    config.moe.top_k = 2;
    config.run.name = "vqa-moe-e8";
    editor.setConfig(config);
    QVERIFY(editor.isModified());
    const QString path = dir.filePath(QStringLiteral("experiments/vqa-moe-e8.json"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("experiments"))));
    QVERIFY2(editor.saveTo(path), qPrintable(editor.lastError()));
    QVERIFY(!editor.isModified());
    QCOMPARE(editor.filePath(), path);
    QCOMPARE(fileChanged.last().at(0).toString(), path);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".tmp")));

    auto fromCli = config::loadExperimentConfig(path.toStdString());  // what `vimoe train` reads
    QVERIFY2(fromCli.ok(), qPrintable(QString::fromStdString(fromCli.ok() ? "" : fromCli.error().message)));
    QCOMPARE(fromCli->moe.top_k, 2);
    ExperimentEditor again;
    QVERIFY(again.loadFile(path));
    QString difference;
    QVERIFY2(sameFields(again.config(), config, difference), qPrintable(difference));
  }

  void aMalformedFileIsReportedAndTheEditorKeepsItsState() {
    QTemporaryDir dir;
    ExperimentEditor editor;
    const QString good = kDemoExperiments + QStringLiteral("/contrastive-tiny.json");
    QVERIFY(editor.loadFile(good));
    const QString before = editor.configJson();
    QSignalSpy errors(&editor, &ExperimentEditor::errorOccurred);

    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    writeFile(broken, "{\n  \"moe\": { \"top_k\": 2, }\n}\n");
    QVERIFY(!editor.loadFile(broken));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(editor.lastError().contains(broken + QStringLiteral(":2:")), qPrintable(editor.lastError()));
    QVERIFY(editor.lastError().contains(QStringLiteral("invalid JSON")));
    QCOMPARE(editor.configJson(), before);
    QCOMPARE(editor.filePath(), good);
    QVERIFY(editor.findChild<QLabel*>(QStringLiteral("editorStatus"))->text().contains(broken));

    const QString mistyped = dir.filePath(QStringLiteral("mistyped.json"));
    writeFile(mistyped, R"({"moe": {"top_k": "two", "num_expert": 4}})");
    QVERIFY(!editor.loadFile(mistyped));
    QVERIFY2(editor.lastError().contains(mistyped + QStringLiteral(": moe.top_k: expected an integer, got \"two\"")),
             qPrintable(editor.lastError()));
    QVERIFY(editor.lastError().contains(QStringLiteral("did you mean 'num_experts'?")));
    QCOMPARE(editor.configJson(), before);

    // Fields that are each fine but disagree open, with the disagreement shown to fix.
    const QString crossed = dir.filePath(QStringLiteral("crossed.json"));
    writeFile(crossed, R"({"moe": {"enabled": true, "num_experts": 2, "top_k": 3}})");
    QVERIFY2(editor.loadFile(crossed), qPrintable(editor.lastError()));
    QCOMPARE(editor.config().moe.top_k, 3);
    QCOMPARE(editor.issueAt(QStringLiteral("moe.top_k")),
             QStringLiteral("3 is out of range [1, 2] (at most moe.num_experts = 2)"));
    QVERIFY(!editor.launchButton()->isEnabled());
  }

  void launchSavesThenAsksForTheRun() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("launch.json"));
    QVERIFY(QFile::copy(kDemoExperiments + QStringLiteral("/contrastive-tiny.json"), path));
    ExperimentEditor editor;
    editor.show();
    QVERIFY(editor.loadFile(path));
    QSignalSpy launched(&editor, &ExperimentEditor::launchRequested);
    typeInto(field<QSpinBox>(editor, "run.steps"), QStringLiteral("700"));
    QVERIFY(editor.isModified());
    QVERIFY(editor.launch());
    QCOMPARE(launched.count(), 1);
    QCOMPARE(launched.at(0).at(0).toString(), QFileInfo(path).absoluteFilePath());
    QVERIFY(!editor.isModified());
    QCOMPARE(config::loadExperimentConfig(path.toStdString())->run.steps, 700);
    editor.setRunActive(true);
    QVERIFY(!editor.launchButton()->isEnabled());
    QVERIFY(!editor.launch());
    editor.setRunActive(false);
    QVERIFY(editor.launchButton()->isEnabled());
  }

  void rendersALongFormThatScrolls() {
    ExperimentEditor editor;
    editor.resize(1280, 720);
    QVERIFY(editor.loadFile(kDemoExperiments + QStringLiteral("/contrastive-tiny.json")));
    config::ExperimentConfig config = editor.config();
    config.moe.enabled = true;
    config.moe.top_k = 6;
    editor.setConfig(config);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const auto* scroll = editor.findChild<QScrollArea*>(QStringLiteral("experimentForm"));
    QVERIFY(scroll->verticalScrollBar()->maximum() > 0);
    const QImage image = editor.grab().toImage();
    QCOMPARE(image.width(), 1280);
    const QString out = QDir(QStringLiteral(VIMOE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("experiment_editor.png"));
    QVERIFY(image.save(out));
    // The end of the form: the MoE section's own message, the losses, the task and the data.
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    QVERIFY(editor.sectionMessages(QStringLiteral("moe"))->isVisible());
    QVERIFY(editor.grab().toImage().save(
        QDir(QStringLiteral(VIMOE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("experiment_editor_end.png"))));
  }

  void launchTrainsASmokeRunIntoTheProjectStore() {
    test_support::DemoProject demo(false);
    QVERIFY2(demo.ok(), qPrintable(demo.error()));
    auto project = workbench::loadWorkbenchProject(demo.dir());
    QVERIFY(project.ok());

    ExperimentEditor editor;
    editor.setProjectDir(demo.dir());
    const QString path = demo.dir() + QStringLiteral("/experiments/contrastive-tiny.json");
    QVERIFY(editor.loadFile(path));
    // Smoke size: a few images, a tiny MoE model, twenty steps on one thread.
    config::ExperimentConfig config = editor.config();
    config.data.root = "data/editor-smoke";
    config.data.tokenizer = "tokenizer/editor-smoke.model";
    config.data.synthetic.train_images = 48;
    config.data.synthetic.val_images = 16;
    config.moe.enabled = true;
    config.optim.batch_size = 8;
    config.optim.warmup_steps = 2;
    config.run.name = "editor-smoke";
    config.run.steps = 20;
    config.run.threads = 1;
    config.run.log_every = 1;
    config.run.eval_every = 20;
    config.run.expert_load_every = 10;
    config.run.routing_every = 20;
    config.run.checkpoint_every = 20;
    config.run.probe_images = 2;
    editor.setConfig(config);
    QVERIFY(editor.issues().empty());

    LogPanel log;
    RunProgressWidget progress;
    workbench::RunController controller(&log, &progress);
    controller.setCliPath(QStringLiteral(VIMOE_CLI_PATH_FOR_TESTS));
    controller.setProject(*project);
    connect(&editor, &ExperimentEditor::launchRequested, &controller, &workbench::RunController::startTrain);
    connect(&controller, &workbench::RunController::runStarted, &editor, [&editor] { editor.setRunActive(true); });
    connect(&controller, &workbench::RunController::runEnded, &editor, [&editor] { editor.setRunActive(false); });

    StorePoller poller(nullptr, 20);  // often enough to see a run of a second or two running
    QStringList statuses;             // each status of the run as the poller saw it, without repeats
    connect(&poller, &StorePoller::runsChanged, this, [&statuses](const QVector<RunSummary>& runs) {
      for (const RunSummary& run : runs)
        if (run.name == QLatin1String("editor-smoke") && (statuses.isEmpty() || statuses.last() != run.status))
          statuses << run.status;
    });
    poller.setStorePath(project->storePath);
    QSignalSpy ended(&controller, &workbench::RunController::runEnded);
    QVERIFY(editor.launch());
    QTRY_VERIFY(!editor.launchButton()->isEnabled());  // a second run cannot start meanwhile
    QTRY_VERIFY_WITH_TIMEOUT(ended.count() == 1, 180000);
    QVERIFY2(ended.at(0).at(0).toBool(), qPrintable(log.text()));
    QTRY_VERIFY_WITH_TIMEOUT(statuses.contains(QStringLiteral("finished")), 5000);
    QVERIFY2(statuses.indexOf(QStringLiteral("running")) >= 0, qPrintable(statuses.join(QLatin1Char(','))));
    QVERIFY(statuses.indexOf(QStringLiteral("running")) < statuses.indexOf(QStringLiteral("finished")));
    QVERIFY(editor.launchButton()->isEnabled());
    QVERIFY2(log.text().contains(QStringLiteral(" train %1 --store %2 --project %3")
                                     .arg(QFileInfo(path).absoluteFilePath(), project->storePath, project->dir)),
             qPrintable(log.text()));

    auto store = store::RunStore::open(project->storePath.toStdString(), store::RunStore::Mode::ReadOnly);
    QVERIFY(store.ok());
    auto runs = (*store)->listRuns();
    QVERIFY(runs.ok());
    QCOMPARE(int(runs->size()), 1);
    const store::RunInfo& run = runs->front();
    QCOMPARE(run.name, std::string("editor-smoke"));
    QCOMPARE(run.status, store::RunStatus::Finished);
    QCOMPARE(run.step, std::int64_t(20));
    QVERIFY(run.startedAt > 0 && run.endedAt >= run.startedAt);
    QVERIFY(!(*store)->moeLayers(run.id)->empty());
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeExperimentEditorTest() {
  return std::make_unique<vimoe::widgets::ExperimentEditorTest>();
}

#include "experiment_editor_test.moc"
