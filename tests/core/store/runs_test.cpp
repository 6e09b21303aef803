// The run table: creation fills defaults, status changes set times, listing and deletion.
#include <unistd.h>

#include "store_test_support.h"

namespace vimoe::store::test {
namespace {

using RunsTest = StoreTest;

TEST(RunStatusNames, RoundTripAndRejectUnknown) {
  for (auto s : {RunStatus::Queued, RunStatus::Running, RunStatus::Finished, RunStatus::Failed, RunStatus::Cancelled,
                 RunStatus::Diverged})
    EXPECT_EQ(parseRunStatus(runStatusName(s)), s);
  EXPECT_STREQ(runStatusName(RunStatus::Diverged), "diverged");
  EXPECT_FALSE(parseRunStatus("exploded").has_value());
}

TEST_F(RunsTest, CreateFillsDefaultsAndReadsBackEveryField) {
  NewRun spec;
  spec.name = "moe-e8";
  spec.kind = "caption";
  spec.configJson = R"({"experts":8})";
  spec.seed = 42;
  spec.totalSteps = 1000;
  spec.checkpointDir = "/tmp/ckpt";
  spec.tags = "moe,e8";
  spec.gitRevision = "abc123";
  spec.versions = "torch 1.13.1";
  auto id = m_store->createRun(spec);
  ASSERT_TRUE(id.ok()) << id.error().message;

  auto run = m_store->run(*id);
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_EQ(run->id, *id);
  EXPECT_EQ(run->name, "moe-e8");
  EXPECT_EQ(run->kind, "caption");
  EXPECT_EQ(run->status, RunStatus::Queued);
  EXPECT_EQ(run->configJson, R"({"experts":8})");
  EXPECT_EQ(run->configHash.size(), 16u);
  EXPECT_FALSE(run->parentRunId.has_value());
  EXPECT_EQ(run->seed, 42);
  EXPECT_EQ(run->gitRevision, "abc123");
  EXPECT_EQ(run->versions, "torch 1.13.1");
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  EXPECT_EQ(run->host, host);
  EXPECT_GT(run->createdAt, 1.5e9);
  EXPECT_EQ(run->startedAt, 0.0);
  EXPECT_EQ(run->endedAt, 0.0);
  EXPECT_EQ(run->tags, "moe,e8");
  EXPECT_EQ(run->step, 0);
  EXPECT_EQ(run->totalSteps, 1000);
  EXPECT_EQ(run->checkpointDir, "/tmp/ckpt");
}

TEST_F(RunsTest, ConfigHashDependsOnlyOnTheConfig) {
  NewRun a, b, c;
  a.name = "a";
  b.name = "b";
  c.name = "c";
  a.configJson = b.configJson = R"({"lr":0.001})";
  c.configJson = R"({"lr":0.002})";
  auto ha = m_store->run(*m_store->createRun(a))->configHash;
  auto hb = m_store->run(*m_store->createRun(b))->configHash;
  auto hc = m_store->run(*m_store->createRun(c))->configHash;
  EXPECT_EQ(ha, hb);
  EXPECT_NE(ha, hc);
}

TEST_F(RunsTest, ListReturnsRunsInCreationOrderWithParents) {
  const auto dense = newRun("dense");
  NewRun child;
  child.name = "upcycled";
  child.parentRunId = dense;
  auto childId = m_store->createRun(child);
  ASSERT_TRUE(childId.ok()) << childId.error().message;

  auto runs = m_store->listRuns();
  ASSERT_TRUE(runs.ok()) << runs.error().message;
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[0].name, "dense");
  EXPECT_EQ((*runs)[1].name, "upcycled");
  EXPECT_EQ((*runs)[1].parentRunId, dense);
}

TEST_F(RunsTest, UnknownParentIsRejected) {
  NewRun orphan;
  orphan.name = "orphan";
  orphan.parentRunId = 999;
  auto id = m_store->createRun(orphan);
  ASSERT_FALSE(id.ok());
  EXPECT_NE(id.error().message.find("FOREIGN KEY"), std::string::npos) << id.error().message;
}

TEST_F(RunsTest, StatusChangesSetStartAndEndTimes) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->setRunStatus(id, RunStatus::Running).ok());
  auto running = m_store->run(id);
  EXPECT_EQ(running->status, RunStatus::Running);
  EXPECT_GT(running->startedAt, 0.0);
  EXPECT_EQ(running->endedAt, 0.0);

  ASSERT_TRUE(m_store->setRunStatus(id, RunStatus::Diverged).ok());
  auto ended = m_store->run(id);
  EXPECT_EQ(ended->status, RunStatus::Diverged);
  EXPECT_EQ(ended->startedAt, running->startedAt);
  EXPECT_GE(ended->endedAt, ended->startedAt);

  // Resuming keeps the first start time and clears the end.
  ASSERT_TRUE(m_store->setRunStatus(id, RunStatus::Running).ok());
  auto resumed = m_store->run(id);
  EXPECT_EQ(resumed->startedAt, running->startedAt);
  EXPECT_EQ(resumed->endedAt, 0.0);
}

TEST_F(RunsTest, ProgressAndNotes) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->setRunProgress(id, 120).ok());
  ASSERT_TRUE(m_store->setRunNotes(id, "router collapsed at 100").ok());
  auto run = m_store->run(id);
  EXPECT_EQ(run->step, 120);
  EXPECT_EQ(run->notes, "router collapsed at 100");
}

TEST_F(RunsTest, UpdatesOfAMissingRunFailNamingIt) {
  for (const Status& status : {m_store->setRunStatus(7, RunStatus::Running), m_store->setRunProgress(7, 1),
                               m_store->setRunNotes(7, "x"), m_store->deleteRun(7)}) {
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().message.find("run 7 does not exist"), std::string::npos) << status.error().message;
    EXPECT_EQ(status.error().message.rfind(storePath(), 0), 0u) << status.error().message;
  }
  auto missing = m_store->run(7);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("run 7 does not exist"), std::string::npos);
}

TEST_F(RunsTest, DeleteRemovesTheRunAndAllItsRows) {
  const auto keep = newRun("keep");
  const auto gone = newRun("gone");
  NewRun child;
  child.name = "child";
  child.parentRunId = gone;
  const auto childId = *m_store->createRun(child);
  const auto study = *m_store->createStudy("sweep", "{}");
  for (auto id : {keep, gone}) {
    ASSERT_TRUE(m_store->logScalars(id, 1, {{"loss", 1.0}}).ok());
    ASSERT_TRUE(m_store->setMoeLayers(id, {"vision.3"}).ok());
    ASSERT_TRUE(m_store->logExpertLoad(id, {{0, 1, 0, 10, 1, 0.5, 0, 5, 5}}).ok());
    ASSERT_TRUE(m_store->logRouting(id, {{1, 0, "image", 0, 0, {1, 2}, {0.6f, 0.4f}, {1, 1}}}).ok());
    ASSERT_TRUE(m_store->writeEval(id, {"val", "cider", 0.5, "{}"}).ok());
    ASSERT_TRUE(m_store->addArtifact(id, "checkpoint", "/c", "00").ok());
    ASSERT_TRUE(m_store->addStudyRun(study, id, "moe").ok());
  }

  auto deleted = m_store->deleteRun(gone);
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;

  EXPECT_FALSE(m_store->run(gone).ok());
  EXPECT_TRUE(m_store->scalars(gone, "loss")->empty());
  EXPECT_TRUE(m_store->latestScalars(gone)->empty());
  EXPECT_TRUE(m_store->moeLayers(gone)->empty());
  EXPECT_TRUE(m_store->expertLoad(gone)->empty());
  EXPECT_TRUE(m_store->routing(gone, 1)->empty());
  EXPECT_TRUE(m_store->evals(gone)->empty());
  EXPECT_TRUE(m_store->artifacts(gone)->empty());
  EXPECT_EQ(*m_store->studyRuns(study), std::vector<std::int64_t>{keep});
  EXPECT_FALSE(m_store->run(childId)->parentRunId.has_value());

  // The other run is untouched.
  EXPECT_EQ(m_store->scalars(keep, "loss")->size(), 1u);
  EXPECT_EQ(m_store->expertLoad(keep)->size(), 1u);
  EXPECT_EQ(m_store->routing(keep, 1)->size(), 1u);
  EXPECT_EQ(m_store->evals(keep)->size(), 1u);
  EXPECT_EQ(m_store->artifacts(keep)->size(), 1u);
}

}  // namespace
}  // namespace vimoe::store::test
