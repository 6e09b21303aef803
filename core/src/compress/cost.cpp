#include "vimoe/compress/cost.h"

#include <algorithm>
#include <cmath>

namespace vimoe::compress {

const char* methodName(Method method) {
  switch (method) {
    case Method::Dense: return "dense";
    case Method::Svd: return "svd";
    case Method::RandomizedSvd: return "rsvd";
    case Method::Asvd: return "asvd";
    case Method::Cur: return "cur";
    case Method::Nmf: return "nmf";
  }
  return "?";
}

std::optional<Method> parseMethod(const std::string& name) {
  for (Method m : {Method::Dense, Method::Svd, Method::RandomizedSvd, Method::Asvd, Method::Cur, Method::Nmf})
    if (name == methodName(m)) return m;
  return std::nullopt;
}

CostCounts denseCost(std::int64_t m, std::int64_t n, int bytesPerValue) {
  return {m * n, m * n, m * n * bytesPerValue};
}

CostCounts lowRankCost(std::int64_t m, std::int64_t n, std::int64_t k, int bytesPerValue) {
  const std::int64_t p = k * (m + n);
  return {p, p, p * bytesPerValue};
}

CostCounts curCost(std::int64_t m, std::int64_t n, std::int64_t c, std::int64_t r, int bytesPerValue) {
  const std::int64_t p = m * c + c * r + r * n;
  return {p, p, p * bytesPerValue};
}

CostCounts methodCost(Method method, std::int64_t m, std::int64_t n, std::int64_t k, int bytesPerValue) {
  if (method == Method::Dense || k <= 0) return denseCost(m, n, bytesPerValue);
  if (method == Method::Cur) return curCost(m, n, k, k, bytesPerValue);
  return lowRankCost(m, n, k, bytesPerValue);
}

std::int64_t rankForRatio(Method method, std::int64_t m, std::int64_t n, double ratio) {
  if (method == Method::Dense || ratio >= 1.0 || m <= 0 || n <= 0) return 0;
  const double target = ratio * double(m) * double(n);
  const std::int64_t maxRank = std::min(m, n);
  std::int64_t k = 0;
  if (method == Method::Cur) {
    // c^2 + c(m + n) <= target: the positive root, then step down past rounding.
    const double s = double(m + n);
    k = static_cast<std::int64_t>(std::floor((-s + std::sqrt(s * s + 4.0 * target)) / 2.0));
    while (k > 0 && curCost(m, n, k, k).params > target) --k;
  } else {
    k = static_cast<std::int64_t>(std::floor(target / double(m + n)));
  }
  k = std::min(k, maxRank);
  if (k < 1) k = 1;
  // A form no smaller than the dense matrix is not worth storing.
  if (methodCost(method, m, n, k).params >= m * n) return 0;
  return k;
}

}  // namespace vimoe::compress
