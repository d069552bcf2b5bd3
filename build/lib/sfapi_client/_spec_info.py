# Generated from openapi.json by `python -m generator codegen` (make codegen). Do not edit: change spec/, templates/ or generator/ and regenerate.
"""Facts about the API taken from its OpenAPI document."""

API_TITLE = "NERSC SuperFacility API"
API_VERSION = "1.2"
DEFAULT_BASE_URL = "https://api.nersc.gov/api/v1.2"
DEFAULT_TOKEN_URL = "https://oidc.nersc.gov/c2id/token"
