// SIGTERM to a training child: it stops at the next step boundary, writes a checkpoint,
// marks the run cancelled and exits 0; `vimoe train --resume` then finishes it.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"
#include "vimoe/store/process_job.h"
#include "vimoe/store/run_store.h"

using namespace vimoe;

namespace {

// Polls the store like the GUI does until run 1 has reached `step` (or two minutes pass).
std::int64_t waitForStep(const std::string& storePath, std::int64_t step) {
  std::int64_t seen = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (seen < step && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly);
    if (!store) continue;
    auto run = (*store)->run(1);
    if (run && run->status == store::RunStatus::Running) seen = run->step;
  }
  return seen;
}

}  // namespace

TEST(CliSignal, SigtermCancelsAtAStepBoundaryAndResumeContinuesTheRun) {
  test_support::ScratchDir dir;
  test_support::copyDemoProject(dir.path(""));
  const std::string storePath = dir.path("signal.db");
  const auto pid = test_support::startCli(
      {"--threads", "1", "train", dir.path("experiments/contrastive-tiny.json"), "--store", storePath, "--set",
       "data.root=data/tiny", "--set", "data.synthetic.train_images=64", "--set", "data.synthetic.val_images=16", "--set",
       "data.tokenizer=tokenizer/tiny.model", "--set", "optim.batch_size=8", "--set", "run.steps=100000", "--set",
       "run.log_every=1", "--set", "run.eval_every=100000", "--set", "run.checkpoint_every=100000"},
      dir.path(""));
  ASSERT_GE(waitForStep(storePath, 3), 3) << "the run never started";
  ::kill(pid, SIGTERM);
  const auto r = test_support::waitCli(pid, dir.path(""));
  EXPECT_EQ(r.exitCode, 0) << r.err;

  auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  const auto run = store->run(1).value();
  EXPECT_EQ(run.status, store::RunStatus::Cancelled);
  EXPECT_GE(run.step, 3);
  EXPECT_TRUE(std::filesystem::exists(run.checkpointDir + "/model.safetensors"));
  EXPECT_NE(test_support::slurp(run.checkpointDir + "/state.json").find("\"step\": " + std::to_string(run.step)),
            std::string::npos);
  store.reset();

  // The resumed child continues the same run from the saved step (its config comes from the
  // checkpoint) and can be cancelled again cleanly.
  const auto resumePid = test_support::startCli({"--threads", "1", "train", "--resume", "1", "--store", storePath}, dir.path(""));
  EXPECT_GE(waitForStep(storePath, run.step + 2), run.step + 2);
  ::kill(resumePid, SIGTERM);
  const auto resumed = test_support::waitCli(resumePid, dir.path(""));
  EXPECT_EQ(resumed.exitCode, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("resuming run 1 at step " + std::to_string(run.step)), std::string::npos) << resumed.err;
  auto after = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  EXPECT_EQ(after->run(1)->status, store::RunStatus::Cancelled);
  EXPECT_EQ(after->listRuns()->size(), 1u);
}

// SIGKILL leaves no chance to mark the run: the store keeps "running", but the job row names a
// process that is gone, so `runs list` says lost, a second resume of a live run is refused, and
// `--resume` continues the lost run from its last checkpoint to the end.
TEST(CliSignal, AKilledRunIsListedLostAndResumesToTheEnd) {
  test_support::ScratchDir dir;
  test_support::copyDemoProject(dir.path(""));
  const std::string storePath = dir.path("killed.db");
  const std::vector<std::string> common = {"--set", "data.root=data/tiny", "--set", "data.synthetic.train_images=64",
                                           "--set", "data.synthetic.val_images=16", "--set",
                                           "data.tokenizer=tokenizer/tiny.model", "--set", "optim.batch_size=8",
                                           "--set", "run.log_every=1", "--set", "run.eval_every=100000"};
  std::vector<std::string> args = {"--threads", "1", "train", dir.path("experiments/contrastive-tiny.json"), "--store",
                                   storePath, "--set", "run.steps=400", "--set", "run.checkpoint_every=4", "--set", "optim.warmup_steps=2"};
  args.insert(args.end(), common.begin(), common.end());
  const auto pid = test_support::startCli(args, dir.path(""));
  ASSERT_GE(waitForStep(storePath, 9), 9) << "the run never started";

  // While it trains, the run is running (not lost) and cannot be resumed by a second process.
  {
    auto store = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
    const auto run = store->run(1).value();
    ASSERT_TRUE(run.job.has_value());
    EXPECT_EQ(run.job->process.pid, pid);
    EXPECT_EQ(run.job->kind, "train");
    EXPECT_EQ(store::displayStatus(run), "running");
    const auto second = test_support::runCli({"--threads", "1", "train", "--resume", "1", "--store", storePath}, dir.path(""));
    EXPECT_NE(second.exitCode, 0);
    EXPECT_NE(second.err.find("is still running (process " + std::to_string(pid)), std::string::npos) << second.err;
  }

  ::kill(pid, SIGKILL);
  test_support::waitCli(pid, dir.path(""));
  const auto listed = test_support::runCli({"runs", "list", "--store", storePath}, dir.path(""));
  EXPECT_EQ(listed.exitCode, 0) << listed.err;
  EXPECT_NE(listed.out.find(" lost "), std::string::npos) << listed.out;
  const auto json = test_support::runCli({"runs", "list", "--store", storePath, "--json"}, dir.path(""));
  EXPECT_NE(json.out.find("\"status\": \"lost\""), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"state\": \"gone\""), std::string::npos) << json.out;

  const auto resumed = test_support::runCli({"--threads", "1", "train", "--resume", "1", "--store", storePath}, dir.path(""));
  EXPECT_EQ(resumed.exitCode, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("resuming run 1 at step "), std::string::npos) << resumed.err;
  auto after = store::RunStore::open(storePath, store::RunStore::Mode::ReadOnly).value();
  const auto run = after->run(1).value();
  EXPECT_EQ(run.status, store::RunStatus::Finished);
  EXPECT_EQ(run.step, 400);
  EXPECT_EQ(store::displayStatus(run), "finished");
  ASSERT_TRUE(run.job.has_value());
  EXPECT_NE(run.job->process.pid, pid);  // the resuming process now owns the run
  EXPECT_EQ(run.job->kind, "train");
  EXPECT_EQ(after->listRuns()->size(), 1u);
}
