// Finds libvimoe_spm_bridge.so and loads it once per process into its own link namespace
// (dlmopen LM_ID_NEWLM), so sentencepiece's bundled protobuf never meets LibTorch's
// (REFERENCES.md section 8). Private to the text module.
#pragma once

#include "vimoe/spm_bridge/spm_bridge_api.h"
#include "vimoe/util/expected.h"

namespace vimoe::text::detail {

// The bridge's C entry points, resolved with dlsym.
struct SpmBridge {
  decltype(&vimoe_spm_train) train = nullptr;
  decltype(&vimoe_spm_load) load = nullptr;
  decltype(&vimoe_spm_free) free = nullptr;
  decltype(&vimoe_spm_encode) encode = nullptr;
  decltype(&vimoe_spm_decode) decode = nullptr;
  decltype(&vimoe_spm_piece) piece = nullptr;
  decltype(&vimoe_spm_vocab_size) vocabSize = nullptr;
  decltype(&vimoe_spm_is_unknown) isUnknown = nullptr;
};

// The first call searches spmBridgeSearchPaths() and loads the bridge; later calls return the
// same result (success or the error listing every path tried). Thread-safe. The library is
// never unloaded: a second namespace would cost one of glibc's few dlmopen slots.
Expected<const SpmBridge*> spmBridge();

}  // namespace vimoe::text::detail
