#include "vimoe/cli/version.h"

#include <dlfcn.h>
#include <sqlite3.h>
#include <torch/torch.h>

#include <opencv2/core/version.hpp>
#include <thread>

#include "vimoe/build_info.h"

namespace vimoe::cli {

std::string vimoeVersion() { return "0.1.0"; }

std::string gitRevision() { return VIMOE_GIT_REVISION; }

// jemalloc exports mallctl; when the executable links it, its malloc serves the process.
std::string heapAllocator() { return dlsym(RTLD_DEFAULT, "mallctl") != nullptr ? "jemalloc" : "glibc"; }

std::string libraryVersions() {
  return std::string("torch ") + TORCH_VERSION + ", opencv " + CV_VERSION + ", sqlite " + sqlite3_libversion() +
         ", threads " + std::to_string(torch::get_num_threads()) + ", malloc " + heapAllocator();
}

int configureThreads(int requested) {
  // LibTorch defaults to one intra-op thread on this platform; use every core unless told.
  int threads = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
  if (threads <= 0) threads = 1;
  torch::set_num_threads(threads);
  return torch::get_num_threads();
}

}  // namespace vimoe::cli
