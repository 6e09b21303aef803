// Cancel token: long work polls it at safe boundaries (a training step, a batch of
// generated images) and stops cleanly. Cancelled is a status, not an error.
#pragma once

#include <atomic>

namespace vimoe {

class CancelToken {
 public:
  void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
  bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
  void reset() { m_cancelled.store(false, std::memory_order_relaxed); }

 private:
  std::atomic<bool> m_cancelled{false};
};

// Routes SIGINT and SIGTERM to `token` (async-signal-safe: the handler only stores a flag).
// A second signal restores the default action so a stuck process can still be killed.
void cancelOnTerminationSignals(CancelToken& token);

}  // namespace vimoe
