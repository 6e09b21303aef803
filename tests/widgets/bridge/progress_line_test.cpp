// The CLI's JSON-lines progress protocol as the run launcher reads it.
#include <QTest>

#include "bridge/progress_line.h"
#include "support/test_registry.h"

namespace vimoe::widgets {
namespace {

class ProgressLineTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void parsesTheCliRecord() {
    const auto p = parseProgressLine(
        R"({"task":"train moe-e4-k1","done":120,"total":400,"elapsed_s":12.5,"eta_s":29.1,"detail":"loss 2.31"})");
    QVERIFY(p.has_value());
    QCOMPARE(p->task, QStringLiteral("train moe-e4-k1"));
    QCOMPARE(p->done, 120);
    QCOMPARE(p->total, 400);
    QCOMPARE(p->elapsedSeconds, 12.5);
    QCOMPARE(p->etaSeconds, 29.1);
    QCOMPARE(p->detail, QStringLiteral("loss 2.31"));
    QCOMPARE(p->fraction(), 0.3);
  }

  void rejectsTextAndForeignJson() {
    QVERIFY(!parseProgressLine("| variant | R@1 |"));
    QVERIFY(!parseProgressLine("{not json"));
    QVERIFY(!parseProgressLine(R"({"level":"info","message":"hi"})"));
    QVERIFY(!parseProgressLine(""));
  }

  void formatsDurations() {
    QCOMPARE(formatDuration(0), QStringLiteral("0:00"));
    QCOMPARE(formatDuration(65.4), QStringLiteral("1:05"));
    QCOMPARE(formatDuration(3 * 3600 + 62), QStringLiteral("3:01:02"));
    QCOMPARE(formatDuration(-1), QStringLiteral("?"));
  }
};

}  // namespace
}  // namespace vimoe::widgets

std::unique_ptr<QObject> vimoe::test_support::makeProgressLineTest() {
  return std::make_unique<vimoe::widgets::ProgressLineTest>();
}

#include "progress_line_test.moc"
