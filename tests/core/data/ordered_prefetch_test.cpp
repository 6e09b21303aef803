// The prefetcher behind the image loader and the training loop: items arrive in index order
// whatever the threads' timing, a sequence restarted at k continues exactly, and an exception in
// a build reaches the consumer at its index.
#include "vimoe/data/ordered_prefetch.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>

using vimoe::data::OrderedPrefetch;

namespace {

// Later indices finish first: a worker that simply appended would deliver them out of order.
std::int64_t slowSquare(std::int64_t i) {
  std::this_thread::sleep_for(std::chrono::microseconds(200 * ((7 - i % 7))));
  return i * i;
}

}  // namespace

TEST(OrderedPrefetch, DeliversInIndexOrderWithManyThreads) {
  OrderedPrefetch<std::int64_t> prefetch(slowSquare, 0, 40, 4, 6);
  for (std::int64_t i = 0; i < 40; ++i) {
    auto item = prefetch.next();
    ASSERT_TRUE(item.has_value()) << i;
    EXPECT_EQ(*item, i * i);
  }
  EXPECT_FALSE(prefetch.next().has_value());
}

TEST(OrderedPrefetch, StartingAtKContinuesTheSequence) {
  OrderedPrefetch<std::int64_t> whole(slowSquare, 0, 30, 3, 4);
  std::vector<std::int64_t> all;
  while (auto item = whole.next()) all.push_back(*item);
  OrderedPrefetch<std::int64_t> resumed(slowSquare, 17, 30, 2, 2);
  std::vector<std::int64_t> tail;
  while (auto item = resumed.next()) tail.push_back(*item);
  EXPECT_EQ(tail, std::vector<std::int64_t>(all.begin() + 17, all.end()));
}

TEST(OrderedPrefetch, BuildsAtMostTheWindowAhead) {
  std::atomic<std::int64_t> highest{-1};
  OrderedPrefetch<std::int64_t> prefetch(
      [&](std::int64_t i) {
        std::int64_t seen = highest.load();
        while (i > seen && !highest.compare_exchange_weak(seen, i)) {
        }
        return i;
      },
      0, -1, 2, 3);
  ASSERT_EQ(*prefetch.next(), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  // Taken: 0. Built or building: at most indices 1..3.
  EXPECT_LE(highest.load(), 3);
  EXPECT_GE(highest.load(), 1);
}

TEST(OrderedPrefetch, ABuildErrorReachesTheConsumerAtItsIndex) {
  OrderedPrefetch<std::int64_t> prefetch(
      [](std::int64_t i) -> std::int64_t {
        if (i == 3) throw std::runtime_error("image 3 is broken");
        return i;
      },
      0, 6, 2, 2);
  for (std::int64_t i = 0; i < 3; ++i) EXPECT_EQ(*prefetch.next(), i);
  try {
    (void)prefetch.next();
    FAIL() << "expected the build error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "image 3 is broken");
  }
  EXPECT_EQ(*prefetch.next(), 4);
}
