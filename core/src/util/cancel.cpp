#include "vimoe/util/cancel.h"

#include <csignal>

namespace vimoe {
namespace {

// Signal handlers can only touch lock-free atomics; the token outlives the handler because
// callers install it for the lifetime of main().
std::atomic<CancelToken*> g_signalToken{nullptr};

void onTerminationSignal(int signal) {
  if (CancelToken* token = g_signalToken.load()) token->cancel();
  std::signal(signal, SIG_DFL);
}

}  // namespace

void cancelOnTerminationSignals(CancelToken& token) {
  g_signalToken.store(&token);
  std::signal(SIGINT, onTerminationSignal);
  std::signal(SIGTERM, onTerminationSignal);
}

}  // namespace vimoe
