// startDetached: the job runs in its own session, is not the starter's child, writes its
// output to the log (appended), sees the added environment, and start failures name the file.
#include "vimoe/util/detached_process.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "support/scratch_dir.h"
#include "vimoe/util/process_identity.h"

using namespace vimoe;

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Field 4 (ppid) and 6 (session) of /proc/PID/stat, counted after the command's ')'.
std::pair<long, long> parentAndSession(std::int64_t pid) {
  const std::string stat = readFile("/proc/" + std::to_string(pid) + "/stat");
  std::istringstream fields(stat.substr(stat.rfind(')') + 2));
  std::string state;
  long ppid = 0, group = 0, session = 0;
  fields >> state >> ppid >> group >> session;
  return {ppid, session};
}

void waitUntilGone(std::int64_t pid) {
  const auto identity = processById(pid);
  for (int i = 0; identity && i < 500 && probeProcess(*identity) == ProcessState::Alive; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

}  // namespace

TEST(DetachedProcess, RunsInItsOwnSessionWithItsOutputInTheLog) {
  test_support::ScratchDir dir;
  const std::string log = dir.path("logs/job.log");  // the folder is created
  DetachedCommand command;
  command.program = "/bin/sh";
  command.arguments = {"-c", "echo out:$VIMOE_TEST_VALUE; echo err >&2; pwd; sleep 0.5"};
  command.workingDirectory = dir.path("");
  command.logPath = log;
  command.environment = {{"VIMOE_TEST_VALUE", "42"}};
  auto pid = startDetached(command);
  ASSERT_TRUE(pid.ok()) << pid.error().message;
  const auto [parent, session] = parentAndSession(*pid);
  EXPECT_NE(parent, ::getpid());    // re-parented: closing the starter does not touch it
  EXPECT_NE(session, ::getsid(0));  // another session: the starter's hangup does not reach it
  waitUntilGone(*pid);
  const std::string text = readFile(log);
  EXPECT_NE(text.find("out:42\n"), std::string::npos) << text;
  EXPECT_NE(text.find("err\n"), std::string::npos) << text;
  EXPECT_NE(text.find(std::filesystem::path(dir.path("")).filename().string()), std::string::npos) << text;

  // A second job appends to the same log.
  command.arguments = {"-c", "echo second"};
  auto again = startDetached(command);
  ASSERT_TRUE(again.ok()) << again.error().message;
  waitUntilGone(*again);
  EXPECT_NE(readFile(log).find("out:42\nerr\n"), std::string::npos);
  EXPECT_NE(readFile(log).find("second\n"), std::string::npos);
}

TEST(DetachedProcess, FailuresToStartNameTheFileAndTheReason) {
  test_support::ScratchDir dir;
  DetachedCommand missing;
  missing.program = dir.path("no-such-vimoe");
  missing.logPath = dir.path("job.log");
  auto failed = startDetached(missing);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().message.find(dir.path("no-such-vimoe") + ": cannot execute the program: No such file"),
            std::string::npos)
      << failed.error().message;

  DetachedCommand badFolder;
  badFolder.program = "/bin/true";
  badFolder.workingDirectory = dir.path("missing-folder");
  badFolder.logPath = dir.path("job.log");
  failed = startDetached(badFolder);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().message.find("missing-folder: cannot enter the working folder"), std::string::npos)
      << failed.error().message;
}
