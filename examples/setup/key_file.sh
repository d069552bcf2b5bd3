# The key file: the client id on the first line, then the private key Iris showed.
mkdir -p ~/.superfacility
cat > ~/.superfacility/mykey.pem <<'KEY'
randmstrgz
-----BEGIN PRIVATE KEY-----
...
-----END PRIVATE KEY-----
KEY
# Readable by you only: the client refuses a key file others can read.
chmod 600 ~/.superfacility/mykey.pem
