# A simulator on 127.0.0.1:8766 with a key for user alice, jobs running 3 s:
sfapi-sim serve --port 8766 --key-out /tmp/demo.key --job-runtime 3
# ... or having a bad day: a fifth of the requests answered 503, 200 ms added to each.
sfapi-sim serve --port 8766 --key-out /tmp/demo.key --error-rate 0.2 --latency 0.2
