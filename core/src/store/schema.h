// The store's schema and its migrations, keyed by PRAGMA user_version.
#pragma once

#include "store/connection.h"

namespace vimoe::store {

constexpr int kSchemaVersion = 3;

// Checks, without writing anything, that the file is a vimoe store this build understands:
// a SQLite database ("not a vimoe store: file is not a database" otherwise), not written by
// a newer schema, and either one of ours or empty. A ReadOnly store must already be at
// kSchemaVersion, since it cannot migrate.
Status checkSchema(Connection& connection);

// Creates or upgrades the schema to kSchemaVersion in one transaction; a no-op when current.
Status migrateSchema(Connection& connection);

}  // namespace vimoe::store
