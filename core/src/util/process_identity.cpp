#include "vimoe/util/process_identity.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace vimoe {
namespace {

std::string readFirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string currentBootId() {
  static const std::string bootId = readFirstLine("/proc/sys/kernel/random/boot_id");
  return bootId;
}

// Field 22 of /proc/PID/stat. Field 2 (the command name) is in parentheses and may itself
// contain spaces and parentheses, so fields are counted after its last ')'.
std::optional<std::int64_t> startTicksOf(std::int64_t pid) {
  const std::string stat = readFirstLine("/proc/" + std::to_string(pid) + "/stat");
  const std::size_t close = stat.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(stat.substr(close + 1));
  std::string field;
  for (int index = 3; fields >> field; ++index) {
    if (index < 22) continue;
    try {
      return std::stoll(field);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

const char* processStateName(ProcessState state) {
  switch (state) {
    case ProcessState::Alive: return "alive";
    case ProcessState::Gone: return "gone";
    case ProcessState::Elsewhere: return "elsewhere";
  }
  return "unknown";
}

std::string thisHostName() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "";
  return name;
}

std::optional<ProcessIdentity> processById(std::int64_t pid) {
  auto ticks = startTicksOf(pid);
  if (!ticks) return std::nullopt;
  return ProcessIdentity{pid, thisHostName(), currentBootId(), *ticks};
}

ProcessIdentity currentProcess() {
  return processById(::getpid()).value_or(ProcessIdentity{::getpid(), thisHostName(), currentBootId(), 0});
}

ProcessState probeProcess(const ProcessIdentity& process) {
  if (process.empty()) return ProcessState::Gone;
  if (process.host != thisHostName()) return ProcessState::Elsewhere;
  if (process.bootId != currentBootId()) return ProcessState::Gone;  // rebooted since
  const auto ticks = startTicksOf(process.pid);
  // A zombie still has its stat file; it has ended all the same.
  if (!ticks || *ticks != process.startTicks) return ProcessState::Gone;
  const std::string stat = readFirstLine("/proc/" + std::to_string(process.pid) + "/stat");
  const std::size_t close = stat.rfind(')');
  if (close != std::string::npos && close + 2 < stat.size() && stat[close + 2] == 'Z') return ProcessState::Gone;
  return ProcessState::Alive;
}

Status terminateProcess(const ProcessIdentity& process) {
  const std::string who = "process " + std::to_string(process.pid);
  switch (probeProcess(process)) {
    case ProcessState::Gone: return Error{who + " has already ended"};
    case ProcessState::Elsewhere: return Error{who + " runs on host '" + process.host + "'; cancel it there"};
    case ProcessState::Alive: break;
  }
  if (::kill(static_cast<pid_t>(process.pid), SIGTERM) != 0)
    return Error{"cannot signal " + who + ": " + std::strerror(errno)};
  return okStatus();
}

}  // namespace vimoe
