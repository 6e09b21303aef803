// Routing change = 1 - mean IoU of the selected-expert sets: 0 for identical routing, 1 for
// disjoint routing, and the IoU of partly shared sets as counted by hand.
#include <gtest/gtest.h>

#include "vimoe/robust/routing_change.h"

using namespace vimoe::robust;

TEST(RoutingChange, IdenticalRoutingChangesNothing) {
  const auto experts = torch::tensor({{0, 1}, {2, 3}, {1, 0}, {3, 2}}, torch::kLong);
  RoutingChangeMeter meter;
  meter.add(experts, experts.clone(), 2);
  EXPECT_DOUBLE_EQ(meter.rate(), 0.0);
  EXPECT_TRUE(torch::allclose(expertSetIoU(experts, experts), torch::ones({4}, torch::kFloat64)));
}

TEST(RoutingChange, OrderWithinTheTopKDoesNotCount) {
  const auto a = torch::tensor({{0, 1}}, torch::kLong), b = torch::tensor({{1, 0}}, torch::kLong);
  EXPECT_DOUBLE_EQ(expertSetIoU(a, b)[0].item<double>(), 1.0);
}

TEST(RoutingChange, DisjointRoutingChangesEverything) {
  RoutingChangeMeter meter;
  meter.add(torch::tensor({{0}, {1}, {0}}, torch::kLong), torch::tensor({{1}, {2}, {3}}, torch::kLong), 3);
  EXPECT_DOUBLE_EQ(meter.rate(), 1.0);
}

TEST(RoutingChange, PartialOverlapIsCountedPerTokenThenPerImage) {
  // Image 0: tokens {0,1}->{1,2} (IoU 1/3) and {2,3}->{2,3} (1): mean 2/3.
  // Image 1: tokens {0,1}->{2,3} (0) and {0,1}->{0,1} (1): mean 1/2. Rate = 1 - (2/3 + 1/2) / 2.
  const auto before = torch::tensor({{0, 1}, {2, 3}, {0, 1}, {0, 1}}, torch::kLong);
  const auto after = torch::tensor({{1, 2}, {2, 3}, {2, 3}, {0, 1}}, torch::kLong);
  const auto iou = expertSetIoU(before, after);
  EXPECT_NEAR(iou[0].item<double>(), 1.0 / 3.0, 1e-12);
  RoutingChangeMeter meter;
  meter.add(before, after, 2);
  EXPECT_NEAR(meter.rate(), 1.0 - (2.0 / 3.0 + 0.5) / 2.0, 1e-12);
  EXPECT_EQ(meter.images(), 2);
}

TEST(RoutingChange, UnroutedEntriesAndPaddingAreLeftOut) {
  // -1 = no expert (expert choice left the token out): {0} vs {0, -1} is the same set.
  const auto iou = expertSetIoU(torch::tensor({{0, -1}, {-1, -1}}, torch::kLong), torch::tensor({{0, 1}, {-1, -1}}, torch::kLong));
  EXPECT_NEAR(iou[0].item<double>(), 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(iou[1].item<double>(), 1.0);  // nothing on either side: unchanged
  // A padding token's change does not count.
  RoutingChangeMeter meter;
  meter.add(torch::tensor({{0}, {1}}, torch::kLong), torch::tensor({{0}, {3}}, torch::kLong), 1, torch::tensor({true, false}));
  EXPECT_DOUBLE_EQ(meter.rate(), 0.0);
}
