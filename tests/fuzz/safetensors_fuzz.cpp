// libFuzzer target for the safetensors reader (checkpoints, exported weights): the length
// field, the JSON header and every offset come from the file, so any bytes must give a file
// or an Error, never a crash, an exception or an out-of-bounds read.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "vimoe/util/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const vimoe::fuzz::MessageCheck requireOwnMessage(data, size);
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  requireOwnMessage(vimoe::decodeSafetensors(bytes, "fuzz.safetensors"));
  return 0;
}
