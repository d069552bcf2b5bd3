"""The API's routes, one module per tag of the spec, and the token endpoint."""
