// Version and environment facts recorded with every run and printed by `vimoe --version`.
#pragma once

#include <string>

namespace vimoe::cli {

std::string vimoeVersion();
// The source revision this binary was configured from ("unknown" outside a git checkout).
std::string gitRevision();
// "torch 1.13.1, opencv 4.6.0, sqlite 3.40.1, threads 2, malloc jemalloc" — what produced a run.
std::string libraryVersions();
// Sets LibTorch's intra-op thread count: `requested` when > 0, else the hardware's cores.
// Returns the count in force.
int configureThreads(int requested);

}  // namespace vimoe::cli
