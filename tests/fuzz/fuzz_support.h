// Helpers shared by the libFuzzer targets: a per-process scratch file to hand a reader that
// takes a path, and the check that a library message never leaks nlohmann's exception text.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace vimoe::fuzz {

inline std::string scratch(const char* name) {
  return "/tmp/vimoe-fuzz-" + std::to_string(::getpid()) + "-" + name;
}

inline void writeFile(const std::string& path, const std::uint8_t* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
}

// Issue 21: a caught-and-rethrown library message ("[json.exception.out_of_range.406] ...")
// is as unhelpful as a crash, so the fuzzer treats it as one. Messages quote the input
// ("last read: ..."), so an input that itself spells the text proves nothing.
class MessageCheck {
 public:
  MessageCheck(const std::uint8_t* data, std::size_t size)
      : m_inputSpellsIt(std::string(reinterpret_cast<const char*>(data), size).find(kLibraryText) != std::string::npos) {}

  template <class E>
  void operator()(const E& result) const {
    if (result.ok() || m_inputSpellsIt) return;
    const std::string& message = result.error().message;
    if (message.find(kLibraryText) != std::string::npos) {
      std::fprintf(stderr, "library exception text in a message: %s\n", message.c_str());
      std::abort();
    }
  }

 private:
  static constexpr const char* kLibraryText = "json.exception";
  bool m_inputSpellsIt;
};

}  // namespace vimoe::fuzz
