// The data browser on real data: a tiny project whose synthetic set the panel itself
// generates through the real CLI (the first-use path), plus a hand-written COCO file with
// planted problems and a real PNG. Search with and without diacritics, filters, the detail
// view, statistics, problems with a jump to their sample, and thumbnails decoded off the GUI
// thread at thumbnail size.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <set>

#include "data/data_browser_panel.h"
#include "data/data_stats_view.h"
#include "data/sample_detail_view.h"
#include "data/sample_grid_model.h"
#include "data/thumbnail_loader.h"
#include "plot/bar_chart.h"
#include "support/test_registry.h"
#include "vimoe/text/vietnamese.h"

namespace vimoe::widgets {
namespace {

constexpr int kTrain = 24, kVal = 8;

bool writeFile(const QString& path, const QByteArray& content) {
  QDir().mkpath(QFileInfo(path).path());
  QFile file(path);
  return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

int rowsFor(DataBrowserPanel& panel, const QString& query) {
  panel.setSearchText(query);
  return panel.model()->rowCount();
}

class DataBrowserTest : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString m_brokenSpec;

  QString path(const QString& relative) const { return QDir(m_dir.path()).filePath(relative); }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(m_dir.isValid());
    // A project whose one experiment uses a tiny synthetic set in all four domains.
    QVERIFY(writeFile(path(QStringLiteral("vimoe-project.json")),
                      R"({"name": "browser test", "experiments": ["experiments/tiny.json"]})"));
    QVERIFY(writeFile(path(QStringLiteral("experiments/tiny.json")),
                      R"({"data": {"root": "data/synthetic", "format": "synthetic_captions", "image_size": 32,
                          "synthetic": {"train_images": 24, "val_images": 8, "captions_per_image": 2,
                                        "questions_per_image": 2, "domains": "all"}}})"));
    QVERIFY(writeFile(path(QStringLiteral("datasets/captions.json")),
                      R"({"format": "coco_captions", "root": "../data/synthetic",
                          "files": ["captions_train.json", "captions_val.json"], "image_dir": "images"})"));
    QVERIFY(writeFile(path(QStringLiteral("datasets/vqa.json")),
                      R"({"format": "synthetic_vqa", "root": "../data/synthetic",
                          "files": ["vqa_train.json", "vqa_val.json"], "image_dir": "images"})"));
    // Planted problems, outside datasets/ so the project view does not show them.
    QImage red(200, 100, QImage::Format_RGB32);
    red.fill(QColor(220, 20, 30));
    QVERIFY(red.save(path(QStringLiteral("broken/images/a.png"))) || (QDir().mkpath(path(QStringLiteral("broken/images"))) &&
                                                                      red.save(path(QStringLiteral("broken/images/a.png")))));
    QVERIFY(writeFile(path(QStringLiteral("broken/captions_test.json")),
                      R"({"images": [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "missing.png"}],
                          "annotations": [{"id": 10, "image_id": 1, "caption": "Con đường rợp bóng cây"},
                                          {"id": 11, "image_id": 1, "caption": ""},
                                          {"id": 12, "image_id": 2, "caption": "Một con mèo"}]})"));
    m_brokenSpec = path(QStringLiteral("broken/captions_test.json"));
  }

  void generatesTheMissingSyntheticSetThroughTheCli() {
    DataBrowserPanel panel;
    panel.setCliPath(QStringLiteral(VIMOE_CLI_PATH_FOR_TESTS));
    panel.setProject(m_dir.path());
    QTRY_VERIFY(!panel.isLoading());
    QTRY_VERIFY(panel.messageText().contains(QStringLiteral("not been generated")));
    auto* generate = panel.findChild<QPushButton*>();
    for (auto* button : panel.findChildren<QPushButton*>())
      if (button->text().contains(QStringLiteral("Generate"))) generate = button;
    QVERIFY(generate && generate->isVisibleTo(&panel));
    QSignalSpy loaded(&panel, &DataBrowserPanel::loaded);
    generate->click();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, 90000);
    QCOMPARE(loaded.first().at(0).toInt(), kTrain + kVal);  // captions and questions merged per image
    QCOMPARE(panel.model()->rowCount(), kTrain + kVal);
    QCOMPARE(panel.countText(), QStringLiteral("32 of 32 images"));
    QVERIFY(QFile::exists(path(QStringLiteral("data/synthetic/captions_train.json"))));
  }

  void mergesCaptionsAndQuestionsAndShowsTheSelectedSample() {
    DataBrowserPanel panel;
    QSignalSpy loaded(&panel, &DataBrowserPanel::loaded);
    panel.setProject(m_dir.path());
    QTRY_COMPARE(loaded.count(), 1);
    const BrowserDataset& dataset = *panel.model()->dataset();
    for (const auto& sample : dataset.samples) {
      QCOMPARE(sample.captions.size(), std::size_t(2));
      QCOMPARE(sample.qa.size(), std::size_t(2));
      QVERIFY(!sample.domain.empty());
    }
    QCOMPARE(dataset.splits, (std::vector<std::string>{"train", "val"}));
    QCOMPARE(dataset.domains.size(), std::size_t(4));
    panel.selectRow(3);
    const BrowserSample* shown = panel.model()->sample(3);
    const QString text = panel.detail()->text();
    QVERIFY2(text.contains(QString::fromStdString(shown->captions[1])), qPrintable(text));
    QVERIFY(text.contains(QString::fromStdString(shown->qa[0].question)));
    QVERIFY(text.contains(QString::fromStdString(shown->qa[0].answers[0])));
    QTRY_VERIFY(panel.detail()->hasImage());  // decoded on a worker thread
    QCOMPARE(panel.detail()->imagePath(), QString::fromStdString(shown->imagePath));
  }

  void searchFindsVietnameseWithAndWithoutDiacritics() {
    DataBrowserPanel panel;
    QSignalSpy loaded(&panel, &DataBrowserPanel::loaded);
    panel.loadPaths({m_brokenSpec, path(QStringLiteral("datasets/captions.json"))});
    QTRY_COMPARE(loaded.count(), 1);
    // Only the planted caption has "rợp" ("Con đường rợp bóng cây").
    QCOMPARE(rowsFor(panel, QStringLiteral("đường rợp")), 1);
    QCOMPARE(rowsFor(panel, QStringLiteral("duong rop")), 1);  // đ folds to d, tones drop
    QCOMPARE(rowsFor(panel, QStringLiteral("ĐƯỜNG RỢP")), 1);  // and case
    QCOMPARE(panel.model()->sample(0)->captions.front(), std::string("Con đường rợp bóng cây"));
    QCOMPARE(rowsFor(panel, QStringLiteral("rop meo")), 0);  // every word must match
    // "duong" finds every caption with "đường", with or without the planted one's other words.
    QCOMPARE(rowsFor(panel, QStringLiteral("duong")), rowsFor(panel, QStringLiteral("đường")));
    // A common syllable of the synthetic captions: the same rows with and without its marks,
    // and each of them really holds it.
    const int withMarks = rowsFor(panel, QStringLiteral("màu"));
    QVERIFY(withMarks > 0);
    QCOMPARE(rowsFor(panel, QStringLiteral("mau")), withMarks);
    for (int row = 0; row < panel.model()->rowCount(); ++row)
      QVERIFY(panel.model()->sample(row)->foldedText.find("mau") != std::string::npos);
    QCOMPARE(rowsFor(panel, QString()), kTrain + kVal + 1);
  }

  void filtersBySplitDomainAndQuestionType() {
    DataBrowserPanel panel;
    QSignalSpy loaded(&panel, &DataBrowserPanel::loaded);
    panel.setProject(m_dir.path());
    QTRY_COMPARE(loaded.count(), 1);
    panel.setSplitFilter(QStringLiteral("val"));
    QCOMPARE(panel.model()->rowCount(), kVal);
    panel.setSplitFilter(QString());
    const BrowserDataset& dataset = *panel.model()->dataset();
    int total = 0;
    for (const auto& domain : dataset.domains) {
      panel.setDomainFilter(QString::fromStdString(domain));
      const int expected = static_cast<int>(std::count_if(dataset.samples.begin(), dataset.samples.end(),
                                                          [&](const BrowserSample& s) { return s.domain == domain; }));
      QCOMPARE(panel.model()->rowCount(), expected);
      total += expected;
    }
    QCOMPARE(total, kTrain + kVal);
    panel.setDomainFilter(QString());
    const std::string type = dataset.questionTypes.front();
    panel.setQuestionTypeFilter(QString::fromStdString(type));
    QVERIFY(panel.model()->rowCount() > 0);
    for (int row = 0; row < panel.model()->rowCount(); ++row) {
      const auto& qa = panel.model()->sample(row)->qa;
      QVERIFY(std::any_of(qa.begin(), qa.end(), [&](const data::QaPair& q) { return q.type == type; }));
    }
    // Statistics count every image once, by domain.
    double images = 0;
    for (double v : panel.statsView()->domainChart()->values()) images += v;
    QCOMPARE(images, double(kTrain + kVal));
    QVERIFY(panel.statsView()->summaryText().startsWith(QStringLiteral("32 images")));
    QCOMPARE(panel.statsView()->questionTypeChart()->barCount(), static_cast<int>(dataset.questionTypes.size()));
  }

  void listsProblemsAndJumpsToTheirSample() {
    DataBrowserPanel panel;
    QSignalSpy loaded(&panel, &DataBrowserPanel::loaded);
    panel.loadPaths({m_brokenSpec});
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(panel.model()->rowCount(), 1);
    QTableWidget* table = panel.problemsTable();
    int emptyRow = -1, missingRow = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
      if (table->item(row, 0)->text() == QStringLiteral("empty_text")) emptyRow = row;
      if (table->item(row, 0)->text() == QStringLiteral("missing_image")) missingRow = row;
    }
    QVERIFY2(emptyRow >= 0 && missingRow >= 0, qPrintable(QString::number(table->rowCount())));
    QCOMPARE(table->item(emptyRow, 2)->text(), QStringLiteral("annotations[1]"));
    QCOMPARE(table->item(emptyRow, 3)->text(), QStringLiteral("caption"));
    panel.setSearchText(QStringLiteral("mèo"));  // hides the sample: the jump must clear it
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY(panel.jumpToProblem(emptyRow));  // annotations[1] -> image_id 1 -> a.png
    QCOMPARE(panel.model()->rowCount(), 1);
    QVERIFY(panel.detail()->text().contains(QStringLiteral("Con đường rợp bóng cây")));
    QVERIFY(!panel.jumpToProblem(missingRow));  // its image never loaded
  }

  void decodesThumbnailsOffTheGuiThreadAtThumbnailSize() {
    DataBrowserPanel panel;
    QSignalSpy loaded(&panel, &DataBrowserPanel::loaded);
    panel.loadPaths({m_brokenSpec});
    QTRY_COMPARE(loaded.count(), 1);
    panel.resize(900, 600);
    panel.show();
    const QString image = path(QStringLiteral("broken/images/a.png"));
    QTRY_VERIFY(panel.thumbnails()->isCached(image));
    const QPixmap thumbnail = panel.thumbnails()->thumbnail(image);
    QCOMPARE(thumbnail.size(), QSize(DataBrowserPanel::kThumbnailSide, DataBrowserPanel::kThumbnailSide / 2));
    QCOMPARE(thumbnail.toImage().pixelColor(10, 10), QColor(220, 20, 30));
    // An unreadable file gives the broken marker once, not an endless retry.
    ThumbnailLoader loader(32);
    QSignalSpy ready(&loader, &ThumbnailLoader::thumbnailReady);
    QVERIFY(loader.thumbnail(m_brokenSpec).isNull());
    QTRY_COMPARE(ready.count(), 1);
    QCOMPARE(loader.thumbnail(m_brokenSpec).size(), QSize(32, 32));
    QCOMPARE(loader.decodedCount(), 1);
  }

  void splitComesFromTheFileName() {
    QCOMPARE(splitFromFileName("uitviic_captions_train2017.json"), std::string("train"));
    QCOMPARE(splitFromFileName("/x/vlsp2023_dev_data.json"), std::string("val"));
    QCOMPARE(splitFromFileName("test.csv"), std::string("test"));
    QCOMPARE(splitFromFileName("retrained.json"), std::string());
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeDataBrowserTest() {
  return std::make_unique<vimoe::widgets::DataBrowserTest>();
}

#include "data_browser_test.moc"
