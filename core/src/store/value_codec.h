// How a double is stored in the scalar tables: SQLite turns NaN into NULL and outside tools
// choke on infinities, so non-finite values are stored as NULL plus a value_type code and
// come back exactly.
#pragma once

#include <optional>

namespace vimoe::store {

enum class ValueType { Finite = 0, NaN = 1, PositiveInfinity = 2, NegativeInfinity = 3 };

ValueType valueTypeOf(double value);
// The column value to store: the number when finite, NULL (nullopt) otherwise.
std::optional<double> storedValue(double value);
// The inverse; an unknown type code or a NULL finite value (a hand-edited row) reads as NaN.
double decodeValue(int valueType, std::optional<double> stored);

}  // namespace vimoe::store
