// Jobs: the process that sets a run running is registered once per store with its identity
// and linked to the run; ended jobs leave the open list; a run whose job's process is gone is
// lost; filesReplaced notices a database or WAL file replaced under a connection.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "store_test_support.h"
#include "vimoe/store/process_job.h"

namespace vimoe::store::test {
namespace {

class JobsTest : public StoreTest {};

TEST_F(JobsTest, ARunSetRunningIsLinkedToThisProcessJobRegisteredOnce) {
  const auto a = newRun("a");
  const auto b = newRun("b");
  EXPECT_FALSE(m_store->run(a)->job.has_value());  // queued: no process yet
  ASSERT_TRUE(m_store->setRunStatus(a, RunStatus::Running).ok());
  ASSERT_TRUE(m_store->setRunStatus(b, RunStatus::Running).ok());
  const auto runA = m_store->run(a).value();
  const auto runB = m_store->run(b).value();
  ASSERT_TRUE(runA.job.has_value());
  ASSERT_TRUE(runB.job.has_value());
  EXPECT_EQ(runA.job->id, runB.job->id);
  EXPECT_EQ(runA.job->process.pid, ::getpid());
  EXPECT_EQ(runA.job->process.startTicks, currentProcess().startTicks);
  EXPECT_EQ(runA.job->kind, "process");  // nothing declared: a library caller
  EXPECT_FALSE(isLost(runA));
  EXPECT_EQ(displayStatus(runA), "running");
  ASSERT_EQ(m_store->openJobs()->size(), 1u);

  ASSERT_TRUE(m_store->endJob(runA.job->id, 3).ok());
  EXPECT_TRUE(m_store->openJobs()->empty());
  const auto ended = m_store->run(a)->job.value();
  EXPECT_EQ(ended.exitCode, 3);
  EXPECT_GT(ended.endedAt, 0);
}

TEST_F(JobsTest, ARunningRunWhoseProcessIsGoneIsLostAndAFinishedOneIsNot) {
  const auto id = newRun("killed");
  JobInfo job;
  job.kind = "train";
  job.title = "Training killed";
  // A child that has ended and been reaped: its identity names no process any more.
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  const auto identity = processById(child);
  ::waitpid(child, nullptr, 0);
  job.process = identity.value_or(ProcessIdentity{child, thisHostName(), currentProcess().bootId, 1});
  const auto jobId = m_store->registerJob(job).value();
  ASSERT_TRUE(m_store->setRunStatus(id, RunStatus::Running).ok());
  // Point the run at the dead job, as the killed process would have left it.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(storePath().c_str(), &db), SQLITE_OK);
  const std::string sql = "UPDATE run SET job_id = " + std::to_string(jobId);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  const auto lost = m_store->run(id).value();
  ASSERT_TRUE(lost.job.has_value());
  EXPECT_EQ(lost.job->title, "Training killed");
  EXPECT_TRUE(isLost(lost));
  EXPECT_EQ(displayStatus(lost), "lost");

  ASSERT_TRUE(m_store->setRunStatus(id, RunStatus::Finished).ok());
  EXPECT_FALSE(isLost(m_store->run(id).value()));
  EXPECT_EQ(displayStatus(m_store->run(id).value()), "finished");
}

TEST_F(JobsTest, ADeclaredJobIsRegisteredWhenTheStoreOpensAndEndedWithItsStatus) {
  declareProcessJob({"study", "Study dense-vs-moe", "/tmp/study.log"});
  const std::string other = m_dir.file("other.sqlite");
  {
    auto store = RunStore::open(other).value();
    const auto jobs = store->openJobs().value();
    ASSERT_EQ(jobs.size(), 1u);
    EXPECT_EQ(jobs[0].kind, "study");
    EXPECT_EQ(jobs[0].title, "Study dense-vs-moe");
    EXPECT_EQ(jobs[0].logPath, "/tmp/study.log");
    EXPECT_EQ(jobs[0].process.pid, ::getpid());
  }
  endProcessJob(0);
  auto store = RunStore::open(other).value();
  EXPECT_TRUE(store->openJobs()->empty());
}

TEST_F(JobsTest, FilesReplacedNoticesANewDatabaseOrWalFile) {
  const auto id = newRun("x");
  auto reader = RunStore::open(storePath(), RunStore::Mode::ReadOnly).value();
  ASSERT_TRUE(reader->run(id).ok());
  EXPECT_FALSE(reader->filesReplaced());
  EXPECT_FALSE(reader->filesReplaced());
  // What the GUI saw: another process deleted the WAL this reader had open and wrote a new one.
  const std::string wal = storePath() + "-wal";
  ASSERT_TRUE(std::filesystem::exists(wal));
  std::filesystem::copy_file(wal, wal + ".copy");
  std::filesystem::remove(wal);
  std::filesystem::rename(wal + ".copy", wal);
  EXPECT_TRUE(reader->filesReplaced());

  auto fresh = RunStore::open(storePath(), RunStore::Mode::ReadOnly).value();
  ASSERT_TRUE(fresh->run(id).ok());
  EXPECT_FALSE(fresh->filesReplaced());
  std::filesystem::copy_file(storePath(), storePath() + ".copy");
  std::filesystem::rename(storePath() + ".copy", storePath());
  EXPECT_TRUE(fresh->filesReplaced());
}

}  // namespace
}  // namespace vimoe::store::test
