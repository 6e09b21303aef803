// Every `vimoe` verb is an ordinary library function: app/cli/main.cpp only parses arguments
// into these option structs. Each returns the process exit code:
//   0 success, 1 the work ran but failed (or found problems), 2 bad input (nothing written).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vimoe::cli {

enum ExitCode { kExitOk = 0, kExitFailed = 1, kExitBadInput = 2 };

struct ConfigDumpOptions {
  std::string file;
  std::vector<std::string> overrides;
};
int runConfigDump(const ConfigDumpOptions& options);

struct TrainCliOptions {
  std::string configFile;               // required unless resuming
  std::vector<std::string> overrides;
  std::string storePath;                // default: the project's store
  std::string projectDir;               // default: found from the config file
  std::optional<std::int64_t> resumeRunId;
  bool threadsFromCommandLine = false;  // --threads given: it wins over run.threads
};
int runTrain(const TrainCliOptions& options);

struct StudyCliOptions {
  std::string studyFile;
  std::string storePath;
  bool smoke = false;
  std::vector<std::string> overrides;
  std::string tableOut;  // also write the markdown table here
};
int runStudyVerb(const StudyCliOptions& options);

struct RunsCliOptions {
  std::string storePath;
  std::optional<std::int64_t> runId;  // show one run
  bool json = false;
};
int runRunsList(const RunsCliOptions& options);
int runRunsShow(const RunsCliOptions& options);

struct DataGenerateOptions {
  std::string outDir;
  int trainImages = 2000;
  int valImages = 256;
  int imageSize = 64;
  int captionsPerImage = 5;
  std::uint64_t seed = 7;
};
int runDataGenerate(const DataGenerateOptions& options);

struct DataValidateOptions {
  std::string annotationFile;
  std::string imageDir;  // default: <dir of file>/images
};
int runDataValidate(const DataValidateOptions& options);

struct UpcycleCliOptions {
  std::string from;  // dense checkpoint folder
  std::string out;   // MoE checkpoint folder to write
  int experts = 8;
  int topK = 1;
  double noise = 0.0;  // expert-copy noise, in units of each source tensor's std
  std::vector<std::string> overrides;  // --set on the MoE config (router, placement, ...)
};
int runUpcycle(const UpcycleCliOptions& options);

struct ModelInfoOptions {
  std::string configFile;
  std::vector<std::string> overrides;
  bool json = false;
};
int runModelInfo(const ModelInfoOptions& options);

struct BenchCliOptions {
  std::string what = "all";      // moe-layer | train | all
  bool json = false;
  std::string preset = "tiny";   // model of the training benchmark
  int batchSize = 64;
  int steps = 10;                // timed training steps
  int repetitions = 15;          // timed MoE-layer passes
  int warmup = 3;                // untimed passes / steps before each measurement
};
int runBench(const BenchCliOptions& options);

}  // namespace vimoe::cli
