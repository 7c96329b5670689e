"""Triton Python-backend model: CLIP prompt strings -> token ids and attention masks.

Reads the tokenizer files that export_clip.py copies next to this file (tokenizer/).
"""
import os

import numpy as np
import triton_python_backend_utils as pb_utils
from transformers import CLIPTokenizer

CONTEXT_LENGTH = 77


class TritonPythonModel:
    def initialize(self, args):
        here = os.path.dirname(os.path.abspath(__file__))
        self.tokenizer = CLIPTokenizer.from_pretrained(os.path.join(here, "tokenizer"))

    def execute(self, requests):
        responses = []
        for request in requests:
            raw = pb_utils.get_input_tensor_by_name(request, "text").as_numpy()
            texts = [t[0].decode("utf-8") if isinstance(t[0], bytes) else str(t[0]) for t in raw]
            tokens = self.tokenizer(
                texts,
                padding="max_length",
                truncation=True,
                max_length=CONTEXT_LENGTH,
                return_tensors="np",
            )
            responses.append(
                pb_utils.InferenceResponse(
                    output_tensors=[
                        pb_utils.Tensor("input_ids", tokens["input_ids"].astype(np.int64)),
                        pb_utils.Tensor(
                            "attention_mask", tokens["attention_mask"].astype(np.int64)
                        ),
                    ]
                )
            )
        return responses
