// Long verbs (train, study, attack, compress) run as jobs: the process declares itself in the
// stores it writes (pid, host, start time, log file: vimoe/store/process_job.h) so that the
// workbench can follow, cancel and tell lost runs, and ends the job with its exit status.
#pragma once

#include <functional>
#include <string>

namespace vimoe::cli {

// Runs `verb` as a job of `kind` titled `title`. The log file is $VIMOE_JOB_LOG (set by the
// workbench, which sends the job's output there); when it is set, the last line written to
// stdout is the exit record {"exit_code": N}, the one thing a starter that is not the parent
// cannot learn otherwise. SIGPIPE is ignored for the job's lifetime: a closed stdout (a
// starter that went away) must not end a training run; writes then fail quietly.
int runAsJob(const std::string& kind, const std::string& title, const std::function<int()>& verb);

}  // namespace vimoe::cli
