// Starting a long job (training, a study, an attack) as a process that outlives its starter.
//
// The workbench must be closable while a run trains (DESIGN.md, "Runs are processes"), so a
// job is not its child: it runs in its own session (setsid, so neither the window's exit nor
// its terminal's hangup reaches it), is re-parented to init by a double fork, reads /dev/null
// and writes stdout and stderr to a log file that anyone can tail later. No pipe connects it
// to the starter: a pipe's reader going away is what killed runs with SIGPIPE before.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "vimoe/util/expected.h"

namespace vimoe {

struct DetachedCommand {
  std::string program;  // an absolute or relative path; not searched in PATH
  std::vector<std::string> arguments;
  std::string workingDirectory;                                 // "" = the starter's
  std::string logPath;                                          // appended to; created with its folder
  std::vector<std::pair<std::string, std::string>> environment;  // added to the starter's
};

// Starts the command and returns its pid once exec succeeded; an error with the reason when
// the log cannot be opened, the folder does not exist or the program cannot be executed.
Expected<std::int64_t> startDetached(const DetachedCommand& command);

}  // namespace vimoe
