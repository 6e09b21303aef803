// Parameter, multiply-accumulate and byte counts of a weight matrix W [m x n] kept dense or
// replaced by a factorised form (REFERENCES.md section 7). MACs are per token: one input
// vector through the layer. A rank-k product L [m,k] R [k,n] costs k(m+n) of each, against mn
// for the dense matrix, so it only pays below k = mn/(m+n); CUR's C [m,c] U [c,r] R [r,n]
// costs mc + cr + rn. Bytes are parameters times the bytes of one stored value (4 for F32).
// No LibTorch here: the workbench can use these formulas without tensor headers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace vimoe::compress {

enum class Method { Dense, Svd, RandomizedSvd, Asvd, Cur, Nmf };

const char* methodName(Method method);  // "dense", "svd", "rsvd", "asvd", "cur", "nmf"
std::optional<Method> parseMethod(const std::string& name);

struct CostCounts {
  std::int64_t params = 0;
  std::int64_t macs = 0;   // per token
  std::int64_t bytes = 0;
  CostCounts& operator+=(const CostCounts& o) {
    params += o.params;
    macs += o.macs;
    bytes += o.bytes;
    return *this;
  }
};

CostCounts denseCost(std::int64_t m, std::int64_t n, int bytesPerValue = 4);
CostCounts lowRankCost(std::int64_t m, std::int64_t n, std::int64_t k, int bytesPerValue = 4);
CostCounts curCost(std::int64_t m, std::int64_t n, std::int64_t c, std::int64_t r, int bytesPerValue = 4);
// The cost of `method` at rank k (CUR: c = r = k; Dense ignores k).
CostCounts methodCost(Method method, std::int64_t m, std::int64_t n, std::int64_t k, int bytesPerValue = 4);

// The largest rank whose factorised form keeps at most `ratio` of the dense parameters, at
// least 1 and at most min(m, n); 0 when ratio >= 1 or no rank fits under the dense size (keep dense).
std::int64_t rankForRatio(Method method, std::int64_t m, std::int64_t n, double ratio);

}  // namespace vimoe::compress
