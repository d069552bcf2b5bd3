#!/usr/bin/env bash
# The sfapi command: the same settings as the library, from SFAPI_KEY, SFAPI_BASE_URL
# and SFAPI_TOKEN_URL (or the options --key, --base-url, --token-url).
set -euo pipefail

# Status needs no key.
sfapi status perlmutter

# Submit a local script and wait for it; the exit code says how the job ended.
printf '#!/bin/bash\n#SBATCH -C cpu\n#SBATCH -q debug\n#SBATCH -t 5\n#SBATCH -N 1\n#SBATCH -o cli-demo.out\necho hello\n' > hello.sh
# Check it first: the lint names each line Perlmutter would refuse or ignore, and the fix.
sfapi lint hello.sh
sfapi submit perlmutter hello.sh --local --wait

# Submit two jobs, then wait for both: exit code 0 only if every one COMPLETED.
first=$(sfapi submit perlmutter hello.sh --local --json | python -c 'import json, sys; print(json.load(sys.stdin)["jobid"])')
second=$(sfapi submit perlmutter hello.sh --local --json | python -c 'import json, sys; print(json.load(sys.stdin)["jobid"])')
sfapi wait perlmutter "$first" "$second" --timeout 600

# Files and commands.
home=$(sfapi run perlmutter -- printenv HOME)
sfapi ls perlmutter "$home"
sfapi download perlmutter "$home/cli-demo.out" hello.out
cat hello.out

# --json prints any result as JSON, for jq and other tools (before or after the command).
sfapi --json whoami
sfapi ls perlmutter "$home" --json

# Errors are one line and an exit code: 1 for an error the API reported.
sfapi job perlmutter 1 || echo "exit code $?"
