// Who a process is, in a form that survives the process: pid, host, boot and start time.
//
// A pid alone does not name a process: after the process ends the kernel hands the number to
// another one, and after a reboot every number starts again. The kernel's boot id
// (/proc/sys/kernel/random/boot_id) and the process's start time in clock ticks since boot
// (/proc/PID/stat, field 22) together make the pair unique, which is what lets the workbench
// tell "this run's trainer is still at work" from "it was killed and its pid reused", and send
// SIGTERM only to the process that really is the job.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "vimoe/util/expected.h"

namespace vimoe {

struct ProcessIdentity {
  std::int64_t pid = 0;
  std::string host;
  std::string bootId;
  std::int64_t startTicks = 0;

  bool empty() const { return pid <= 0; }
};

enum class ProcessState {
  Alive,     // this host, same boot, a process with this pid and start time exists
  Gone,      // this host: the process ended (or the machine rebooted since)
  Elsewhere  // another host: it cannot be looked at from here
};

const char* processStateName(ProcessState state);

// The calling process.
ProcessIdentity currentProcess();
// A process of this host by pid; nullopt when there is none.
std::optional<ProcessIdentity> processById(std::int64_t pid);
std::string thisHostName();
ProcessState probeProcess(const ProcessIdentity& process);

// SIGTERM to `process` if it is still that process (same start time); an error naming the pid
// when it is gone, on another host, or the signal is refused.
Status terminateProcess(const ProcessIdentity& process);

}  // namespace vimoe
