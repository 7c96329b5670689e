#!/usr/bin/env python3
"""Exports a CLIP checkpoint you already have to the ONNX files this model repository expects.

    pip install torch transformers onnx
    python export_clip.py --weights /path/to/clip-vit-base-patch32 --out model_repository

--weights is a local HuggingFace-format CLIP folder (config.json, the weights, tokenizer files),
e.g. a download of openai/clip-vit-base-patch32 made where you are licensed to make it. Nothing
is downloaded by this script. It writes
    <out>/clip_image/1/model.onnx           pixel_values [N,3,224,224] -> image_embeds [N,D]
    <out>/clip_text_encoder/1/model.onnx    input_ids, attention_mask [N,77] -> text_embeds [N,D]
    <out>/clip_tokenizer/1/tokenizer/       the tokenizer files, for the Python backend
and prints D: when it is not 512 (ViT-L/14 gives 768) change dims in the three config.pbtxt files.
"""
import argparse
import os
import shutil

import torch
from transformers import CLIPModel, CLIPTokenizer


class ImageEncoder(torch.nn.Module):
    def __init__(self, clip):
        super().__init__()
        self.clip = clip

    def forward(self, pixel_values):
        return self.clip.get_image_features(pixel_values=pixel_values)


class TextEncoder(torch.nn.Module):
    def __init__(self, clip):
        super().__init__()
        self.clip = clip

    def forward(self, input_ids, attention_mask):
        return self.clip.get_text_features(input_ids=input_ids, attention_mask=attention_mask)


def export(module, args, path, input_names, output_name):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    dynamic = {name: {0: "batch"} for name in input_names}
    dynamic[output_name] = {0: "batch"}
    torch.onnx.export(
        module,
        args,
        path,
        input_names=input_names,
        output_names=[output_name],
        dynamic_axes=dynamic,
        opset_version=17,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", required=True, help="local HuggingFace CLIP folder")
    parser.add_argument("--out", default="model_repository", help="Triton model repository")
    args = parser.parse_args()

    clip = CLIPModel.from_pretrained(args.weights).eval()
    tokenizer = CLIPTokenizer.from_pretrained(args.weights)
    with torch.no_grad():
        pixels = torch.zeros(1, 3, 224, 224)
        export(ImageEncoder(clip), (pixels,), os.path.join(args.out, "clip_image/1/model.onnx"),
               ["pixel_values"], "image_embeds")
        tokens = tokenizer(["a photo of a bicycle"], padding="max_length", max_length=77,
                           return_tensors="pt")
        export(TextEncoder(clip), (tokens["input_ids"], tokens["attention_mask"]),
               os.path.join(args.out, "clip_text_encoder/1/model.onnx"),
               ["input_ids", "attention_mask"], "text_embeds")
        dimension = clip.config.projection_dim
    tokenizer_dir = os.path.join(args.out, "clip_tokenizer/1/tokenizer")
    shutil.rmtree(tokenizer_dir, ignore_errors=True)
    tokenizer.save_pretrained(tokenizer_dir)
    print(f"exported CLIP with embedding dimension {dimension} to {args.out}")


if __name__ == "__main__":
    main()
