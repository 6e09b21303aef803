// Process identity: the calling process is alive; an ended one, a recycled pid (another start
// time) and a reboot (another boot id) are gone; another host cannot be looked at; SIGTERM goes
// only to the process that still is the one named.
#include "vimoe/util/process_identity.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace vimoe;

namespace {

pid_t startSleeper() {
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl("/bin/sleep", "sleep", "30", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

}  // namespace

TEST(ProcessIdentity, TheCallingProcessIsAliveAndNamedFully) {
  const ProcessIdentity self = currentProcess();
  EXPECT_EQ(self.pid, ::getpid());
  EXPECT_FALSE(self.host.empty());
  EXPECT_EQ(self.bootId.size(), 36u);  // a UUID
  EXPECT_GT(self.startTicks, 0);
  EXPECT_EQ(probeProcess(self), ProcessState::Alive);
}

TEST(ProcessIdentity, AnEndedRecycledRebootedOrRemoteProcessIsNotAlive) {
  const pid_t child = startSleeper();
  const auto identity = processById(child);
  ASSERT_TRUE(identity.has_value());
  EXPECT_EQ(probeProcess(*identity), ProcessState::Alive);

  ProcessIdentity recycled = *identity;
  recycled.startTicks += 1;
  EXPECT_EQ(probeProcess(recycled), ProcessState::Gone);
  ProcessIdentity rebooted = *identity;
  rebooted.bootId = "00000000-0000-0000-0000-000000000000";
  EXPECT_EQ(probeProcess(rebooted), ProcessState::Gone);
  ProcessIdentity remote = *identity;
  remote.host = "another-machine";
  EXPECT_EQ(probeProcess(remote), ProcessState::Elsewhere);

  ::kill(child, SIGKILL);
  // Not yet reaped: a zombie has ended all the same.
  for (int i = 0; i < 100 && probeProcess(*identity) == ProcessState::Alive; ++i) ::usleep(10000);
  EXPECT_EQ(probeProcess(*identity), ProcessState::Gone);
  ::waitpid(child, nullptr, 0);
  EXPECT_EQ(probeProcess(*identity), ProcessState::Gone);
  EXPECT_FALSE(processById(child).has_value());
}

TEST(ProcessIdentity, TerminateSignalsOnlyTheSameProcess) {
  const pid_t child = startSleeper();
  const auto identity = processById(child).value();
  ProcessIdentity recycled = identity;
  recycled.startTicks += 7;
  const auto refused = terminateProcess(recycled);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("process " + std::to_string(child) + " has already ended"), std::string::npos);
  EXPECT_EQ(probeProcess(identity), ProcessState::Alive);  // the real one was not touched

  ASSERT_TRUE(terminateProcess(identity).ok());
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_FALSE(terminateProcess(identity).ok());
}
