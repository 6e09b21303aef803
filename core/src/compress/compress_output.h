// What `vimoe compress` writes: the compressed checkpoint folder, its factors and plan, the
// report JSON, and the store rows of a "compress" run. The formats are documented in
// docs/compression.md (the workbench panel reads the store rows alone).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vimoe/compress/compress_session.h"
#include "vimoe/store/run_store.h"
#include "vimoe/util/expected.h"

namespace vimoe::compress {

// One entry per catalogued matrix of the chosen plan (plan.json "layers", store "chosen/layers").
nlohmann::json layersJson(const CompressSessionResult& result);
nlohmann::json planSummaryJson(const PlanSummary& plan);
nlohmann::json paretoJson(const CompressSessionResult& result);
// The whole report (report.json): options, dense figures, every plan, the layers, the Pareto points, the episodes.
nlohmann::json reportJson(const CompressSessionResult& result, const nlohmann::json& options);

// factors.safetensors: "<slot>.L" and "<slot>.R" (SVD, ASVD, NMF), "<slot>.C", "<slot>.U",
// "<slot>.R", "<slot>.columns", "<slot>.rows" (CUR), all in the [out, in] orientation.
// Returns the bytes written.
Expected<std::int64_t> writeFactors(const std::string& path, const CompressSessionResult& result);

// Eval rows of the run (split "compress").
std::vector<store::EvalRow> compressEvalRows(const CompressSessionResult& result);

}  // namespace vimoe::compress
