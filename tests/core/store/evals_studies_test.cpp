// Eval results, artifacts, studies and their runs.
#include <cmath>
#include <limits>

#include "store_test_support.h"

namespace vimoe::store::test {
namespace {

using EvalsStudiesTest = StoreTest;

TEST_F(EvalsStudiesTest, EvalsAreKeyedBySplitAndMetric) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->writeEval(id, {"val", "cider", 0.81, R"({"n":500})"}).ok());
  ASSERT_TRUE(m_store->writeEval(id, {"test", "bleu4", 0.3, ""}).ok());
  ASSERT_TRUE(m_store->writeEval(id, {"val", "cider", 0.85, R"({"n":1000})"}).ok());  // overwrites
  ASSERT_TRUE(m_store->writeEval(id, {"val", "nan_metric", std::numeric_limits<double>::quiet_NaN(), ""}).ok());

  auto rows = m_store->evals(id);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].split, "test");
  EXPECT_EQ((*rows)[0].metric, "bleu4");
  EXPECT_EQ((*rows)[0].value, 0.3);
  EXPECT_EQ((*rows)[1].metric, "cider");
  EXPECT_EQ((*rows)[1].value, 0.85);
  EXPECT_EQ((*rows)[1].detailsJson, R"({"n":1000})");
  EXPECT_TRUE(std::isnan((*rows)[2].value));
}

TEST_F(EvalsStudiesTest, ArtifactsOnePerKind) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->addArtifact(id, "checkpoint", "/runs/1/step100", "aa").ok());
  ASSERT_TRUE(m_store->addArtifact(id, "report", "/runs/1/report.html", "bb").ok());
  ASSERT_TRUE(m_store->addArtifact(id, "checkpoint", "/runs/1/step200", "cc").ok());
  auto rows = m_store->artifacts(id);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].kind, "checkpoint");
  EXPECT_EQ((*rows)[0].path, "/runs/1/step200");
  EXPECT_EQ((*rows)[0].sha256, "cc");
  EXPECT_EQ((*rows)[1].kind, "report");
  EXPECT_EQ((*rows)[1].path, "/runs/1/report.html");
}

TEST_F(EvalsStudiesTest, StudiesGroupRuns) {
  const auto dense = newRun("dense");
  const auto moe = newRun("moe");
  const auto other = newRun("other");
  auto study = m_store->createStudy("dense-vs-moe", R"({"kind":"compare"})");
  ASSERT_TRUE(study.ok()) << study.error().message;
  auto second = m_store->createStudy("e-sweep", "{}");
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*study, *second);

  ASSERT_TRUE(m_store->addStudyRun(*study, moe, "moe").ok());
  ASSERT_TRUE(m_store->addStudyRun(*study, dense, "baseline").ok());
  ASSERT_TRUE(m_store->addStudyRun(*study, dense, "dense").ok());  // same run again: role update
  ASSERT_TRUE(m_store->addStudyRun(*second, other, "e4").ok());

  EXPECT_EQ(*m_store->studyRuns(*study), (std::vector<std::int64_t>{dense, moe}));
  EXPECT_EQ(*m_store->studyRuns(*second), std::vector<std::int64_t>{other});
  EXPECT_TRUE(m_store->studyRuns(999)->empty());
  EXPECT_FALSE(m_store->addStudyRun(999, dense, "x").ok()) << "unknown study";
  EXPECT_FALSE(m_store->addStudyRun(*study, 999, "x").ok()) << "unknown run";
}

}  // namespace
}  // namespace vimoe::store::test
