#!/usr/bin/python3
"""The image pipeline a PyTorch user would write, timed on the JPEGs `vimoe bench --what loader
--keep-images DIR` wrote, to compare with ViMoE's streaming loader (bench/compare_loader runs both).

Two peers, both yielding [64, 3, 224, 224] uint8 batches like ViMoE's ImageTable:
- "pil": torchvision's usual recipe, PIL open -> RGB -> Resize(224) (shorter side, bilinear with
  antialias) -> CenterCrop(224) -> PILToTensor, in a DataLoader with N worker processes;
- "tvio": torchvision.io.read_file + decode_jpeg (libjpeg, like OpenCV) -> Resize -> CenterCrop on
  tensors, same DataLoader.
Workers are processes (Python's GIL), ViMoE's are threads; each worker uses one torch thread.
Optional dependency: apt-get install python3-torchvision (scripts/optional-packages.txt).
"""
import argparse
import glob
import json
import os
import time

import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision import transforms
from torchvision.io import ImageReadMode, decode_jpeg, read_file


class Jpegs(Dataset):
    def __init__(self, paths, size, how):
        self.paths, self.how = paths, how
        self.pil = transforms.Compose([transforms.Resize(size), transforms.CenterCrop(size), transforms.PILToTensor()])
        self.tensor = transforms.Compose([transforms.Resize(size, antialias=True), transforms.CenterCrop(size)])

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        if self.how == "pil":
            with Image.open(self.paths[i]) as image:
                return self.pil(image.convert("RGB"))
        return self.tensor(decode_jpeg(read_file(self.paths[i]), mode=ImageReadMode.RGB))


def one_thread_per_worker(_):
    torch.set_num_threads(1)


def images_per_second(paths, size, how, workers, batch):
    loader = DataLoader(Jpegs(paths, size, how), batch_size=batch, num_workers=workers, shuffle=False,
                        worker_init_fn=one_thread_per_worker, prefetch_factor=2, persistent_workers=False)
    start = time.perf_counter()
    seen = sum(b.shape[0] for b in loader)  # worker start-up counts, as ViMoE's thread start does
    return seen / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", required=True)
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--max-workers", type=int, default=os.cpu_count())
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    paths = sorted(glob.glob(os.path.join(args.dir, "*.jpg")))
    if not paths:
        raise SystemExit(f"image_loader.py: no .jpg in {args.dir}")
    rows, workers = [], 1
    while workers <= max(1, args.max_workers):
        for how in ("pil", "tvio"):
            rows.append({"peer": how, "threads": workers,
                         "images_per_second": images_per_second(paths, args.size, how, workers, args.batch)})
        workers *= 2
    if args.json:
        print(json.dumps({"images": len(paths), "rows": rows}))
    else:
        for r in rows:
            print(f"{r['peer']:<5} {r['threads']} workers {r['images_per_second']:8.1f} images/s")


if __name__ == "__main__":
    main()
