# A simulator on 127.0.0.1:8766 with a key for user alice, jobs running 3 s; it prints
# the export lines for SFAPI_BASE_URL, SFAPI_TOKEN_URL, SFAPI_KEY and SFAPI_WAIT_INTERVAL:
sfapi-sim serve --key-out sim-key.pem --job-runtime 3
# ... or having a bad day: a fifth of the requests answered 503, 200 ms added to each.
sfapi-sim serve --key-out sim-key.pem --error-rate 0.2 --latency 0.2
# Another port, and a read-only key as well: --port 8767 --read-only-key-out ro-key.pem
