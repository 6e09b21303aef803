#!/usr/bin/python3
"""The ViMoE tiny contrastive model and training step written in PyTorch (Python), to compare
with `vimoe bench --what train` on the same machine (bench/compare_pytorch runs both).

It mirrors core/src/model/*.cpp and core/src/train/adamw.cpp module for module: pre-LN blocks,
fused qkv attention with a key-padding mask, erf-GELU FFN, token-choice top-k MoE with stacked
expert weights and cumsum slot dispatch (choice-major, so first choices win), a class token for
images, mean-pooled text, the CLIP loss with a learned temperature, the Switch load-balancing
and z losses, gradient clipping, and AdamW with decay on matrices only. Same shapes, same
synthetic batches (random pixels, random ids with padded tails), same batch size and threads.

Debian's python3-torch wraps the same libtorch 1.13 and OpenBLAS as the C++ build, so the
difference measured is the framework overhead of Python vs the C++ API, not the kernels.
Optional dependency: apt-get install python3-torch (scripts/optional-packages.txt).
"""
import argparse
import os
import json
import math
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PRESETS = {  # core/src/config/model_presets.cpp: embed_dim, (width, depth, heads, mlp_ratio)
    "tiny": (64, (64, 2, 4, 4.0)),
    "small": (128, (128, 4, 4, 4.0)),
    "base": (256, (256, 6, 8, 4.0)),
    "large": (384, (384, 8, 8, 4.0)),
}


class SelfAttention(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(width, 3 * width)
        self.proj = nn.Linear(width, width)

    def forward(self, x, key_valid):
        b, s, w = x.shape
        dh = w // self.heads
        qkv = self.qkv(x).view(b, s, 3, self.heads, dh).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = torch.matmul(q, k.transpose(-2, -1)) * (1.0 / math.sqrt(dh))
        if key_valid is not None:
            scores = scores.masked_fill(key_valid.logical_not().view(b, 1, 1, s), float("-inf"))
        attended = torch.matmul(torch.softmax(scores, -1), v)
        return self.proj(attended.transpose(1, 2).reshape(b, s, w))


class FeedForward(nn.Module):
    def __init__(self, width, hidden):
        super().__init__()
        self.fc1 = nn.Linear(width, hidden)
        self.fc2 = nn.Linear(hidden, width)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class MoeLayer(nn.Module):
    def __init__(self, width, hidden, experts, top_k, capacity_train, capacity_eval=2.0, modality=0):
        super().__init__()
        self.experts, self.top_k = experts, top_k
        self.renormalize = top_k > 1  # gate_norm "auto"
        self.capacity_train, self.capacity_eval = capacity_train, capacity_eval
        self.modality = modality
        self.router = nn.Linear(width, experts, bias=False)
        with torch.no_grad():
            self.router.weight.normal_(0.0, 0.02)
        b1, b2 = 1.0 / math.sqrt(width), 1.0 / math.sqrt(hidden)
        self.w1 = nn.Parameter(torch.empty(experts, width, hidden).uniform_(-b1, b1))
        self.b1 = nn.Parameter(torch.empty(experts, hidden).uniform_(-b1, b1))
        self.w2 = nn.Parameter(torch.empty(experts, hidden, width).uniform_(-b2, b2))
        self.b2 = nn.Parameter(torch.empty(experts, width).uniform_(-b2, b2))
        d = torch.float64  # routing statistics, as ExpertLoadAccumulator
        self.routed, self.kept, self.gate_sum = (torch.zeros(experts, dtype=d) for _ in range(3))
        self.by_modality, self.tokens = torch.zeros(2, experts, dtype=d), 0.0

    def capacity(self, tokens, max_load):
        factor = self.capacity_train if self.training else self.capacity_eval
        if factor <= 0:
            return max(max_load, 1)
        return max(1, int(math.ceil(factor * self.top_k * tokens / self.experts)))

    def forward(self, x, valid, aux):
        width = x.shape[-1]
        flat = x.reshape(-1, width)
        n = flat.shape[0]
        valid_mask = valid.reshape(n) if valid is not None else torch.ones(n, dtype=torch.bool)
        valid_f = valid_mask.to(flat.dtype)
        real_tokens = max(1.0, valid_f.sum().item())

        logits = self.router(flat)
        probs = torch.softmax(logits, -1)
        top_gate, top_expert = probs.topk(self.top_k, -1)
        if self.renormalize:
            top_gate = top_gate / top_gate.sum(-1, keepdim=True)

        choice_one_hot = F.one_hot(top_expert.t().reshape(-1), self.experts) * \
            valid_mask.repeat(self.top_k).unsqueeze(1).to(torch.long)
        position_in_expert = (choice_one_hot.cumsum(0) - 1) * choice_one_hot
        slot_position = position_in_expert.sum(-1)
        is_routed = choice_one_hot.sum(-1) > 0
        routed_per_expert = choice_one_hot.sum(0)
        cap = self.capacity(int(real_tokens), int(routed_per_expert.max().item()))
        keep = is_routed & (slot_position < cap)

        expert_of_pair = top_expert.t().reshape(-1)
        token_of_pair = torch.arange(n, dtype=torch.long).repeat(self.top_k)
        gate_of_pair = top_gate.t().reshape(-1)
        kept_idx = keep.nonzero().squeeze(1)
        kept_tokens = token_of_pair.index_select(0, kept_idx)
        kept_slots = expert_of_pair.index_select(0, kept_idx) * cap + slot_position.index_select(0, kept_idx)
        kept_gates = gate_of_pair.index_select(0, kept_idx)

        buffer = torch.zeros(self.experts * cap, width, dtype=flat.dtype).index_copy(
            0, kept_slots, flat.index_select(0, kept_tokens))
        hidden = F.gelu(torch.baddbmm(self.b1.unsqueeze(1), buffer.view(self.experts, cap, width), self.w1))
        expert_out = torch.baddbmm(self.b2.unsqueeze(1), hidden, self.w2).view(self.experts * cap, width)
        combined = torch.zeros_like(flat).index_add(
            0, kept_tokens, expert_out.index_select(0, kept_slots) * kept_gates.unsqueeze(1))

        top1_share = (F.one_hot(top_expert.select(1, 0), self.experts).to(flat.dtype) *
                      valid_f.unsqueeze(1)).sum(0) / real_tokens
        mean_prob = (probs * valid_f.unsqueeze(1)).sum(0) / real_tokens
        aux.append((self.experts * (top1_share.detach() * mean_prob).sum(),
                    (torch.logsumexp(logits, -1).pow(2) * valid_f).sum() / real_tokens))

        if self.training:
            with torch.no_grad():
                routed = routed_per_expert.to(torch.float64)
                self.routed += routed
                self.kept += F.one_hot(expert_of_pair.index_select(0, kept_idx), self.experts).sum(0).to(torch.float64)
                self.gate_sum += (probs.detach() * valid_f.unsqueeze(1)).sum(0).to(torch.float64)
                self.by_modality[self.modality] += routed
                self.tokens += real_tokens
        return combined.view(x.shape)


class TransformerBlock(nn.Module):
    def __init__(self, width, heads, hidden, moe, modality):
        super().__init__()
        self.norm1 = nn.LayerNorm(width)
        self.attn = SelfAttention(width, heads)
        self.norm2 = nn.LayerNorm(width)
        self.is_moe = moe is not None
        if self.is_moe:
            self.moe = MoeLayer(width, hidden, moe["experts"], moe["top_k"], moe["capacity"], modality=modality)
        else:
            self.mlp = FeedForward(width, hidden)

    def forward(self, x, valid, aux):
        h = x + self.attn(self.norm1(x), valid)
        normed = self.norm2(h)
        return h + (self.moe(normed, valid, aux) if self.is_moe else self.mlp(normed))


def make_blocks(tower, moe, modality):
    width, depth, heads, mlp_ratio = tower
    hidden = int(width * mlp_ratio + 0.5)
    return nn.ModuleList(TransformerBlock(width, heads, hidden, moe, modality) for _ in range(depth))


class VisionEncoder(nn.Module):
    def __init__(self, tower, embed_dim, image_size, patch, moe):
        super().__init__()
        width, grid = tower[0], image_size // patch
        self.patch_embed = nn.Conv2d(3, width, patch, stride=patch, bias=False)
        self.class_token = nn.Parameter(torch.randn(1, 1, width) * 0.02)
        self.positions = nn.Parameter(torch.randn(1, grid * grid + 1, width) * 0.02)
        self.register_buffer("pixel_mean", torch.tensor([0.48145466, 0.4578275, 0.40821073]).view(1, 3, 1, 1))
        self.register_buffer("pixel_std", torch.tensor([0.26862954, 0.26130258, 0.27577711]).view(1, 3, 1, 1))
        self.blocks = make_blocks(tower, moe, 0)
        self.norm_post = nn.LayerNorm(width)
        self.proj = nn.Linear(width, embed_dim, bias=False)

    def forward(self, pixels, aux):
        x = self.patch_embed((pixels - self.pixel_mean) / self.pixel_std)
        x = x.flatten(2).transpose(1, 2)
        x = torch.cat([self.class_token.expand(x.shape[0], 1, x.shape[2]), x], 1) + self.positions
        for block in self.blocks:
            x = block(x, None, aux)
        return self.proj(self.norm_post(x.select(1, 0)))


class TextEncoder(nn.Module):
    def __init__(self, tower, embed_dim, vocab, max_tokens, moe):
        super().__init__()
        width = tower[0]
        self.token_embed = nn.Embedding(vocab, width)
        with torch.no_grad():
            self.token_embed.weight.normal_(0.0, 0.02)
        self.positions = nn.Parameter(torch.randn(1, max_tokens, width) * 0.01)
        self.blocks = make_blocks(tower, moe, 1)
        self.norm_final = nn.LayerNorm(width)
        self.proj = nn.Linear(width, embed_dim, bias=False)

    def forward(self, ids, aux):
        valid = ids.ne(0)
        x = self.token_embed(ids) + self.positions.narrow(1, 0, ids.shape[1])
        for block in self.blocks:
            x = block(x, valid, aux)
        x = self.norm_final(x)
        weights = valid.to(x.dtype).unsqueeze(-1)
        return self.proj((x * weights).sum(1) / weights.sum(1).clamp_min(1.0))


class ClipModel(nn.Module):
    def __init__(self, preset, image_size, patch, vocab, max_tokens, moe):
        super().__init__()
        embed_dim, tower = PRESETS[preset]
        self.image = VisionEncoder(tower, embed_dim, image_size, patch, moe)
        self.text = TextEncoder(tower, embed_dim, vocab, max_tokens, moe)
        self.logit_scale = nn.Parameter(torch.full((), math.log(1.0 / 0.07)))

    def forward(self, pixels, ids):
        aux = []
        img = F.normalize(self.image(pixels, aux), dim=-1)
        txt = F.normalize(self.text(ids, aux), dim=-1)
        return img, txt, aux

    def clip_loss(self, img, txt):
        logits = self.logit_scale.exp().clamp_max(100.0) * torch.matmul(img, txt.t())
        targets = torch.arange(logits.shape[0], dtype=torch.long)
        return 0.5 * (F.cross_entropy(logits, targets) + F.cross_entropy(logits.t(), targets))


def mean_aux(aux, index):
    return sum(a[index] for a in aux) / len(aux) if aux else torch.zeros(())


def adamw_groups(model):
    """adamwParams(): decay on matrices (and stacked experts), not on vectors, positions, class token."""
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        is_matrix = p.dim() >= 2 and "positions" not in name and "class_token" not in name
        (decay if is_matrix else no_decay).append(p)
    return [{"params": decay, "weight_decay": 0.05}, {"params": no_decay, "weight_decay": 0.0}]


def synthetic_batch(batch, image_size, vocab, length):
    pixels = torch.rand(batch, 3, image_size, image_size)
    ids = torch.randint(4, vocab, (batch, length), dtype=torch.long)
    lengths = torch.randint(min(8, length), length + 1, (batch, 1), dtype=torch.long)
    ids.masked_fill_(torch.arange(length).unsqueeze(0) >= lengths, 0)
    return pixels, ids


def bench_case(args, name, experts, top_k):
    torch.manual_seed(args.seed)
    moe = {"experts": experts, "top_k": top_k, "capacity": args.capacity} if experts else None
    model = ClipModel(args.preset, args.image_size, 8, args.vocab, args.text_tokens, moe)
    model.train()
    # OptimConfig defaults: lr 1e-3, betas (0.9, 0.98), eps 1e-8, weight decay 0.05, clip 1.0.
    optimizer = torch.optim.AdamW(adamw_groups(model), lr=1e-3, betas=(0.9, 0.98), eps=1e-8)
    pixels, ids = synthetic_batch(args.batch, args.image_size, args.vocab, args.text_tokens)

    def step():
        img, txt, aux = model(pixels, ids)
        loss = model.clip_loss(img, txt) + 0.01 * mean_aux(aux, 0) + 0.0 * mean_aux(aux, 1)
        loss.item()
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()

    for _ in range(args.warmup):
        step()
    times = []
    for _ in range(args.steps):
        start = time.perf_counter()
        step()
        times.append(1000.0 * (time.perf_counter() - start))
    median = statistics.median(times)
    params = sum(p.numel() for p in model.parameters())
    return {"name": name, "experts": experts, "top_k": top_k, "parameters": params,
            "step": {"median_ms": median, "min_ms": min(times), "max_ms": max(times), "repetitions": len(times)},
            "samples_per_second": 1000.0 * args.batch / median}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: all cores)")
    parser.add_argument("--preset", default="tiny", choices=sorted(PRESETS))
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--image-size", type=int, default=64)
    parser.add_argument("--text-tokens", type=int, default=24)
    parser.add_argument("--vocab", type=int, default=256)
    parser.add_argument("--capacity", type=float, default=1.25)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads if args.threads > 0 else (os.cpu_count() or 1))

    cases = [bench_case(args, n, e, k) for n, e, k in (("dense", 0, 0), ("moe-e4-k1", 4, 1), ("moe-e8-k2", 8, 2))]
    out = {"threads": torch.get_num_threads(), "torch": torch.__version__,
           "train": {"preset": args.preset, "batch_size": args.batch, "capacity_factor": args.capacity,
                     "cases": cases}}
    if args.json:
        print(json.dumps(out, indent=2))
        return
    print(f"PyTorch {torch.__version__} (Python), {torch.get_num_threads()} threads; preset {args.preset}, "
          f"batch {args.batch}; median of {args.steps} steps after {args.warmup} warm-up")
    for c in cases:
        print(f"  {c['name']:<10} {c['step']['median_ms']:9.1f} ms/step {c['samples_per_second']:9.1f} samples/s"
              f"   params {c['parameters']}")


if __name__ == "__main__":
    main()
