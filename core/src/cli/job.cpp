#include "vimoe/cli/job.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "vimoe/cli/verbs.h"
#include "vimoe/store/process_job.h"

namespace vimoe::cli {

int runAsJob(const std::string& kind, const std::string& title, const std::function<int()>& verb) {
  std::signal(SIGPIPE, SIG_IGN);
  const char* log = std::getenv(store::kJobLogEnvironment);
  store::declareProcessJob({kind, title, log ? log : ""});
  int code = kExitFailed;
  try {
    code = verb();
  } catch (const std::exception& e) {
    // As main() reports it, but here the job still ends with its status.
    std::fprintf(stderr, "internal error: %s\n", e.what());
  }
  store::endProcessJob(code);
  if (log && *log) {
    std::fflush(stderr);
    std::printf("{\"exit_code\": %d}\n", code);
    std::fflush(stdout);
  }
  return code;
}

}  // namespace vimoe::cli
