// The benchmark plumbing: summaries and call counts (never the measured times themselves).
#include "vimoe/bench/timing.h"

#include <gtest/gtest.h>

#include "vimoe/bench/train_bench.h"

using namespace vimoe;

TEST(BenchTiming, SummaryIsTheMedianMinAndMax) {
  const bench::TimingSummary odd = bench::summarise({5.0, 1.0, 3.0});
  EXPECT_DOUBLE_EQ(odd.medianMs, 3.0);
  EXPECT_DOUBLE_EQ(odd.minMs, 1.0);
  EXPECT_DOUBLE_EQ(odd.maxMs, 5.0);
  EXPECT_EQ(odd.repetitions, 3);
  EXPECT_DOUBLE_EQ(bench::summarise({4.0, 1.0, 2.0, 3.0}).medianMs, 2.5);
  EXPECT_EQ(bench::summarise({}).repetitions, 0);
}

TEST(BenchTiming, WarmUpCallsAreRunButNotTimed) {
  int calls = 0;
  const bench::TimingSummary t = bench::timeRepeated([&] { ++calls; }, 2, 5);
  EXPECT_EQ(calls, 7);
  EXPECT_EQ(t.repetitions, 5);
  EXPECT_LE(t.minMs, t.medianMs);
  EXPECT_LE(t.medianMs, t.maxMs);
}

TEST(BenchTraining, RunsTheThreeCasesOfAPresetWithTheirParameterCounts) {
  bench::TrainBenchOptions o;
  o.batchSize = 4;
  o.warmupSteps = 0;
  o.steps = 1;
  const auto cases = bench::benchTraining(o);
  ASSERT_TRUE(cases.ok()) << cases.error().message;
  ASSERT_EQ(cases->size(), 3u);
  EXPECT_EQ((*cases)[0].name, "dense");
  EXPECT_EQ((*cases)[0].parameters, (*cases)[0].activeParameters);
  EXPECT_EQ((*cases)[1].name, "moe-e4-k1");
  EXPECT_EQ((*cases)[2].name, "moe-e8-k2");
  EXPECT_EQ((*cases)[2].experts, 8);
  EXPECT_GT((*cases)[2].parameters, (*cases)[1].parameters);
  for (const auto& c : *cases) EXPECT_EQ(c.step.repetitions, 1);
}

TEST(BenchTraining, UnknownPresetIsAnError) {
  bench::TrainBenchOptions o;
  o.preset = "gigantic";
  const auto cases = bench::benchTraining(o);
  ASSERT_FALSE(cases.ok());
  EXPECT_NE(cases.error().message.find("gigantic"), std::string::npos);
}
