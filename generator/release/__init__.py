"""Release proposals: from a drifted OpenAPI document to a versioned, documented package.

``surface`` reads the public API of the package a document generates (methods,
models, enums) from the generator's IR; ``api_diff`` compares two of them in the
user's terms; ``version`` turns the verdicts into a semantic version; ``changelog``
and ``body`` write the ``CHANGELOG.md`` entry and the pull request's description;
``worktree`` checks that the repository has nothing uncommitted; ``command`` ties them
together behind ``python -m generator release``.
"""
