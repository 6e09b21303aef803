// The single description of every ExperimentConfig field: its JSON key, its type and the
// values it may take. Reading, dumping and range checking are all driven from here (see
// field_visitor.h), so the ranges below are the ones users see in error messages.
// Cross-field rules (top_k <= num_experts, ...) live in validate.cpp.
#pragma once

#include "config/field_visitor.h"
#include "vimoe/config/experiment_config.h"

namespace vimoe::config {

// The synthetic seed is stored as a signed 64-bit value downstream, hence [0, 2^63).
inline constexpr std::uint64_t kMaxSignedSeed = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
inline constexpr std::uint64_t kMaxSeed = std::numeric_limits<std::uint64_t>::max();

template <class V>
void describe(SyntheticDataConfig& c, V& v) {
  v.number("train_images", c.train_images, 16, 1000000);
  v.number("val_images", c.val_images, 8, 100000);
  v.number("captions_per_image", c.captions_per_image, 1, 20);
  v.seed("seed", c.seed, kMaxSignedSeed);
  v.number("questions_per_image", c.questions_per_image, 0, 10);
  v.text("domains", c.domains, TextRule::NonEmpty);
}

template <class V>
void describe(DataConfig& c, V& v) {
  v.text("root", c.root, TextRule::Any);
  v.choice("format", c.format, {"coco_captions", "synthetic_captions"});
  v.text("train_annotations", c.train_annotations, TextRule::NonEmpty);
  v.text("val_annotations", c.val_annotations, TextRule::NonEmpty);
  v.text("image_dir", c.image_dir, TextRule::Any);
  v.number("image_size", c.image_size, 16, 1024);
  v.number("max_text_tokens", c.max_text_tokens, 4, 512);
  v.text("tokenizer", c.tokenizer, TextRule::NonEmpty);
  v.choice("tokenizer_type", c.tokenizer_type, {"unigram", "bpe"});
  v.choice("text_format", c.text_format, {"vimoe", "clip", "siglip"});
  v.number("vocab_size", c.vocab_size, 32, 262144);
  v.text("train_questions", c.train_questions, TextRule::NonEmpty);
  v.text("val_questions", c.val_questions, TextRule::NonEmpty);
  v.number("image_cache_mb", c.image_cache_mb, 0, 1048576);
  v.number("loader_threads", c.loader_threads, 1, 64);
  v.number("crop_min_area", c.crop_min_area, 0.05, 1.0, Open::None);
  v.flag("flip", c.flip);
  v.object("synthetic", c.synthetic);
}

template <class V>
void describe(TowerConfig& c, V& v) {
  v.number("width", c.width, 8, 4096);
  v.number("depth", c.depth, 1, 64);
  v.number("heads", c.heads, 1, 64);
  v.number("mlp_ratio", c.mlp_ratio, 0.25, 16.0, Open::None);
}

template <class V>
void describe(ArchitectureConfig& c, V& v) {
  v.choice("activation", c.activation, {"gelu", "gelu_tanh", "quick_gelu"});
  v.number("norm_eps", c.norm_eps, 0.0, 0.1, Open::Low);
  v.choice("image_pool", c.image_pool, {"class", "mean", "map"});
  v.choice("text_pool", c.text_pool, {"mean", "eot", "last"});
  v.flag("text_causal", c.text_causal);
  v.flag("patch_bias", c.patch_bias);
  v.flag("pre_norm", c.pre_norm);
  v.flag("proj_bias", c.proj_bias);
  v.choice("pixel_norm", c.pixel_norm, {"clip", "siglip", "imagenet"});
  v.choice("text_activation", c.text_activation, {"", "gelu", "gelu_tanh", "quick_gelu"});
  v.number("text_norm_eps", c.text_norm_eps, 0.0, 0.1, Open::None);
}

template <class V>
void describe(ModelConfig& c, V& v) {
  // experimentFromJson applies the named preset before this description is read.
  v.choice("preset", c.preset, {"custom", "tiny", "small", "base", "large", "vit-s16", "vit-b16"});
  v.number("patch_size", c.patch_size, 2, 64);
  v.number("embed_dim", c.embed_dim, 8, 4096);
  v.object("image", c.image);
  v.object("text", c.text);
  v.flag("shared_tower", c.shared_tower);
  v.object("arch", c.arch);
  v.text("init_from", c.init_from, TextRule::Any);
}

template <class V>
void describe(MoeConfig& c, V& v) {
  v.flag("enabled", c.enabled);
  v.number("num_experts", c.num_experts, 1, 1024);
  v.number("top_k", c.top_k, 1, 1024);  // and at most num_experts, checked in validate.cpp
  v.choice("router", c.router, {"top_k", "noisy_top_k", "batch_priority", "expert_choice"});
  v.choice("gate_norm", c.gate_norm, {"auto", "renormalize", "softmax"});
  v.number("capacity_factor_train", c.capacity_factor_train, 0.0, 64.0, Open::None);
  v.number("capacity_factor_eval", c.capacity_factor_eval, 0.0, 64.0, Open::None);
  v.choice("towers", c.towers, {"image", "text", "both"});
  v.choice("placement", c.placement, {"every_nth", "last_n"});
  v.number("placement_n", c.placement_n, 1, 64);
  v.number("router_init_std", c.router_init_std, 0.0, 1.0, Open::None);
  v.number("noise_std", c.noise_std, 0.0, 10.0, Open::None);
  v.flag("shared_expert", c.shared_expert);
  v.number("bias_update_rate", c.bias_update_rate, 0.0, 1.0, Open::None);
}

template <class V>
void describe(LossConfig& c, V& v) {
  v.choice("contrastive", c.contrastive, {"clip", "siglip"});
  v.number("load_balance_weight", c.load_balance_weight, 0.0, 10.0, Open::None);
  v.number("z_loss_weight", c.z_loss_weight, 0.0, 10.0, Open::None);
  v.number("importance_weight", c.importance_weight, 0.0, 10.0, Open::None);
  v.number("load_weight", c.load_weight, 0.0, 10.0, Open::None);
  v.number("entropy_local_weight", c.entropy_local_weight, 0.0, 10.0, Open::None);
  v.number("entropy_global_weight", c.entropy_global_weight, 0.0, 10.0, Open::None);
  v.number("entropy_global_min_experts", c.entropy_global_min_experts, 1.0, 1024.0, Open::None);
}

template <class V>
void describe(OptimConfig& c, V& v) {
  v.number("batch_size", c.batch_size, 1, 65536);
  v.number("lr", c.lr, 0.0, 10.0, Open::Low);
  v.number("weight_decay", c.weight_decay, 0.0, 10.0, Open::None);
  v.number("beta1", c.beta1, 0.0, 1.0, Open::High);
  v.number("beta2", c.beta2, 0.0, 1.0, Open::High);
  v.number("eps", c.eps, 0.0, 1.0, Open::Low);
  v.number("warmup_steps", c.warmup_steps, 0, 10000000);
  v.choice("schedule", c.schedule, {"cosine", "constant"});
  v.number("min_lr_ratio", c.min_lr_ratio, 0.0, 1.0, Open::None);
  v.number("grad_clip", c.grad_clip, 0.0, 1000.0, Open::None);
  v.number("accumulate", c.accumulate, 1, 4096);
}

template <class V>
void describe(AdversarialConfig& c, V& v) {
  v.number("steps", c.steps, 0, 1000);
  v.number("eps", c.eps, 0.0, 1.0, Open::None);
  v.number("step_size", c.step_size, 0.0, 1.0, Open::None);
  v.flag("random_start", c.random_start);
}

template <class V>
void describe(RunConfig& c, V& v) {
  v.text("name", c.name, TextRule::NonEmpty);
  v.choice("kind", c.kind, {"contrastive", "caption", "vqa"});
  v.number("steps", c.steps, 1, 100000000);
  v.seed("seed", c.seed, kMaxSeed);
  v.number("log_every", c.log_every, 1, kNoLimit);
  v.number("eval_every", c.eval_every, 1, kNoLimit);
  v.number("expert_load_every", c.expert_load_every, 1, kNoLimit);
  v.number("checkpoint_every", c.checkpoint_every, 1, kNoLimit);
  v.number("threads", c.threads, 0, 1024);
  v.text("checkpoint_dir", c.checkpoint_dir, TextRule::NonEmpty);
  v.number("routing_every", c.routing_every, 1, kNoLimit);
  v.number("probe_images", c.probe_images, 0, 256);
  v.choice("device", c.device, {"auto", "cpu", "cuda"});
  v.choice("precision", c.precision, {"fp32", "bf16", "fp16"});
}

template <class V>
void describe(TaskConfig& c, V& v) {
  v.text("encoder_from", c.encoder_from, TextRule::Any);
  v.flag("freeze_encoder", c.freeze_encoder);
  v.choice("vqa_head", c.vqa_head, {"classify", "generate"});
  v.number("max_answers", c.max_answers, 2, 100000);
  v.number("beam_width", c.beam_width, 1, 64);
  v.number("length_penalty", c.length_penalty, 0.0, 5.0, Open::None);
  v.number("max_length", c.max_length, 0, 512);
  v.number("eval_samples", c.eval_samples, 1, 1000000);
  v.choice("metric_tokenization", c.metric_tokenization, {"syllables", "segmented_words"});
}

template <class V>
void describe(ExperimentConfig& c, V& v) {
  v.object("data", c.data);
  v.object("model", c.model);
  v.object("moe", c.moe);
  v.object("loss", c.loss);
  v.object("optim", c.optim);
  v.object("adversarial", c.adversarial);
  v.object("run", c.run);
  v.object("task", c.task);
}

}  // namespace vimoe::config
