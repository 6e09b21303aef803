// RunStore's private state, shared by the files that implement its parts (runs, scalars,
// expert load, routing, evals, studies). Everything lives in the Connection.
#pragma once

#include "store/connection.h"

namespace vimoe::store {

struct RunStore::Impl : Connection {
  using Connection::Connection;
};

// Unix time in seconds, the unit of every *_at and wall_time column.
double unixNow();

}  // namespace vimoe::store
