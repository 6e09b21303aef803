#include "vimoe/store/process_job.h"

#include <filesystem>
#include <map>
#include <mutex>

namespace vimoe::store {
namespace {

struct Registry {
  std::mutex mutex;
  std::optional<ProcessJobSpec> spec;
  std::map<std::string, std::int64_t> jobIdByStore;  // canonical store path -> job id
};

Registry& registry() {
  static Registry instance;
  return instance;
}

std::string storeKey(const std::string& path) {
  std::error_code ec;
  auto canonical = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : canonical.string();
}

}  // namespace

void declareProcessJob(ProcessJobSpec spec) {
  std::lock_guard lock(registry().mutex);
  registry().spec = std::move(spec);
}

bool processJobDeclared() {
  std::lock_guard lock(registry().mutex);
  return registry().spec.has_value();
}

void endProcessJob(int exitCode) {
  std::map<std::string, std::int64_t> jobs;
  {
    std::lock_guard lock(registry().mutex);
    jobs.swap(registry().jobIdByStore);
    // Undeclared first: opening the stores below must not register the job again.
    registry().spec.reset();
  }
  // Best effort: a store that cannot be opened now leaves the job open, and readers then judge
  // it by its process, which is about to end.
  for (const auto& [path, jobId] : jobs)
    if (auto store = RunStore::open(path, RunStore::Mode::ReadWrite)) (void)(*store)->endJob(jobId, exitCode);
}

std::optional<std::int64_t> processJobId(RunStore& store) {
  std::lock_guard lock(registry().mutex);
  Registry& r = registry();
  const std::string key = storeKey(store.path());
  if (auto it = r.jobIdByStore.find(key); it != r.jobIdByStore.end()) return it->second;
  JobInfo job;
  job.kind = r.spec ? r.spec->kind : "process";
  job.title = r.spec ? r.spec->title : "";
  job.logPath = r.spec ? r.spec->logPath : "";
  job.process = currentProcess();
  auto id = store.registerJob(job);
  if (!id) return std::nullopt;
  r.jobIdByStore[key] = *id;
  return *id;
}

bool isLost(const JobInfo& job) {
  return probeProcess(job.process) == ProcessState::Gone;
}

bool isLost(const RunInfo& run) {
  if (run.status != RunStatus::Running) return false;
  return !run.job || isLost(*run.job);
}

std::string displayStatus(const RunInfo& run) {
  return isLost(run) ? "lost" : runStatusName(run.status);
}

}  // namespace vimoe::store
