// File > Import Pretrained Checkpoint, driven as a user would (offscreen): the real `vimoe`
// CLI previews the mapping of a tiny HF CLIP checkpoint made in its published layout
// (tests/fixtures/pretrained), then imports it into the project; a folder that holds no
// checkpoint says so and writes nothing. A screenshot of the dialog is kept for people to see.
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "../../support/reference_checkpoints.h"
#include "experiment/experiment_file.h"
#include "importer/import_dialog.h"
#include "importer/import_to_experiment.h"
#include "vimoe/config/config_io.h"
#include "support/test_registry.h"

namespace vimoe::widgets {
namespace {

class ImportDialogTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_sources.isValid());
    const auto made = test_support::makeReferenceCheckpoints(m_sources.path().toStdString());
    if (made.outcome == test_support::ReferenceCheckpoints::Outcome::Skip) QSKIP(made.message.c_str());
    QVERIFY2(made.outcome == test_support::ReferenceCheckpoints::Outcome::Made, made.message.c_str());
  }

  void previewThenImportIntoTheProject() {
    QTemporaryDir project;
    ImportDialog dialog(QStringLiteral(VIMOE_CLI_PATH_FOR_TESTS), project.path());
    dialog.show();
    auto* source = dialog.findChild<QLineEdit*>(QStringLiteral("importSource"));
    auto* out = dialog.findChild<QLineEdit*>(QStringLiteral("importOut"));
    auto* preview = dialog.findChild<QPushButton*>(QStringLiteral("importPreview"));
    auto* importButton = dialog.findChild<QPushButton*>(QStringLiteral("importRun"));
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("importStatus"));
    QVERIFY(source && out && preview && importButton && status);
    QVERIFY(!preview->isEnabled());  // nothing to read yet

    source->setText(m_sources.filePath(QStringLiteral("hf-clip")));
    // The output is suggested inside the project, named after the source folder.
    QCOMPARE(out->text(), QDir(project.path()).filePath(QStringLiteral("checkpoints/imported-hf-clip")));
    QCOMPARE(dialog.importArguments(true),
             (QStringList{QStringLiteral("import"), source->text(), QStringLiteral("--dry-run")}));

    QTest::mouseClick(preview, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.reportText().contains(QStringLiteral("mapped ")), 60000);
    QVERIFY(dialog.reportText().contains(QStringLiteral("(hf-clip)")));
    QVERIFY(dialog.reportText().contains(QStringLiteral("image.blocks.0.attn.qkv.weight <- ")));
    QVERIFY(status->text().startsWith(QStringLiteral("Preview only")));
    QVERIFY(!QFile::exists(out->text() + QStringLiteral("/model.safetensors")));
    const QString shot = QStringLiteral(VIMOE_TEST_OUTPUT_DIR "/import_dialog.png");
    QVERIFY(dialog.grab().save(shot));

    QSignalSpy imported(&dialog, &ImportDialog::imported);
    QTest::mouseClick(importButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, 60000);
    QCOMPARE(imported.at(0).at(0).toString(), out->text());
    for (const char* file : {"model.safetensors", "config.json", "state.json", "import.txt", "vocab.json", "merges.txt"})
      QVERIFY2(QFile::exists(out->text() + QLatin1Char('/') + QLatin1String(file)), file);
    QVERIFY(status->text().startsWith(QStringLiteral("Wrote ")));

    // The fine-tuning experiment starts from the import: its own config, init_from relative to
    // the project, a free file name each time.
    auto experiment = writeExperimentFromImport(out->text(), project.path());
    QVERIFY2(experiment.ok(), experiment.ok() ? "" : experiment.error().message.c_str());
    QCOMPARE(*experiment, QDir(project.path()).filePath(QStringLiteral("experiments/imported-hf-clip.json")));
    auto cfg = readExperimentFile(*experiment);
    QVERIFY(cfg.ok());
    QCOMPARE(QString::fromStdString(cfg->model.init_from), QStringLiteral("checkpoints/imported-hf-clip"));
    QCOMPARE(QString::fromStdString(cfg->model.arch.activation), QStringLiteral("quick_gelu"));
    QCOMPARE(QString::fromStdString(cfg->data.text_format), QStringLiteral("clip"));
    QCOMPARE(QString::fromStdString(cfg->run.name), QStringLiteral("finetune-imported-hf-clip"));
    QVERIFY(config::validate(*cfg).empty());
    QCOMPARE(writeExperimentFromImport(out->text(), project.path()).value(),
             QDir(project.path()).filePath(QStringLiteral("experiments/imported-hf-clip-2.json")));

    // Importing onto an existing checkpoint is refused, and the message is shown.
    QTest::mouseClick(importButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Not imported:")), 60000);
    QVERIFY(status->text().contains(QStringLiteral("already holds a checkpoint")));
  }

  void aFolderWithoutACheckpointSaysSoAndWritesNothing() {
    QTemporaryDir project, empty;
    ImportDialog dialog(QStringLiteral(VIMOE_CLI_PATH_FOR_TESTS), project.path());
    dialog.findChild<QLineEdit*>(QStringLiteral("importSource"))->setText(empty.path());
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("importStatus"));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("importRun")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Not imported:")), 60000);
    QVERIFY2(status->text().contains(empty.path()), qPrintable(status->text()));
    QVERIFY(!QDir(project.path()).exists(QStringLiteral("checkpoints")));
  }

 private:
  QTemporaryDir m_sources;
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeImportDialogTest() {
  return std::make_unique<vimoe::widgets::ImportDialogTest>();
}

#include "import_dialog_test.moc"
