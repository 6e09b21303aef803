#include "store/value_codec.h"

#include <cmath>
#include <limits>

namespace vimoe::store {

ValueType valueTypeOf(double value) {
  if (std::isnan(value)) return ValueType::NaN;
  if (std::isinf(value)) return value > 0 ? ValueType::PositiveInfinity : ValueType::NegativeInfinity;
  return ValueType::Finite;
}

std::optional<double> storedValue(double value) {
  if (valueTypeOf(value) != ValueType::Finite) return std::nullopt;
  return value;
}

double decodeValue(int valueType, std::optional<double> stored) {
  switch (static_cast<ValueType>(valueType)) {
    case ValueType::Finite:
      return stored ? *stored : std::numeric_limits<double>::quiet_NaN();
    case ValueType::PositiveInfinity:
      return std::numeric_limits<double>::infinity();
    case ValueType::NegativeInfinity:
      return -std::numeric_limits<double>::infinity();
    case ValueType::NaN:
      break;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace vimoe::store
