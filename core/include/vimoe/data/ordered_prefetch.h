// Builds items ahead of their consumer on worker threads and hands them over in index order:
// the image loader's batches, the training loop's micro-batches. `build(index)` must be a pure
// function of the index (it runs on any worker, in any order), so what the consumer sees never
// depends on the thread count, and starting at index k resumes a sequence exactly.
//
// At most `window` items are built or waiting beyond the one the consumer will take next, so
// memory stays a few items whatever the length. An exception in `build` reaches the consumer
// from next(), at the index that threw.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace vimoe::data {

template <class T>
class OrderedPrefetch {
 public:
  using Builder = std::function<T(std::int64_t index)>;

  // Items first .. end-1 (end < 0: without end).
  OrderedPrefetch(Builder build, std::int64_t first, std::int64_t end, int threads, int window)
      : m_build(std::move(build)), m_end(end), m_window(std::max(1, window)), m_nextToBuild(first), m_nextToHand(first) {
    for (int t = 0; t < std::max(1, threads); ++t) m_workers.emplace_back([this] { work(); });
  }

  ~OrderedPrefetch() {
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_stopping = true;
    }
    m_space.notify_all();
    m_ready.notify_all();
    for (auto& t : m_workers) t.join();
  }
  OrderedPrefetch(const OrderedPrefetch&) = delete;
  OrderedPrefetch& operator=(const OrderedPrefetch&) = delete;

  // The next item in order; nullopt after the last. Blocks while it is being built; rethrows
  // what its build threw.
  std::optional<T> next() {
    std::unique_lock<std::mutex> lock(m_mutex);
    if (m_end >= 0 && m_nextToHand >= m_end) return std::nullopt;
    m_ready.wait(lock, [&] { return m_stopping || m_done.count(m_nextToHand) != 0; });
    if (m_stopping) return std::nullopt;
    auto node = m_done.extract(m_nextToHand);
    ++m_nextToHand;
    lock.unlock();
    m_space.notify_all();
    auto& [item, error] = node.mapped();
    if (error) std::rethrow_exception(error);
    return std::move(*item);
  }

 private:
  bool finished() const { return m_end >= 0 && m_nextToBuild >= m_end; }

  void work() {
    for (;;) {
      std::int64_t index = 0;
      {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_space.wait(lock, [&] { return m_stopping || finished() || m_nextToBuild < m_nextToHand + m_window; });
        if (m_stopping || finished()) return;
        index = m_nextToBuild++;
      }
      std::pair<std::optional<T>, std::exception_ptr> built;
      try {
        built.first.emplace(m_build(index));
      } catch (...) {
        built.second = std::current_exception();  // the consumer waits for this index: it must arrive
      }
      {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_done.emplace(index, std::move(built));
      }
      m_ready.notify_all();
    }
  }

  Builder m_build;
  const std::int64_t m_end;
  const int m_window;
  std::mutex m_mutex;
  std::condition_variable m_ready, m_space;
  std::map<std::int64_t, std::pair<std::optional<T>, std::exception_ptr>> m_done;
  std::int64_t m_nextToBuild, m_nextToHand;
  bool m_stopping = false;
  std::vector<std::thread> m_workers;
};

}  // namespace vimoe::data
