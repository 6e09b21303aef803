#include "vimoe/util/detached_process.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace vimoe {
namespace {

// What the grandchild reports through the status pipe: its pid, or the step and errno that
// failed before exec. exec closes the pipe (O_CLOEXEC), so "nothing more to read" is success.
struct LaunchReport {
  std::int64_t pid = 0;
  int failedStep = 0;  // 0 = none
  int error = 0;
};

enum FailedStep { kNone = 0, kChdir, kOpenLog, kExec, kFork };

const char* stepName(int step) {
  switch (step) {
    case kChdir: return "cannot enter the working folder";
    case kOpenLog: return "cannot open the log file";
    case kExec: return "cannot execute the program";
    case kFork: return "cannot fork";
  }
  return "cannot start";
}

void writeAll(int fd, const void* data, std::size_t size) {
  const char* bytes = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, bytes, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    bytes += n;
    size -= static_cast<std::size_t>(n);
  }
}

[[noreturn]] void reportAndExit(int fd, LaunchReport report) {
  writeAll(fd, &report, sizeof report);
  ::_exit(127);
}

// Runs in the grandchild: only async-signal-safe calls (the starter may have threads).
[[noreturn]] void becomeJob(const DetachedCommand& command, char* const* argv, char* const* envp, int statusFd) {
  LaunchReport report;
  report.pid = ::getpid();
  if (!command.workingDirectory.empty() && ::chdir(command.workingDirectory.c_str()) != 0)
    reportAndExit(statusFd, {report.pid, kChdir, errno});
  const int log = ::open(command.logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log < 0) reportAndExit(statusFd, {report.pid, kOpenLog, errno});
  const int nullInput = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (nullInput >= 0) ::dup2(nullInput, STDIN_FILENO);
  ::dup2(log, STDOUT_FILENO);
  ::dup2(log, STDERR_FILENO);
  // Every other descriptor of the starter (the store's files among them) is closed by exec:
  // ours are O_CLOEXEC; Qt and SQLite open theirs with O_CLOEXEC too.
  writeAll(statusFd, &report, sizeof report);
  ::execve(argv[0], argv, envp);
  reportAndExit(statusFd, {report.pid, kExec, errno});
}

}  // namespace

Expected<std::int64_t> startDetached(const DetachedCommand& command) {
  const std::string what = "starting " + command.program;
  std::error_code ec;
  const auto logDir = std::filesystem::path(command.logPath).parent_path();
  if (!logDir.empty()) std::filesystem::create_directories(logDir, ec);
  if (ec) return Error::at(logDir.string(), "cannot create the log folder: " + ec.message());

  // Everything the children need is built before fork: after it, no allocation.
  std::vector<std::string> args{command.program};
  args.insert(args.end(), command.arguments.begin(), command.arguments.end());
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<std::string> env;
  for (char** entry = environ; entry && *entry; ++entry) {
    const std::string text = *entry;
    bool overridden = false;
    for (const auto& [name, value] : command.environment) overridden |= text.rfind(name + "=", 0) == 0;
    if (!overridden) env.push_back(text);
  }
  for (const auto& [name, value] : command.environment) env.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& entry : env) envp.push_back(entry.data());
  envp.push_back(nullptr);

  int status[2];
  if (::pipe2(status, O_CLOEXEC) != 0) return Error{what + ": cannot create a pipe: " + std::strerror(errno)};
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(status[0]);
    ::close(status[1]);
    return Error{what + ": cannot fork: " + std::strerror(errno)};
  }
  if (child == 0) {
    // The intermediate child: a new session, then the job's fork, then gone, so that init and
    // not the starter becomes the job's parent (nobody has to reap it).
    ::close(status[0]);
    ::setsid();
    const pid_t job = ::fork();
    if (job < 0) reportAndExit(status[1], {0, kFork, errno});
    if (job == 0) becomeJob(command, argv.data(), envp.data(), status[1]);
    ::_exit(0);
  }
  ::close(status[1]);
  int ignored = 0;
  while (::waitpid(child, &ignored, 0) < 0 && errno == EINTR) {
  }
  // First report: the pid (or an early failure); a second one only if exec failed.
  LaunchReport reports[2];
  std::size_t got = 0;
  char* into = reinterpret_cast<char*>(reports);
  for (;;) {
    const ssize_t n = ::read(status[0], into + got, sizeof reports - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(status[0]);
  const std::size_t count = got / sizeof(LaunchReport);
  if (count == 0) return Error{what + ": the job process ended before reporting"};
  const LaunchReport& last = reports[count - 1];
  if (last.failedStep != kNone) {
    const std::string where = last.failedStep == kOpenLog ? command.logPath
                              : last.failedStep == kChdir ? command.workingDirectory
                                                          : command.program;
    return Error::at(where, std::string(stepName(last.failedStep)) + ": " + std::strerror(last.error));
  }
  return last.pid;
}

}  // namespace vimoe
