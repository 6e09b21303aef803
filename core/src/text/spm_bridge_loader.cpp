#include "text/spm_bridge_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "vimoe/text/tokenizer.h"

namespace vimoe::text {

namespace {

constexpr const char* kBridgeFileName = "libvimoe_spm_bridge.so";

std::string executableDirectory() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

}  // namespace

std::vector<std::string> spmBridgeSearchPaths() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("VIMOE_SPM_BRIDGE"); env != nullptr && *env != '\0') paths.emplace_back(env);
  if (const std::string dir = executableDirectory(); !dir.empty()) {
    paths.push_back(dir + "/" + kBridgeFileName);
    paths.push_back((std::filesystem::path(dir).parent_path() / "lib" / kBridgeFileName).string());
  }
#ifdef VIMOE_SPM_BRIDGE_BUILD_PATH
  paths.emplace_back(VIMOE_SPM_BRIDGE_BUILD_PATH);
#endif
#ifdef VIMOE_SPM_BRIDGE_INSTALL_PATH
  paths.emplace_back(VIMOE_SPM_BRIDGE_INSTALL_PATH);
#endif
  return paths;
}

namespace detail {
namespace {

template <class Function>
bool resolve(void* handle, const char* name, Function& slot, std::string& missing) {
  slot = reinterpret_cast<Function>(::dlsym(handle, name));
  if (slot == nullptr) missing += std::string(missing.empty() ? "" : ", ") + name;
  return slot != nullptr;
}

Expected<const SpmBridge*> loadBridge() {
  std::string tried;
  for (const std::string& path : spmBridgeSearchPaths()) {
    if (!tried.empty()) tried += "; ";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      tried += path + " (not found)";
      continue;
    }
    // A fresh namespace, not RTLD_DEEPBIND: DEEPBIND was seen to crash in libstdc++ streams.
    void* handle = ::dlmopen(LM_ID_NEWLM, path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = ::dlerror();
      tried += path + " (dlmopen failed: " + (why != nullptr ? why : "unknown error") + ")";
      continue;
    }
    static SpmBridge bridge;
    std::string missing;
    resolve(handle, "vimoe_spm_train", bridge.train, missing);
    resolve(handle, "vimoe_spm_load", bridge.load, missing);
    resolve(handle, "vimoe_spm_free", bridge.free, missing);
    resolve(handle, "vimoe_spm_encode", bridge.encode, missing);
    resolve(handle, "vimoe_spm_decode", bridge.decode, missing);
    resolve(handle, "vimoe_spm_piece", bridge.piece, missing);
    resolve(handle, "vimoe_spm_vocab_size", bridge.vocabSize, missing);
    resolve(handle, "vimoe_spm_is_unknown", bridge.isUnknown, missing);
    if (!missing.empty()) {
      ::dlclose(handle);
      bridge = SpmBridge{};
      tried += path + " (missing symbols: " + missing + "; stale build?)";
      continue;
    }
    return static_cast<const SpmBridge*>(&bridge);
  }
  return Error{"sentencepiece bridge library " + std::string(kBridgeFileName) + " not found or not loadable; tried: " +
               tried + ". Build the target vimoe_spm_bridge or set VIMOE_SPM_BRIDGE to the library's path."};
}

}  // namespace

Expected<const SpmBridge*> spmBridge() {
  // C++11 guarantees a thread-safe, once-only initialisation of a function-local static.
  static const Expected<const SpmBridge*> loaded = loadBridge();
  return loaded;
}

}  // namespace detail
}  // namespace vimoe::text
