// Runs the real `vimoe` binary as a child process and captures its exit code and output.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

namespace vimoe::test_support {

struct CliResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};

// Starts `vimoe args...` with stdout and stderr redirected to files in `dir`; returns the pid.
inline pid_t startCli(const std::vector<std::string>& args, const std::string& dir) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int out = ::open((dir + "/stdout.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open((dir + "/stderr.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out, 1);
    ::dup2(err, 2);
    std::vector<char*> argv;
    std::string program = VIMOE_CLI_PATH;
    argv.push_back(program.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

inline std::string slurp(const std::string& path) {
  std::string text;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, n);
    std::fclose(f);
  }
  return text;
}

inline CliResult waitCli(pid_t pid, const std::string& dir) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  CliResult r;
  r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(dir + "/stdout.txt");
  r.err = slurp(dir + "/stderr.txt");
  return r;
}

inline CliResult runCli(const std::vector<std::string>& args, const std::string& dir) {
  return waitCli(startCli(args, dir), dir);
}

// Copies the demo project's definition (not its data or store) into `dir`.
inline void copyDemoProject(const std::string& dir) {
  namespace fs = std::filesystem;
  const fs::path demo = fs::path(VIMOE_SOURCE_DIR) / "projects" / "demo";
  fs::copy_file(demo / "vimoe-project.json", fs::path(dir) / "vimoe-project.json");
  fs::copy(demo / "experiments", fs::path(dir) / "experiments", fs::copy_options::recursive);
  fs::copy(demo / "studies", fs::path(dir) / "studies", fs::copy_options::recursive);
}

}  // namespace vimoe::test_support
