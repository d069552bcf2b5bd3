"""Code generator: an OpenAPI document (plus sample job rows) in, a typed Python package out.

The stages, each in its own module, run in this order (``pipeline.py`` runs them,
``assemble.py`` holds those between reading the document and writing the package):

``load`` → ``normalise`` → ``build_ir`` → ``models`` / ``render`` → ``sync`` → ``output``.
"""

__version__ = "0.1.0"
