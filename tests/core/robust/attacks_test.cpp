// The attacks' contracts: they never leave the eps-ball or [0, 1]; PGD with zero steps is the
// identity; on a linear model FGSM moves every pixel by eps * sign(w) and raises the loss by
// exactly the closed form; APGD checks its step at the published checkpoints.
#include <gtest/gtest.h>

#include <cmath>

#include "vimoe/robust/attacks.h"

using namespace vimoe::robust;

namespace {

// Two-class linear model: logits [0, w . x]. With label 0, CE = log(1 + exp(w . x)).
Target linearTarget(const torch::Tensor& w, double bias = 0) {
  return [w, bias](const torch::Tensor& pixels) {
    TargetOutput out;
    const auto z = pixels.flatten(1).matmul(w) + bias;
    out.logits = torch::stack({torch::zeros_like(z), z}, 1);
    return out;
  };
}

// A small non-linear model over C classes, with an aux loss depending on the input.
Target tanhTarget(int classes) {
  torch::manual_seed(3);
  const auto w1 = torch::randn({3 * 4 * 4, 16}), w2 = torch::randn({16, classes});
  return [w1, w2](const torch::Tensor& pixels) {
    TargetOutput out;
    const auto h = torch::tanh(pixels.flatten(1).matmul(w1));
    out.logits = h.matmul(w2);
    out.auxLoss = h.pow(2).mean();
    return out;
  };
}

double maxDistance(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

}  // namespace

TEST(Attacks, FgsmOnALinearModelStepsBySignOfTheWeightsAndMatchesTheClosedFormLoss) {
  torch::manual_seed(1);
  const auto w = torch::randn({3 * 4 * 4}, torch::kFloat64);
  const auto x = torch::full({1, 3, 4, 4}, 0.5, torch::kFloat64);  // mid-grey: no pixel hits 0 or 1
  const auto labels = torch::zeros({1}, torch::kLong);
  const double eps = 4.0 / 255.0;
  const auto adv = fgsm(linearTarget(w), x, labels, eps);
  EXPECT_NEAR(maxDistance((adv - x).flatten(), eps * w.sign()), 0.0, 1e-12);

  const double z = x.flatten().dot(w).item<double>();
  const double l1 = w.abs().sum().item<double>();
  const double expectedIncrease = std::log1p(std::exp(z + eps * l1)) - std::log1p(std::exp(z));
  auto ce = [&](const torch::Tensor& px) {
    return attackObjective(linearTarget(w)(px), labels, AttackLoss::CrossEntropy, 0).item<double>();
  };
  EXPECT_NEAR(ce(adv) - ce(x), expectedIncrease, 1e-9);
  EXPECT_GT(expectedIncrease, 0.0);
}

TEST(Attacks, NoAttackLeavesTheEpsBallOrTheUnitInterval) {
  torch::manual_seed(2);
  // Pixels at and near 0 and 1, so the box constraint binds.
  auto x = torch::rand({6, 3, 4, 4});
  x.index_put_({0}, 0.0);
  x.index_put_({1}, 1.0);
  const auto labels = torch::tensor({0, 1, 2, 3, 4, 0}, torch::kLong);
  const auto target = tanhTarget(5);
  const double eps = 8.0 / 255.0;
  PgdOptions madry = madryPgd(eps, 7);
  madry.seed = 11;
  ApgdOptions ap;
  ap.eps = eps;
  ap.steps = 20;
  ap.restarts = 2;
  ap.loss = AttackLoss::Dlr;
  for (const auto& adv : {fgsm(target, x, labels, eps), fgsm(target, x, labels, eps, AttackLoss::CrossEntropy, 10.0),
                          pgd(target, x, labels, paperPgd(eps)), pgd(target, x, labels, madry), apgd(target, x, labels, ap)}) {
    EXPECT_LE(maxDistance(adv, x), eps + 1e-6);
    EXPECT_GE(adv.min().item<double>(), 0.0);
    EXPECT_LE(adv.max().item<double>(), 1.0);
  }
}

TEST(Attacks, PgdWithZeroStepsIsTheIdentity) {
  torch::manual_seed(4);
  const auto x = torch::rand({3, 3, 4, 4});
  PgdOptions o = paperPgd(8.0 / 255.0);
  o.steps = 0;
  const auto adv = pgd(tanhTarget(4), x, torch::tensor({0, 1, 2}, torch::kLong), o);
  EXPECT_TRUE(torch::equal(adv, x));
}

TEST(Attacks, PaperPresetIsFortyStepsOfEpsOverFortyWithoutRandomStart) {
  const auto o = paperPgd(4.0 / 255.0);
  EXPECT_EQ(o.steps, 40);
  EXPECT_DOUBLE_EQ(o.stepSize, 4.0 / 255.0 / 40.0);
  EXPECT_FALSE(o.randomStart);
  const auto m = madryPgd(8.0 / 255.0, 10);
  EXPECT_TRUE(m.randomStart);
  EXPECT_DOUBLE_EQ(m.stepSize, 2.5 * 8.0 / 255.0 / 10.0);
}

TEST(Attacks, PgdRaisesTheLossAndFoolsMoreThanTheCleanModel) {
  torch::manual_seed(5);
  const auto x = torch::rand({16, 3, 4, 4});
  const auto target = tanhTarget(4);
  const auto labels = target(x).logits.argmax(1);  // clean accuracy 1 by construction
  const double eps = 16.0 / 255.0;
  const auto adv = pgd(target, x, labels, paperPgd(eps));
  const auto clean = attackObjective(target(x), labels, AttackLoss::CrossEntropy, 0).mean().item<double>();
  const auto attacked = attackObjective(target(adv), labels, AttackLoss::CrossEntropy, 0).mean().item<double>();
  EXPECT_GT(attacked, clean);
  EXPECT_GT(misclassified(target(adv), labels).sum().item<int>(), 0);
}

TEST(Attacks, ApgdCheckpointsForOneHundredStepsAreThePublishedOnes) {
  EXPECT_EQ(apgdCheckpoints(100), (std::vector<int>{0, 22, 41, 57, 70, 80, 87, 93, 99}));
  EXPECT_EQ(apgdCheckpoints(0), (std::vector<int>{0}));
  EXPECT_EQ(apgdCheckpoints(10), (std::vector<int>{0, 2, 3, 4, 5, 6, 7, 8, 9, 10}));  // gaps floor at 1
}

TEST(Attacks, ApgdChangesItsStepOnlyAtCheckpointsAndOnlyByHalving) {
  torch::manual_seed(6);
  const auto x = torch::rand({8, 3, 4, 4});
  const auto target = tanhTarget(5);
  const auto labels = target(x).logits.argmax(1);
  ApgdOptions o;
  o.eps = 8.0 / 255.0;
  o.steps = 100;
  ApgdTrace trace;
  apgd(target, x, labels, o, &trace);
  ASSERT_EQ(trace.meanStepSize.size(), 100u);
  EXPECT_EQ(trace.checkpoints, apgdCheckpoints(100));
  // Per-sample steps start at 2 eps and only halve, so the batch mean never rises and moves
  // only right after a checkpoint iteration.
  EXPECT_NEAR(trace.meanStepSize[0], 2 * o.eps, 1e-6);  // float pixels
  double previous = trace.meanStepSize[0];
  for (int i = 1; i < 100; ++i) {
    const double now = trace.meanStepSize[static_cast<std::size_t>(i)];
    const bool checkpoint = std::find(trace.checkpoints.begin(), trace.checkpoints.end(), i + 1) != trace.checkpoints.end();
    if (!checkpoint) {
      EXPECT_DOUBLE_EQ(now, previous) << "iteration " << i;
    }
    EXPECT_LE(now, previous + 1e-9);
    previous = now;
  }
  EXPECT_LT(trace.meanStepSize.back(), 2 * o.eps);  // some sample's step was cut
  // The best loss never falls.
  for (std::size_t i = 1; i < trace.bestLoss.size(); ++i) EXPECT_GE(trace.bestLoss[i], trace.bestLoss[i - 1] - 1e-9);
}

TEST(Attacks, ApgdReachesTheLinearModelsOptimumCorner) {
  torch::manual_seed(7);
  const auto w = torch::randn({3 * 4 * 4}, torch::kFloat64);
  const auto x = torch::full({1, 3, 4, 4}, 0.5, torch::kFloat64);
  const auto labels = torch::zeros({1}, torch::kLong);
  ApgdOptions o;
  o.eps = 4.0 / 255.0;
  o.steps = 50;
  // A margin of 1 that the ball cannot close (eps |w|_1 < 1), so no point fools the model and
  // APGD returns its highest-loss point. CE is monotone in w . x: the best point is x + eps sign(w).
  const double bias = -x.flatten().dot(w).item<double>() - 1.0;
  ASSERT_LT(o.eps * w.abs().sum().item<double>(), 1.0);
  const auto adv = apgd(linearTarget(w, bias), x, labels, o);
  EXPECT_NEAR(maxDistance((adv - x).flatten(), o.eps * w.sign()), 0.0, 1e-9);
}

TEST(Attacks, DlrLossMatchesTheFormulaOnAHandExample) {
  const auto logits = torch::tensor({{3.0, 1.0, 0.5, -1.0}, {0.0, 2.0, 1.0, 0.5}});
  const auto labels = torch::tensor({0, 0}, torch::kLong);
  const auto dlr = dlrLoss(logits, labels);
  // Row 0 is right: -(3 - 1) / (3 - 0.5). Row 1 is wrong: -(0 - 2) / (2 - 0.5).
  EXPECT_NEAR(dlr[0].item<double>(), -2.0 / 2.5, 1e-6);
  EXPECT_NEAR(dlr[1].item<double>(), 2.0 / 1.5, 1e-6);
}

TEST(Attacks, AuxWeightAddsTheRouterLossToTheObjective) {
  TargetOutput out;
  out.logits = torch::tensor({{1.0, 0.0}});
  out.auxLoss = torch::tensor(0.25);
  const auto labels = torch::tensor({0}, torch::kLong);
  const double ce = attackObjective(out, labels, AttackLoss::CrossEntropy, 0).item<double>();
  EXPECT_NEAR(attackObjective(out, labels, AttackLoss::CrossEntropy, 2.0).item<double>(), ce + 0.5, 1e-6);
}
