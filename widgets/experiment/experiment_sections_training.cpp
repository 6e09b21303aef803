// The MoE, losses, optimiser and task sections of the experiment form, and which fields
// matter for a given config.
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

#include "experiment/config_form.h"
#include "experiment/experiment_sections.h"
#include "experiment/real_spin_box.h"

namespace vimoe::widgets {
namespace {

using C = config::ExperimentConfig;
using config::LossConfig;
using config::MoeConfig;
using config::OptimConfig;
using config::TaskConfig;

QString key(const char* path) { return ConfigForm::key(path); }
ConfigForm::Choice choice(const char* value, const QString& shown = QString()) { return ConfigForm::choice(value, shown); }

// The largest double below 1 that a RealSpinBox keeps (it rounds to 12 decimals).
constexpr double kBelowOne = 0.999999999999;
constexpr double kAboveZero = 1e-12;

}  // namespace

EditorSection ExperimentSections::moeSection() {
  EditorSection s = begin(tr("Mixture of experts"), key("moe"));
  const auto moe = [](auto MoeConfig::*field) { return ConfigForm::at(&C::moe, field); };
  m_form.addFlag(key("moe.enabled"), moe(&MoeConfig::enabled), tr("Sparse MoE layers (off: the dense baseline)"));
  row(key("moe.enabled"), tr("MoE"), tr("Replace the FFN of the chosen blocks by routed experts."));
  m_form.addInt(key("moe.num_experts"), moe(&MoeConfig::num_experts), 1, 1024);
  row(key("moe.num_experts"), tr("Experts"), tr("Routed experts per MoE layer."));
  m_form.addInt(key("moe.top_k"), moe(&MoeConfig::top_k), 1, 1024);
  row(key("moe.top_k"), tr("Top-k"), tr("Experts each token is sent to; at most the number of experts."));
  m_form.addChoice(key("moe.router"), moe(&MoeConfig::router),
                   {choice("top_k", tr("top_k \u2014 token choice (Switch, V-MoE)")),
                    choice("noisy_top_k", tr("noisy_top_k \u2014 with gate noise (Shazeer)")),
                    choice("batch_priority", tr("batch_priority \u2014 BPR (V-MoE)")),
                    choice("expert_choice", tr("expert_choice \u2014 experts pick tokens"))});
  row(key("moe.router"), tr("Router"), tr("How tokens are assigned to experts."));
  m_form.addChoice(
      key("moe.gate_norm"), moe(&MoeConfig::gate_norm),
      {choice("auto", tr("auto \u2014 renormalise when top-k > 1")), choice("renormalize"), choice("softmax")});
  row(key("moe.gate_norm"), tr("Gate normalisation"), tr("How the chosen experts' gates are weighted."));
  for (const bool train : {true, false}) {
    const char* path = train ? "moe.capacity_factor_train" : "moe.capacity_factor_eval";
    RealSpinBox* box = m_form.addReal(
        key(path), moe(train ? &MoeConfig::capacity_factor_train : &MoeConfig::capacity_factor_eval), 0.0, 64.0);
    box->setSuffix(QStringLiteral(" \u00d7"));
    box->setSingleStep(0.25);
    box->setStepType(QAbstractSpinBox::DefaultStepType);
    box->setSpecialValueText(tr("dropless"));
    row(key(path), train ? tr("Capacity (train)") : tr("Capacity (eval)"),
        tr("Expert buffer size as a multiple of an even share of the tokens; 0 drops nothing."));
  }
  m_form.addChoice(
      key("moe.towers"), moe(&MoeConfig::towers),
      {choice("both", tr("both towers")), choice("image", tr("image tower")), choice("text", tr("text tower"))});
  row(key("moe.towers"), tr("MoE in"), tr("Which towers get MoE layers (the text side includes a caption decoder)."));
  m_form.addChoice(key("moe.placement"), moe(&MoeConfig::placement),
                   {choice("every_nth", tr("every n-th block")), choice("last_n", tr("last n blocks"))});
  row(key("moe.placement"), tr("Placement"), tr("Which blocks of a tower are MoE."));
  m_form.addInt(key("moe.placement_n"), moe(&MoeConfig::placement_n), 1, 64);
  row(key("moe.placement_n"), tr("n"), tr("every_nth: blocks n-1, 2n-1, ...; last_n: the last n blocks."));
  m_form.addReal(key("moe.router_init_std"), moe(&MoeConfig::router_init_std), 0.0, 1.0);
  row(key("moe.router_init_std"), tr("Router init std"), tr("Standard deviation of the router weights at start."));
  m_form.addReal(key("moe.noise_std"), moe(&MoeConfig::noise_std), 0.0, 10.0)->setSpecialValueText(tr("auto (1/E)"));
  row(key("moe.noise_std"), tr("Gate noise std"), tr("noisy_top_k only; 0 uses 1 / number of experts (V-MoE)."));
  m_form.addFlag(key("moe.shared_expert"), moe(&MoeConfig::shared_expert), tr("Always-on dense expert"));
  row(key("moe.shared_expert"), tr("Shared expert"), tr("A dense FFN beside the routed experts (DeepSeekMoE)."));
  m_form.addReal(key("moe.bias_update_rate"), moe(&MoeConfig::bias_update_rate), 0.0, 1.0)
      ->setSpecialValueText(tr("off"));
  row(key("moe.bias_update_rate"), tr("Bias balancing rate"),
      tr("Aux-loss-free balancing step (DeepSeek-V3); token-choice routers only."));
  return s;
}

EditorSection ExperimentSections::lossSection() {
  EditorSection s = begin(tr("Losses"), key("loss"));
  m_form.addChoice(
      key("loss.contrastive"), ConfigForm::at(&C::loss, &LossConfig::contrastive),
      {choice("clip", tr("clip \u2014 softmax InfoNCE")), choice("siglip", tr("siglip \u2014 pairwise sigmoid"))});
  row(key("loss.contrastive"), tr("Contrastive loss"), tr("Image-text objective of contrastive runs."));
  struct Weight {
    const char* path;
    double LossConfig::*field;
    QString label;
    QString help;
  };
  const Weight weights[] = {
      {"loss.load_balance_weight", &LossConfig::load_balance_weight, tr("Load balance"),
       tr("Switch load-balancing loss.")},
      {"loss.z_loss_weight", &LossConfig::z_loss_weight, tr("Router z-loss"),
       tr("Keeps router logits small (ST-MoE).")},
      {"loss.importance_weight", &LossConfig::importance_weight, tr("Importance"), tr("Shazeer importance CV\u00b2.")},
      {"loss.load_weight", &LossConfig::load_weight, tr("Load"), tr("Shazeer load CV\u00b2; noisy_top_k only.")},
      {"loss.entropy_local_weight", &LossConfig::entropy_local_weight, tr("Local entropy"),
       tr("LIMoE per-token entropy: confident routing.")},
      {"loss.entropy_global_weight", &LossConfig::entropy_global_weight, tr("Global entropy"),
       tr("LIMoE global entropy hinge: use enough experts.")}};
  for (const Weight& w : weights) {
    RealSpinBox* box = m_form.addReal(key(w.path), ConfigForm::at(&C::loss, w.field), 0.0, 10.0);
    box->setPrefix(QStringLiteral("\u00d7 "));
    row(key(w.path), w.label, w.help + QLatin1Char(' ') + tr("Weight of the term in the total loss; 0 = off."));
  }
  m_form
      .addReal(key("loss.entropy_global_min_experts"),
               ConfigForm::at(&C::loss, &LossConfig::entropy_global_min_experts), 1.0, 1024.0)
      ->setSuffix(tr(" experts"));
  row(key("loss.entropy_global_min_experts"), tr("Global entropy floor"),
      tr("The hinge is log(this) nats; at most the number of experts."));
  return s;
}

EditorSection ExperimentSections::optimSection() {
  EditorSection s = begin(tr("Optimiser and schedule"), key("optim"));
  const auto optim = [](auto OptimConfig::*field) { return ConfigForm::at(&C::optim, field); };
  m_form.addInt(key("optim.batch_size"), optim(&OptimConfig::batch_size), 1, 65536)->setSuffix(tr(" pairs"));
  row(key("optim.batch_size"), tr("Batch size"), tr("Samples per step (image-text pairs, or questions)."));
  m_form.addReal(key("optim.lr"), optim(&OptimConfig::lr), kAboveZero, 10.0);
  row(key("optim.lr"), tr("Learning rate"), tr("Peak AdamW learning rate, after warmup."));
  m_form.addReal(key("optim.weight_decay"), optim(&OptimConfig::weight_decay), 0.0, 10.0);
  row(key("optim.weight_decay"), tr("Weight decay"), tr("Decoupled (AdamW) weight decay."));
  m_form.addReal(key("optim.beta1"), optim(&OptimConfig::beta1), 0.0, kBelowOne);
  row(key("optim.beta1"), tr("\u03b2\u2081"), tr("AdamW first-moment decay, in [0, 1)."));
  m_form.addReal(key("optim.beta2"), optim(&OptimConfig::beta2), 0.0, kBelowOne);
  row(key("optim.beta2"), tr("\u03b2\u2082"), tr("AdamW second-moment decay, in [0, 1)."));
  m_form.addReal(key("optim.eps"), optim(&OptimConfig::eps), kAboveZero, 1.0);
  row(key("optim.eps"), tr("\u03b5"), tr("AdamW denominator term."));
  m_form.addInt(key("optim.warmup_steps"), optim(&OptimConfig::warmup_steps), 0, 10000000)->setSuffix(tr(" steps"));
  row(key("optim.warmup_steps"), tr("Warmup"), tr("Linear warmup; fewer than the run's steps."));
  m_form.addChoice(key("optim.schedule"), optim(&OptimConfig::schedule),
                   {choice("cosine", tr("cosine decay")), choice("constant", tr("constant"))});
  row(key("optim.schedule"), tr("Schedule"), tr("Learning rate after warmup."));
  m_form.addReal(key("optim.min_lr_ratio"), optim(&OptimConfig::min_lr_ratio), 0.0, 1.0);
  row(key("optim.min_lr_ratio"), tr("Final LR ratio"), tr("Cosine floor as a fraction of the peak learning rate."));
  m_form.addReal(key("optim.grad_clip"), optim(&OptimConfig::grad_clip), 0.0, 1000.0)->setSpecialValueText(tr("off"));
  row(key("optim.grad_clip"), tr("Gradient clip"), tr("Global gradient-norm limit; 0 = off."));
  m_form.addInt(key("optim.accumulate"), optim(&OptimConfig::accumulate), 1, 4096)->setSuffix(tr(" micro-batches"));
  row(key("optim.accumulate"), tr("Accumulate"), tr("Micro-batches per optimiser step; batch size x this = effective batch."));
  return s;
}

EditorSection ExperimentSections::taskSection() {
  EditorSection s = begin(tr("Task (caption, VQA)"), key("task"));
  const auto task = [](auto TaskConfig::*field) { return ConfigForm::at(&C::task, field); };
  m_form.addText(key("task.encoder_from"), task(&TaskConfig::encoder_from))->setPlaceholderText(tr("from scratch"));
  folderRow(key("task.encoder_from"), tr("Encoder from"),
            tr("Contrastive checkpoint folder whose image tower starts the encoder; a study may write @variant."));
  m_form.addFlag(key("task.freeze_encoder"), task(&TaskConfig::freeze_encoder), tr("Train only the decoder and heads"));
  row(key("task.freeze_encoder"), tr("Freeze encoder"), tr("Keep the image tower's weights fixed."));
  m_form.addChoice(key("task.vqa_head"), task(&TaskConfig::vqa_head),
                   {choice("classify", tr("classify \u2014 over training answers (ViVQA)")),
                    choice("generate", tr("generate \u2014 decode the answer (OpenViVQA)"))});
  row(key("task.vqa_head"), tr("VQA head"), tr("How answers are produced."));
  m_form.addInt(key("task.max_answers"), task(&TaskConfig::max_answers), 2, 100000)->setSuffix(tr(" answers"));
  row(key("task.max_answers"), tr("Answer vocabulary"), tr("Most frequent training answers the classifier knows."));
  m_form.addInt(key("task.beam_width"), task(&TaskConfig::beam_width), 1, 64)->setSpecialValueText(tr("1 (greedy)"));
  row(key("task.beam_width"), tr("Beam width"), tr("Beam search width when decoding; 1 is greedy."));
  m_form.addReal(key("task.length_penalty"), task(&TaskConfig::length_penalty), 0.0, 5.0);
  row(key("task.length_penalty"), tr("Length penalty"), tr("GNMT \u03b1: score / ((5 + length) / 6)^\u03b1."));
  m_form.addInt(key("task.max_length"), task(&TaskConfig::max_length), 0, 512)
      ->setSpecialValueText(tr("as max text length"));
  row(key("task.max_length"), tr("Max generated"), tr("Pieces generated at most; 0 = the data's max text length."));
  m_form.addInt(key("task.eval_samples"), task(&TaskConfig::eval_samples), 1, 1000000)->setSuffix(tr(" samples"));
  row(key("task.eval_samples"), tr("Eval samples"), tr("Validation images or questions decoded at each evaluation."));
  m_form.addChoice(key("task.metric_tokenization"), task(&TaskConfig::metric_tokenization),
                   {choice("syllables", tr("syllables")), choice("segmented_words", tr("segmented words"))});
  row(key("task.metric_tokenization"), tr("Metric units"), tr("What BLEU, ROUGE-L and CIDEr-D count as tokens."));
  return s;
}

void ExperimentSections::applyRelevance(ConfigForm& form, const QSet<QString>& pathsWithIssues) {
  const C& c = form.config();
  const auto set = [&](const char* path, bool relevant) {
    const QString p = key(path);
    form.setRelevant(p, relevant || pathsWithIssues.contains(p));
  };
  const bool moe = c.moe.enabled;
  for (const char* path : {"moe.num_experts", "moe.top_k", "moe.router", "moe.gate_norm", "moe.capacity_factor_train",
                           "moe.capacity_factor_eval", "moe.towers", "moe.placement", "moe.placement_n",
                           "moe.router_init_std", "moe.shared_expert", "loss.load_balance_weight", "loss.z_loss_weight",
                           "loss.importance_weight", "loss.entropy_local_weight", "loss.entropy_global_weight"})
    set(path, moe);
  set("moe.noise_std", moe && c.moe.router == "noisy_top_k");
  set("loss.load_weight", moe && c.moe.router == "noisy_top_k");
  set("moe.bias_update_rate", moe && c.moe.router != "expert_choice");
  set("loss.entropy_global_min_experts", moe && c.loss.entropy_global_weight > 0);

  const bool contrastive = c.run.kind == "contrastive";
  const bool vqa = c.run.kind == "vqa";
  const bool decodes = c.run.kind == "caption" || (vqa && c.task.vqa_head == "generate");
  set("loss.contrastive", contrastive);
  set("task.encoder_from", !contrastive);
  set("task.freeze_encoder", !contrastive);
  set("task.eval_samples", !contrastive);
  set("task.metric_tokenization", !contrastive);
  set("task.vqa_head", vqa);
  set("task.max_answers", vqa && c.task.vqa_head == "classify");
  set("task.beam_width", decodes);
  set("task.length_penalty", decodes);
  set("task.max_length", decodes);

  const bool synthetic = c.data.format == "synthetic_captions";
  for (const char* path :
       {"data.synthetic.train_images", "data.synthetic.val_images", "data.synthetic.captions_per_image",
        "data.synthetic.questions_per_image", "data.synthetic.domains"})
    set(path, synthetic);
}

}  // namespace vimoe::widgets
