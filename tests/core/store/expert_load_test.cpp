// Expert load curves, MoE layer names and routing snapshots round trip exactly.
#include <cmath>
#include <limits>

#include "store_test_support.h"

namespace vimoe::store::test {
namespace {

using ExpertLoadTest = StoreTest;

TEST_F(ExpertLoadTest, MoeLayersAreReplacedAsAWhole) {
  const auto id = newRun();
  ASSERT_TRUE(m_store->setMoeLayers(id, {"vision.1", "vision.3", "text.2"}).ok());
  EXPECT_EQ(*m_store->moeLayers(id), (std::vector<std::string>{"vision.1", "vision.3", "text.2"}));
  ASSERT_TRUE(m_store->setMoeLayers(id, {"fused.0"}).ok());
  EXPECT_EQ(*m_store->moeLayers(id), std::vector<std::string>{"fused.0"});
}

TEST_F(ExpertLoadTest, RowsRoundTripOrderedByLayerStepExpert) {
  const auto id = newRun();
  std::vector<ExpertLoadRow> rows;
  for (int layer : {1, 0})
    for (std::int64_t step : {20, 10})
      for (int expert : {1, 0}) {
        ExpertLoadRow r;
        r.layer = layer;
        r.step = step;
        r.expert = expert;
        r.tokens = 100 * layer + 10 * expert + step;
        r.fraction = 0.25 + expert * 0.5;
        r.meanGate = 0.125 * (expert + 1);
        r.dropped = expert;
        r.imageTokens = 60;
        r.textTokens = 40 + layer;
        rows.push_back(r);
      }
  auto logged = m_store->logExpertLoad(id, rows);
  ASSERT_TRUE(logged.ok()) << logged.error().message;

  auto back = m_store->expertLoad(id);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->size(), rows.size());
  const ExpertLoadRow& first = back->front();
  EXPECT_EQ(first.layer, 0);
  EXPECT_EQ(first.step, 10);
  EXPECT_EQ(first.expert, 0);
  EXPECT_EQ(first.tokens, 10.0);
  EXPECT_EQ(first.fraction, 0.25);
  EXPECT_EQ(first.meanGate, 0.125);
  EXPECT_EQ(first.dropped, 0.0);
  EXPECT_EQ(first.imageTokens, 60.0);
  EXPECT_EQ(first.textTokens, 40.0);
  const ExpertLoadRow& last = back->back();
  EXPECT_EQ(last.layer, 1);
  EXPECT_EQ(last.step, 20);
  EXPECT_EQ(last.expert, 1);
  EXPECT_EQ(last.tokens, 130.0);
  EXPECT_EQ(last.fraction, 0.75);
  EXPECT_EQ(last.meanGate, 0.25);
  EXPECT_EQ(last.dropped, 1.0);
  EXPECT_EQ(last.textTokens, 41.0);
}

TEST_F(ExpertLoadTest, ANaNGateReadsBackAsNaN) {
  const auto id = newRun();
  ExpertLoadRow r;
  r.meanGate = std::numeric_limits<double>::quiet_NaN();
  ASSERT_TRUE(m_store->logExpertLoad(id, {r}).ok());
  EXPECT_TRUE(std::isnan(m_store->expertLoad(id)->at(0).meanGate));
}

TEST_F(ExpertLoadTest, RoutingRoundTripsExpertsAndGatesExactly) {
  const auto id = newRun();
  const float third = 1.0f / 3.0f;
  std::vector<RoutingRow> rows = {
      {5, 0, "image", 0, 0, {3, 1}, {0.7f, 0.3f}, {1, 0}},
      {5, 0, "image", 0, 1, {2, 0}, {third, 0.1f}, {1, 1}},
      {5, 1, "image", 2, 7, {}, {}, {}},
      {5, 1, "text", 2, 8, {4}, {std::numeric_limits<float>::quiet_NaN()}, {1}},
      {6, 0, "text", 0, 0, {0, 1}, {0.5f, 0.5f}, {0, 0}},
  };
  auto logged = m_store->logRouting(id, rows);
  ASSERT_TRUE(logged.ok()) << logged.error().message;

  auto step5 = m_store->routing(id, 5);
  ASSERT_TRUE(step5.ok()) << step5.error().message;
  ASSERT_EQ(step5->size(), 4u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ((*step5)[i].step, 5);
    EXPECT_EQ((*step5)[i].sample, rows[i].sample);
    EXPECT_EQ((*step5)[i].layer, rows[i].layer);
    EXPECT_EQ((*step5)[i].token, rows[i].token);
    EXPECT_EQ((*step5)[i].experts, rows[i].experts);
    EXPECT_EQ((*step5)[i].gates, rows[i].gates);  // bit-exact floats
    EXPECT_EQ((*step5)[i].modality, rows[i].modality);
    EXPECT_EQ((*step5)[i].kept, rows[i].kept);
  }
  ASSERT_EQ((*step5)[3].gates.size(), 1u);
  EXPECT_TRUE(std::isnan((*step5)[3].gates[0]));
  EXPECT_EQ(m_store->routing(id, 6)->size(), 1u);
  EXPECT_TRUE(m_store->routing(id, 7)->empty());
  EXPECT_EQ(*m_store->routingSteps(id), (std::vector<std::int64_t>{5, 6}));
}

TEST_F(ExpertLoadTest, ProbeSamplesAndExpertClassRoundTrip) {
  const auto id = newRun();
  std::vector<ProbeSample> probe = {{0, "/data/a.png", "một hình tròn màu đỏ", "shapes", {"<s>", "▁một", "</s>"}},
                                    {1, "/data/b.png", "đồng hồ chỉ ba giờ", "clocks", {}}};
  ASSERT_TRUE(m_store->setProbeSamples(id, probe).ok());
  auto read = m_store->probeSamples(id);
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[0].caption, "một hình tròn màu đỏ");
  EXPECT_EQ((*read)[0].tokens, probe[0].tokens);
  EXPECT_EQ((*read)[1].label, "clocks");

  ASSERT_TRUE(m_store->logExpertClass(id, {{0, 10, "image", "shapes", 3, 42.0}, {0, 10, "image", "clocks", 1, 7.0}}).ok());
  auto counts = m_store->expertClass(id);
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->size(), 2u);
  EXPECT_EQ((*counts)[0].className, "clocks");  // ordered by class
  EXPECT_DOUBLE_EQ((*counts)[1].tokens, 42.0);
  // Deleting the run removes both.
  ASSERT_TRUE(m_store->deleteRun(id).ok());
  EXPECT_TRUE(m_store->probeSamples(id)->empty());
  EXPECT_TRUE(m_store->expertClass(id)->empty());
}

}  // namespace
}  // namespace vimoe::store::test
