# From the repository's root:
make drift                    # the live document against spec/openapi.json
make drift FORMAT=markdown    # the same report as Markdown (FORMAT=json for tools)
make drift-update             # write the live document into spec/ and regenerate
make release-proposal         # the same, plus version, changelog and pull request body
make check-generated          # generated/ against what spec/, templates/ and generator/ produce
