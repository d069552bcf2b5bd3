# Against NERSC: the key file Iris gave you, as a path or a name under ~/.superfacility/.
export SFAPI_KEY=mykey
# The API and the token endpoint are NERSC's unless these say otherwise, and waits
# poll every 10 s; unset what the simulator's export lines set:
unset SFAPI_BASE_URL SFAPI_TOKEN_URL SFAPI_WAIT_INTERVAL
