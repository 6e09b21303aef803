// A writer process and a reader process on one store, as with the trainer child and the GUI:
// the reader sees commits while the writer is still running (WAL), and data_version tells it
// that something changed. The writer pauses halfway until the reader has looked, so the
// intermediate state is guaranteed however fast the machine is; no assertion is on timing.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "store_test_support.h"

namespace vimoe::store::test {
namespace {

constexpr int kSteps = 50;
constexpr int kHalf = kSteps / 2;
constexpr auto kDeadline = std::chrono::seconds(10);

bool writeByte(int fd, char c) {
  return ::write(fd, &c, 1) == 1;
}

// Waits up to `timeoutMs` for one byte; false on timeout, error or end of file.
bool readByte(int fd, int timeoutMs) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, timeoutMs) != 1) return false;
  char c = 0;
  return ::read(fd, &c, 1) == 1;
}

// The child: no gtest macros here, only an exit code, and _exit so the parent's gtest state
// (and any static destructors) are not run twice.
[[noreturn]] void writerChild(const std::string& path, std::int64_t runId, int toParent, int fromParent) {
  auto store = RunStore::open(path);
  if (!store.ok()) ::_exit(2);
  if (!readByte(fromParent, 10000)) ::_exit(3);  // "start"
  for (int step = 0; step < kSteps; ++step) {
    if (step == kHalf) {
      if (!writeByte(toParent, 'h')) ::_exit(4);
      if (!readByte(fromParent, 10000)) ::_exit(5);  // "go on"
    }
    if (!(*store)->logScalars(runId, step, {{"loss", 1.0 / (step + 1)}}).ok()) ::_exit(6);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  store->reset();
  ::_exit(0);
}

TEST(RunStoreTwoProcesses, ReaderSeesAWriterProgressWhileItRuns) {
  TempDir dir;
  const auto path = dir.file("live.sqlite");
  std::int64_t runId = 0;
  {
    // Created and closed before fork(): a SQLite connection must not cross a fork.
    auto store = RunStore::open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    NewRun run;
    run.name = "live";
    runId = *(*store)->createRun(run);
  }

  int toParent[2], fromParent[2];
  ASSERT_EQ(::pipe(toParent), 0);
  ASSERT_EQ(::pipe(fromParent), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(toParent[0]);
    ::close(fromParent[1]);
    writerChild(path, runId, toParent[1], fromParent[0]);
  }
  ::close(toParent[1]);
  ::close(fromParent[0]);
  // Make sure a failed assertion below never leaves the child waiting forever.
  struct ChildGuard {
    pid_t pid;
    int fds[2];
    bool reaped = false;
    ~ChildGuard() {
      ::close(fds[0]);
      ::close(fds[1]);
      if (!reaped) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
      }
    }
  } guard{child, {toParent[0], fromParent[1]}};

  auto reader = RunStore::open(path, RunStore::Mode::ReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto count = [&]() -> int {
    auto points = (*reader)->scalars(runId, "loss");
    return points.ok() ? static_cast<int>(points->size()) : -1;
  };
  const std::int64_t initialVersion = *(*reader)->dataVersion();
  ASSERT_EQ(count(), 0);
  ASSERT_TRUE(writeByte(fromParent[1], 's'));

  // Poll while the first half is written, until the writer says it is waiting.
  bool sawIntermediate = false, sawVersionChange = false, writerPaused = false;
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;
  while (!writerPaused && std::chrono::steady_clock::now() < deadline) {
    writerPaused = readByte(toParent[0], 2);
    const int n = count();
    ASSERT_GE(n, 0) << "reading failed while the writer runs";
    if (n > 0 && n < kSteps) sawIntermediate = true;
    if (*(*reader)->dataVersion() != initialVersion) sawVersionChange = true;
  }
  ASSERT_TRUE(writerPaused) << "the writer did not reach the halfway point in time";
  EXPECT_TRUE(sawIntermediate);
  EXPECT_TRUE(sawVersionChange);
  EXPECT_EQ(count(), kHalf);

  const std::int64_t halfVersion = *(*reader)->dataVersion();
  ASSERT_TRUE(writeByte(fromParent[1], 'g'));
  int status = 0;
  pid_t done = 0;
  while ((done = ::waitpid(child, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < deadline + kDeadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(done, child) << "the writer did not finish in time";
  guard.reaped = true;
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0) << "the writer failed (exit code names the step that failed)";

  auto points = (*reader)->scalars(runId, "loss");
  ASSERT_TRUE(points.ok()) << points.error().message;
  ASSERT_EQ(points->size(), static_cast<std::size_t>(kSteps));
  EXPECT_EQ(points->back().step, kSteps - 1);
  EXPECT_EQ(points->back().value, 1.0 / kSteps);
  EXPECT_NE(*(*reader)->dataVersion(), halfVersion);
  EXPECT_EQ((*reader)->latestScalars(runId)->at("loss").step, kSteps - 1);
}

}  // namespace
}  // namespace vimoe::store::test
