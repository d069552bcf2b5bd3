# In a terminal of its own: the simulator on 127.0.0.1:8766, with a key for its user
# alice written to sim-key.pem. Ctrl-C stops it.
sfapi-sim serve --key-out sim-key.pem
# It prints the lines to paste into the terminal you run scripts in, such as:
#   export SFAPI_BASE_URL=http://127.0.0.1:8766/api/v1.2
#   export SFAPI_TOKEN_URL=http://127.0.0.1:8766/c2id/token
#   export SFAPI_KEY=/home/you/sim-key.pem
#   export SFAPI_WAIT_INTERVAL=1
