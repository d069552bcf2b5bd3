"""Code generator: an OpenAPI document (plus sample job rows) in, a typed Python package out.

The stages, each in its own module, run in this order (see ``pipeline.py``):

``load`` → ``normalise`` → ``build_ir`` → ``models`` / ``render`` → ``sync`` → ``output``.
"""

__version__ = "0.1.0"
