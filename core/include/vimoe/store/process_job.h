// The job this process is, in every store it writes runs to, and what readers make of it.
//
// The CLI declares the job before a long verb (train, study, attack, compress) and ends it
// when the verb returns; in between, every store the process opens read-write gets one job
// row with the process's identity and log file, and every run it sets running points at that
// row. A run still marked running whose job's process is gone was killed (or its machine
// rebooted): it is "lost", shown so by `vimoe runs list` and the workbench, and resumable.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "vimoe/store/run_store.h"

namespace vimoe::store {

struct ProcessJobSpec {
  std::string kind;     // train | study | attack | compress
  std::string title;    // what a person calls it: "Study dense-vs-moe"
  std::string logPath;  // where stdout/stderr go, when a file; "" for a terminal
};

// The environment variable through which a starter (the workbench) tells the job its log file.
inline constexpr const char* kJobLogEnvironment = "VIMOE_JOB_LOG";

void declareProcessJob(ProcessJobSpec spec);
bool processJobDeclared();
// Marks the job ended with `exitCode` in every store it was registered in.
void endProcessJob(int exitCode);

// This process's job id in `store`: registered on first use (kind "process" when the process
// declared nothing, e.g. a test calling the trainer). nullopt when the store is read-only or
// the row cannot be written (the run is then simply not linked).
std::optional<std::int64_t> processJobId(RunStore& store);

// Running, and its process is known to be gone (or it has no job at all: written by a vimoe
// older than schema 3, whose process cannot be checked).
bool isLost(const RunInfo& run);
bool isLost(const JobInfo& job);
// The status a person should see: the stored one, or "lost".
std::string displayStatus(const RunInfo& run);

}  // namespace vimoe::store
