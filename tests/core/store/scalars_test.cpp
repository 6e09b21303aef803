// Scalar curves: exact round trip of non-finite values, the scalar_latest summary, step
// filtering, truncation on resume and batches.
#include <sqlite3.h>

#include <cmath>
#include <limits>
#include <tuple>

#include "store_test_support.h"

namespace vimoe::store::test {
namespace {

using ScalarsTest = StoreTest;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<double> values(const std::vector<ScalarPoint>& points) {
  std::vector<double> out;
  for (const auto& p : points) out.push_back(p.value);
  return out;
}

TEST_F(ScalarsTest, NonFiniteValuesRoundTripExactly) {
  const auto id = newRun();
  const std::vector<double> logged = {0.5, kNaN, kInf, -kInf, -2.25, 1e-300};
  for (std::size_t i = 0; i < logged.size(); ++i)
    ASSERT_TRUE(m_store->logScalars(id, static_cast<std::int64_t>(i), {{"loss", logged[i]}}).ok());

  auto points = m_store->scalars(id, "loss");
  ASSERT_TRUE(points.ok()) << points.error().message;
  ASSERT_EQ(points->size(), logged.size());
  for (std::size_t i = 0; i < logged.size(); ++i) EXPECT_EQ((*points)[i].step, static_cast<std::int64_t>(i));
  EXPECT_EQ((*points)[0].value, 0.5);
  EXPECT_TRUE(std::isnan((*points)[1].value));
  EXPECT_TRUE(std::isinf((*points)[2].value) && (*points)[2].value > 0);
  EXPECT_TRUE(std::isinf((*points)[3].value) && (*points)[3].value < 0);
  EXPECT_EQ((*points)[4].value, -2.25);  // a finite value after the non-finite ones
  EXPECT_EQ((*points)[5].value, 1e-300);
  EXPECT_GT((*points)[0].wallTime, 1.5e9);
}

TEST_F(ScalarsTest, NonFiniteValuesAreStoredAsNullWithATypeCode) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->logScalars(id, 0, {{"a", kNaN}, {"b", kInf}, {"c", -kInf}, {"d", 3.0}}).ok());
  m_store.reset();  // close, so a raw connection sees a quiet file

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(storePath().c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT k.name, s.value IS NULL, s.value_type FROM scalar s "
                               "JOIN metric_key k ON k.id = s.key_id ORDER BY k.name",
                               -1, &stmt, nullptr),
            SQLITE_OK);
  std::vector<std::tuple<std::string, int, int>> rows;
  while (sqlite3_step(stmt) == SQLITE_ROW)
    rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), sqlite3_column_int(stmt, 1),
                      sqlite3_column_int(stmt, 2));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  const std::vector<std::tuple<std::string, int, int>> expected = {{"a", 1, 1}, {"b", 1, 2}, {"c", 1, 3}, {"d", 0, 0}};
  EXPECT_EQ(rows, expected);
}

TEST_F(ScalarsTest, LatestTracksLastValueAndFiniteMinMax) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->logScalars(id, 1, {{"loss", 3.0}, {"bad", kNaN}}).ok());
  ASSERT_TRUE(m_store->logScalars(id, 2, {{"loss", -1.0}, {"bad", kInf}}).ok());
  ASSERT_TRUE(m_store->logScalars(id, 3, {{"loss", kNaN}}).ok());
  ASSERT_TRUE(m_store->logScalars(id, 4, {{"loss", 2.0}}).ok());

  auto latest = m_store->latestScalars(id);
  ASSERT_TRUE(latest.ok()) << latest.error().message;
  ASSERT_EQ(latest->size(), 2u);
  const LatestScalar& loss = latest->at("loss");
  EXPECT_EQ(loss.step, 4);
  EXPECT_EQ(loss.last, 2.0);
  EXPECT_EQ(loss.min, -1.0);
  EXPECT_EQ(loss.max, 3.0);
  // No finite value yet: min and max are NaN; the last value is +inf exactly.
  const LatestScalar& bad = latest->at("bad");
  EXPECT_EQ(bad.step, 2);
  EXPECT_TRUE(std::isinf(bad.last) && bad.last > 0);
  EXPECT_TRUE(std::isnan(bad.min));
  EXPECT_TRUE(std::isnan(bad.max));

  auto names = m_store->metricNames(id);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"bad", "loss"}));
}

TEST_F(ScalarsTest, LatestKeepsTheHighestStepWhenAnOlderStepArrivesLate) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->logScalars(id, 10, {{"loss", 1.0}}).ok());
  ASSERT_TRUE(m_store->logScalars(id, 5, {{"loss", 9.0}}).ok());
  const auto loss = m_store->latestScalars(id)->at("loss");
  EXPECT_EQ(loss.step, 10);
  EXPECT_EQ(loss.last, 1.0);
  EXPECT_EQ(loss.max, 9.0);
}

TEST_F(ScalarsTest, KeysAreSeparatePerRunAndName) {
  const auto a = newRun("a");
  const auto b = newRun("b");
  ASSERT_TRUE(m_store->logScalars(a, 0, {{"loss", 1.0}, {"acc", 0.1}}).ok());
  ASSERT_TRUE(m_store->logScalars(b, 0, {{"loss", 2.0}}).ok());
  EXPECT_EQ(values(*m_store->scalars(a, "loss")), std::vector<double>{1.0});
  EXPECT_EQ(values(*m_store->scalars(b, "loss")), std::vector<double>{2.0});
  EXPECT_TRUE(m_store->scalars(b, "acc")->empty());
  EXPECT_TRUE(m_store->scalars(a, "never-logged")->empty());
}

TEST_F(ScalarsTest, AfterStepReturnsOnlyLaterPoints) {
  const auto id = newRun();
  for (std::int64_t step = 0; step < 10; ++step)
    ASSERT_TRUE(m_store->logScalars(id, step, {{"loss", double(step)}}).ok());
  auto tail = m_store->scalars(id, "loss", 6);
  ASSERT_TRUE(tail.ok());
  EXPECT_EQ(values(*tail), (std::vector<double>{7, 8, 9}));
  EXPECT_EQ(m_store->scalars(id, "loss", -1)->size(), 10u);
  EXPECT_TRUE(m_store->scalars(id, "loss", 9)->empty());
}

TEST_F(ScalarsTest, RelogOfAStepOverwrites) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->logScalars(id, 3, {{"loss", 1.0}}).ok());
  ASSERT_TRUE(m_store->logScalars(id, 3, {{"loss", 0.75}}).ok());
  EXPECT_EQ(values(*m_store->scalars(id, "loss")), std::vector<double>{0.75});
}

TEST_F(ScalarsTest, LoggingForAMissingRunFailsAndLeavesNothing) {
  auto status = m_store->logScalars(404, 0, {{"loss", 1.0}});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find(storePath()), std::string::npos);
  EXPECT_NE(status.error().message.find("logScalars"), std::string::npos);
  EXPECT_NE(status.error().message.find("FOREIGN KEY constraint failed"), std::string::npos) << status.error().message;
  EXPECT_TRUE(m_store->scalars(404, "loss")->empty());
  // The failed transaction is rolled back: the store keeps working.
  const auto id = newRun();
  EXPECT_TRUE(m_store->logScalars(id, 0, {{"loss", 1.0}}).ok());
}

TEST_F(ScalarsTest, TruncateAfterStepDropsLaterRowsAndRecomputesLatest) {
  const auto id = newRun();
  const std::vector<double> logged = {5.0, 1.0, kNaN, 4.0, -3.0, 8.0};
  for (std::size_t i = 0; i < logged.size(); ++i) {
    const auto step = static_cast<std::int64_t>(i);
    ASSERT_TRUE(m_store->logScalars(id, step, {{"loss", logged[i]}}).ok());
    ASSERT_TRUE(m_store->logExpertLoad(id, {{0, step, 0, 1, 1, 1, 0, 0, 0}}).ok());
    ASSERT_TRUE(m_store->logRouting(id, {{step, 0, "image", 0, 0, {0}, {1.0f}, {1}}}).ok());
  }
  ASSERT_TRUE(m_store->logScalars(id, 4, {{"late", 1.0}}).ok());
  ASSERT_TRUE(m_store->setRunProgress(id, 5).ok());

  auto truncated = m_store->truncateAfterStep(id, 3);
  ASSERT_TRUE(truncated.ok()) << truncated.error().message;

  EXPECT_EQ(m_store->scalars(id, "loss")->size(), 4u);
  EXPECT_EQ(m_store->expertLoad(id)->size(), 4u);
  EXPECT_EQ(m_store->routing(id, 3)->size(), 1u);
  EXPECT_TRUE(m_store->routing(id, 4)->empty());
  EXPECT_EQ(m_store->run(id)->step, 3);

  auto latest = m_store->latestScalars(id);
  ASSERT_TRUE(latest.ok()) << latest.error().message;
  ASSERT_EQ(latest->size(), 1u) << "a key with no rows left disappears from scalar_latest";
  const LatestScalar& loss = latest->at("loss");
  EXPECT_EQ(loss.step, 3);
  EXPECT_EQ(loss.last, 4.0);
  EXPECT_EQ(loss.min, 1.0);  // -3 and 8 were after the cut, NaN never counts
  EXPECT_EQ(loss.max, 5.0);

  // Resuming logs the same steps again.
  ASSERT_TRUE(m_store->logScalars(id, 4, {{"loss", -3.0}}).ok());
  EXPECT_EQ(m_store->latestScalars(id)->at("loss").min, -3.0);
}

TEST_F(ScalarsTest, TruncateRecomputesNonFiniteLast) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->logScalars(id, 0, {{"loss", -kInf}}).ok());
  ASSERT_TRUE(m_store->logScalars(id, 1, {{"loss", 1.0}}).ok());
  ASSERT_TRUE(m_store->truncateAfterStep(id, 0).ok());
  const auto loss = m_store->latestScalars(id)->at("loss");
  EXPECT_TRUE(std::isinf(loss.last) && loss.last < 0);
  EXPECT_TRUE(std::isnan(loss.min));
}

TEST_F(ScalarsTest, BatchNestsAsOneTransaction) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->beginBatch().ok());
  ASSERT_TRUE(m_store->beginBatch().ok());
  ASSERT_TRUE(m_store->logScalars(id, 0, {{"loss", 1.0}}).ok());
  ASSERT_TRUE(m_store->commitBatch().ok());
  ASSERT_TRUE(m_store->logScalars(id, 1, {{"loss", 2.0}}).ok());

  // A reader on another connection sees nothing until the outer batch commits.
  auto reader = RunStore::open(storePath(), RunStore::Mode::ReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_TRUE((*reader)->scalars(id, "loss")->empty());

  ASSERT_TRUE(m_store->commitBatch().ok());
  EXPECT_EQ((*reader)->scalars(id, "loss")->size(), 2u);
  EXPECT_FALSE(m_store->commitBatch().ok()) << "commit without a batch must fail";
}

TEST_F(ScalarsTest, AFailedWriteInsideABatchUndoesOnlyItself) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->beginBatch().ok());
  ASSERT_TRUE(m_store->logScalars(id, 0, {{"loss", 1.0}}).ok());
  EXPECT_FALSE(m_store->logScalars(404, 0, {{"loss", 1.0}}).ok());
  ASSERT_TRUE(m_store->logScalars(id, 1, {{"loss", 2.0}}).ok());
  ASSERT_TRUE(m_store->commitBatch().ok());
  EXPECT_EQ(values(*m_store->scalars(id, "loss")), (std::vector<double>{1.0, 2.0}));
}

TEST_F(ScalarsTest, ClosingWithAnOpenBatchRollsItBack) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->beginBatch().ok());
  ASSERT_TRUE(m_store->logScalars(id, 0, {{"loss", 1.0}}).ok());
  m_store.reset();
  auto reopened = RunStore::open(storePath());
  ASSERT_TRUE(reopened.ok()) << reopened.error().message;
  EXPECT_TRUE((*reopened)->scalars(id, "loss")->empty());
  EXPECT_TRUE((*reopened)->logScalars(id, 0, {{"loss", 1.0}}).ok());
}

}  // namespace
}  // namespace vimoe::store::test
