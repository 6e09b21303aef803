// Atomic folder writes: a checkpoint is several files (weights, optimiser, config, state) and
// a process killed between two of them must not leave a folder that mixes steps, or no folder
// at all. `replaceFolderAtomically` fills a hidden staging folder beside the target and then
// swaps the two in one rename (Linux renameat2 RENAME_EXCHANGE). A kill at any moment leaves
// either the old folder or the new one under the target's name.
//
// File systems without RENAME_EXCHANGE (some network file systems) get two renames instead;
// the window between them is closed by `recoverInterruptedFolderReplace`, which every reader
// of such a folder calls first.
#pragma once

#include <functional>
#include <string>

#include "vimoe/util/expected.h"

namespace vimoe {

// `fill(staging)` writes the new contents into `staging` (an empty folder). Files of the old
// folder that `fill` did not write (a tokenizer copied once, an import report) are carried
// over by hard link, so the swap never drops them.
Status replaceFolderAtomically(const std::string& dir, const std::function<Status(const std::string& staging)>& fill);

// Puts back the old folder when a two-rename replace was interrupted between its renames;
// does nothing otherwise.
Status recoverInterruptedFolderReplace(const std::string& dir);

// The hidden names used beside `dir` (exposed for tests and for `vimoe doctor`-style listings).
std::string stagingFolderFor(const std::string& dir);
std::string previousFolderFor(const std::string& dir);

}  // namespace vimoe
