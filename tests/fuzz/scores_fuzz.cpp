// libFuzzer target for the `vimoe score` input files (predictions and references, captions
// and VQA): usually written by someone's own script, so anything must give records or an
// Error naming file, record and field, never a crash or an exception.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "vimoe/metrics/metric_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const vimoe::fuzz::MessageCheck requireOwnMessage(data, size);
  using namespace vimoe;
  static const std::string path = fuzz::scratch("scores.json");
  fuzz::writeFile(path, data, size);
  requireOwnMessage(metrics::readCaptionPredictions(path));
  requireOwnMessage(metrics::readCaptionReferences(path));
  requireOwnMessage(metrics::readVqaPredictions(path));
  requireOwnMessage(metrics::readVqaReferences(path));
  return 0;
}
