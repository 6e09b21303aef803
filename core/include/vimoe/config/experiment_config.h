// Typed configuration of one training run, one struct per concern. JSON keys are the
// snake_case field names below; `config_io.h` reads, validates, overrides and dumps them.
#pragma once

#include <cstdint>
#include <string>

namespace vimoe::config {

struct SyntheticDataConfig {
  int train_images = 2000;     // [16, 1000000]
  int val_images = 256;        // [8, 100000]
  int captions_per_image = 5;  // [1, 20]
  std::uint64_t seed = 7;      // [0, 2^63)
  int questions_per_image = 3; // [0, 10]; written to vqa_{train,val}.json
  // Comma-separated visual domains: shapes, digits_clocks, text_signs, textures (or "all").
  std::string domains = "shapes";
};

struct DataConfig {
  std::string root = "data/synthetic";             // dataset folder, relative to the project
  // coco_captions: read root as published; synthetic_captions: the same layout, generated
  // into root by the workbench when it is missing.
  std::string format = "coco_captions";
  std::string train_annotations = "captions_train.json";  // relative to root
  std::string val_annotations = "captions_val.json";
  std::string image_dir = "images";                // file_name is relative to root/image_dir
  int image_size = 64;                             // [16, 1024], square, pixels
  int max_text_tokens = 24;                        // [4, 512]
  std::string tokenizer = "tokenizer/spm.model";   // relative to the project
  std::string tokenizer_type = "unigram";          // unigram | bpe
  // How texts become ids (text/tokenizer.h): vimoe (the project's SentencePiece model, trained
  // when missing), clip (an imported CLIP's vocab.json + merges.txt), siglip (an imported
  // SigLIP's SentencePiece model and its conventions). `vimoe import` sets it.
  std::string text_format = "vimoe";
  int vocab_size = 512;                            // [32, 262144] (multilingual SigLIP: 250,000)
  // Question-answer files of the same images for run.kind = vqa (any VQA format the importers
  // read, detected from the content), relative to root. The synthetic set writes both.
  std::string train_questions = "vqa_train.json";
  std::string val_questions = "vqa_val.json";
  // A split whose decoded images fit this many MiB is decoded once and held in memory; a larger
  // one is streamed: decoded batch by batch from disk by loader_threads workers.
  int image_cache_mb = 1024;  // [0, 1048576]; 0 = always stream
  int loader_threads = 2;     // [1, 64]
  // Training-time augmentation (train/batch_augment.h); validation and evaluation never augment.
  double crop_min_area = 1.0;  // [0.05, 1]: random-resized crop of this much of the image or more; 1 = off
  bool flip = false;           // horizontal flip, p = 1/2, of images whose text allows it
  SyntheticDataConfig synthetic;
};

struct TowerConfig {
  int width = 64;        // [8, 4096], divisible by heads
  int depth = 2;         // [1, 64]
  int heads = 4;         // [1, 64]
  double mlp_ratio = 4;  // [0.25, 16]
};

// How the towers compute. The published backbones differ in exactly these points, so `vimoe
// import` sets them from the checkpoint it reads; models trained here from scratch keep the
// defaults, which are what every earlier config and checkpoint meant.
struct ArchitectureConfig {
  std::string activation = "gelu";  // gelu | gelu_tanh (SigLIP) | quick_gelu (OpenAI CLIP): x * sigmoid(1.702 x)
  double norm_eps = 1e-5;           // (0, 0.1]; LayerNorm epsilon: 1e-5 CLIP, 1e-6 SigLIP and torchvision
  // class: a class token, pooled at position 0 (CLIP, ViT); mean: no class token, mean of the
  // patch tokens; map: no class token, multi-head attention pooling with a learned probe (SigLIP).
  std::string image_pool = "class";
  // mean: of the real (non-zero) tokens; eot: the token with the largest id, CLIP's end of text;
  // last: the last position, SigLIP's texts padded to full length.
  std::string text_pool = "mean";
  bool text_causal = false;         // causal self-attention in the text tower (CLIP)
  bool patch_bias = false;          // a bias on the patch embedding (SigLIP, torchvision)
  bool pre_norm = false;            // a LayerNorm on the tokens before the first block (CLIP's ln_pre)
  bool proj_bias = false;           // biases on the projections into the shared space (SigLIP's text head)
  // Pixel normalisation inside the model: clip (OpenAI's mean/std), siglip (0.5 / 0.5),
  // imagenet (torchvision's 0.485.. / 0.229..).
  std::string pixel_norm = "clip";
  // The text tower's activation and LayerNorm epsilon where they differ from the image tower's
  // (towers imported from two checkpoints, `vimoe import --text-from`); "" and 0: the same.
  std::string text_activation;
  double text_norm_eps = 0;
};

// `arch` as the text tower computes: text_activation / text_norm_eps in place of the shared ones.
inline ArchitectureConfig textTowerArch(ArchitectureConfig arch) {
  if (!arch.text_activation.empty()) arch.activation = arch.text_activation;
  if (arch.text_norm_eps > 0) arch.norm_eps = arch.text_norm_eps;
  return arch;
}

struct ModelConfig {
  // custom | tiny | small | base | large | vit-s16 | vit-b16 (model_presets.h): sets the tower shapes and embed_dim
  // below before the file is read; fields the file sets explicitly win.
  std::string preset = "custom";
  int patch_size = 8;    // [2, 64], divides data.image_size
  int embed_dim = 64;    // [8, 4096], shared image-text space
  TowerConfig image;
  TowerConfig text;
  // LIMoE: one transformer tower for both modalities (model.image settings; model.text must match).
  bool shared_tower = false;
  ArchitectureConfig arch;
  // Checkpoint folder to start from. A dense checkpoint into an MoE config is sparse-upcycled
  // (every expert a copy of the FFN, fresh routers); otherwise the tensors must match.
  std::string init_from;
};

struct MoeConfig {
  bool enabled = false;
  int num_experts = 4;                 // [1, 1024]
  int top_k = 1;                       // [1, num_experts]
  std::string router = "top_k";        // top_k | noisy_top_k | batch_priority | expert_choice (routing.h)
  std::string gate_norm = "auto";      // auto (renormalise when top_k > 1) | renormalize | softmax
  double capacity_factor_train = 1.25; // [0, 64]; 0 = dropless
  double capacity_factor_eval = 2.0;   // [0, 64]; 0 = dropless
  std::string towers = "both";         // image | text | both
  std::string placement = "every_nth"; // every_nth | last_n
  int placement_n = 1;                 // [1, 64]
  double router_init_std = 0.02;       // [0, 1]
  double noise_std = 0.0;              // [0, 10]; noisy_top_k noise, 0 = 1/num_experts (V-MoE)
  bool shared_expert = false;          // an always-on dense expert beside the routed ones
  double bias_update_rate = 0.0;       // [0, 1]; aux-loss-free balancing step (DeepSeek-V3), 0 = off
};

struct LossConfig {
  std::string contrastive = "clip";    // clip | siglip
  double load_balance_weight = 0.01;   // [0, 10], Switch load-balancing loss
  double z_loss_weight = 0.0;          // [0, 10], router z-loss
  double importance_weight = 0.0;      // [0, 10], Shazeer importance CV^2
  double load_weight = 0.0;            // [0, 10], Shazeer load CV^2 (noisy_top_k only)
  double entropy_local_weight = 0.0;   // [0, 10], LIMoE local (per-token) entropy
  double entropy_global_weight = 0.0;  // [0, 10], LIMoE global entropy hinge
  double entropy_global_min_experts = 2.0;  // [1, num_experts]; the hinge is log(this) nats
};

// Downstream tasks (run.kind caption | vqa): a decoder with cross-attention over the image
// tokens. Its shape is model.text (width, depth, heads, mlp_ratio) and its FFNs are MoE when
// moe.towers includes the text side, so one config describes a dense or MoE captioner.
struct TaskConfig {
  // Contrastive checkpoint folder whose image tower starts the encoder ("" = from scratch).
  // Studies may write "@variant" for another variant's checkpoint.
  std::string encoder_from;
  bool freeze_encoder = false;      // train only the decoder (and heads)
  std::string vqa_head = "classify";  // classify (over the training answers, ViVQA) | generate (OpenViVQA)
  int max_answers = 1000;           // [2, 100000]; answer vocabulary of the classifier, most frequent first
  int beam_width = 3;               // [1, 64]; 1 = greedy
  double length_penalty = 0.6;      // [0, 5]; GNMT alpha: score / ((5 + len) / 6)^alpha
  int max_length = 0;               // [0, 512]; generated pieces at most; 0 = data.max_text_tokens
  int eval_samples = 128;           // [1, 1000000]; validation images (questions) decoded at each eval
  std::string metric_tokenization = "syllables";  // syllables | segmented_words
};

struct OptimConfig {
  int batch_size = 64;             // [1, 65536]
  double lr = 1e-3;                // (0, 10]
  double weight_decay = 0.05;      // [0, 10]
  double beta1 = 0.9;              // [0, 1)
  double beta2 = 0.98;             // [0, 1)
  double eps = 1e-8;               // (0, 1]
  int warmup_steps = 20;           // [0, 10000000]
  std::string schedule = "cosine"; // cosine | constant
  double min_lr_ratio = 0.05;      // [0, 1]
  double grad_clip = 1.0;          // [0, 1000]; 0 = off
  int accumulate = 1;              // [1, 4096]; micro-batches of batch_size per optimiser step
};

// Adversarial training (Madry et al.): each training batch is replaced by PGD examples made
// against the current weights, l_inf on [0, 1] pixels. REFERENCES.md section 6.
struct AdversarialConfig {
  int steps = 0;              // [0, 1000]; PGD steps per batch; 0 = standard training
  double eps = 8.0 / 255.0;   // [0, 1]; l_inf radius
  double step_size = 0;       // [0, 1]; 0 = Madry's 2.5 * eps / steps
  bool random_start = true;   // start from a uniform point of the ball
};

struct RunConfig {
  std::string name = "run";
  std::string kind = "contrastive";  // contrastive | caption | vqa
  int steps = 300;                   // [1, 100000000]
  std::uint64_t seed = 1;
  int log_every = 5;                 // [1, ...]
  int eval_every = 50;               // [1, ...]
  int expert_load_every = 10;        // [1, ...]
  int checkpoint_every = 100;        // [1, ...]
  int threads = 0;                   // [0, 1024]; 0 = all hardware threads
  std::string checkpoint_dir = "checkpoints";  // relative to the project
  int routing_every = 100;           // [1, ...]; routing snapshot of the probe set
  int probe_images = 8;              // [0, 256]; fixed validation images (with a caption) in the probe set
  std::string device = "auto";       // auto (CUDA when available) | cpu | cuda
  // fp32 | bf16 | fp16: autocast of the forward pass (fp16 with dynamic loss scaling, CUDA only)
  std::string precision = "fp32";
};

struct ExperimentConfig {
  DataConfig data;
  ModelConfig model;
  MoeConfig moe;
  LossConfig loss;
  OptimConfig optim;
  AdversarialConfig adversarial;
  RunConfig run;
  TaskConfig task;
};

}  // namespace vimoe::config
