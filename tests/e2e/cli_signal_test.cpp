// SIGTERM to a training child: it stops at the next step boundary, writes a checkpoint,
// marks the run cancelled and exits 0; `vimoe train --resume` then finishes it.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "e2e/cli_process.h"
#include "support/scratch_dir.h"
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
