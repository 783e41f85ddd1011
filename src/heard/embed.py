"""Static sentence embeddings from WordLlama, loaded offline from the installed package.

``WordLlama.load()`` with defaults looks for its tokenizer in the wrong folder and tries a
hub download; pointing ``cache_dir`` at the package folder with downloads disabled loads
the weights that ship inside the wheel (see ../shared/NOTES-deps.md).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

DIM = 256


@functools.lru_cache(maxsize=1)
def load_embedder(dim: int = DIM) -> Any:
    """The WordLlama model, truncated to ``dim`` dimensions (cached per process)."""
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=dim)
