# Which key the examples (and the sfapi command) use: a path, or a name under ~/.superfacility/.
export SFAPI_KEY=mykey

# To run them against the local simulator instead (sfapi-sim serve prints these):
#   export SFAPI_KEY=/tmp/demo.key
#   export SFAPI_BASE_URL=http://127.0.0.1:8766/api/v1.2
#   export SFAPI_TOKEN_URL=http://127.0.0.1:8766/c2id/token
