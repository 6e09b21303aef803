// Where the `vimoe` CLI that runs studies is: next to the workbench in an install or a build
// tree, else the path this build produced it at (VIMOE_CLI_PATH).
#pragma once

#include <QString>

namespace vimoe::workbench {

// The first executable candidate, or the build-time path when none exists (so that the error
// message when starting names a useful path).
QString findVimoeCli();

}  // namespace vimoe::workbench
