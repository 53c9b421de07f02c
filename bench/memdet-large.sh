#!/usr/bin/env bash
# Out-of-core log-det at scale (issue 14, docs/estimation.md): an N×N SPD .npy (N = 16000: 2 GB)
# by `rmtkit logdet --method ooc --max-mem 256MB` against the in-memory Cholesky
# (`--method exact`) and numpy's Cholesky, each under /usr/bin/time -v for wall time and peak
# resident memory. Usage: bash bench/memdet-large.sh [N] [DIR]   (needs `npm run build` first)
set -euo pipefail
n=${1:-16000}
dir=${2:-$(mktemp -d)}
here=$(cd "$(dirname "$0")/.." && pwd)
python3 "$here/bench/spd_kernel_npy.py" "$n" "$dir/A.npy"
run() {
  local name=$1
  shift
  /usr/bin/time -v "$@" 2>"$dir/time-$name.txt"
  grep -E 'Elapsed|Maximum resident' "$dir/time-$name.txt" | sed "s/^\s*/  $name: /"
}
run exact node "$here/bin/rmtkit.js" logdet "$dir/A.npy" --method exact --json
run ooc node "$here/bin/rmtkit.js" logdet "$dir/A.npy" --method ooc --max-mem 256MB \
  --scratch "$dir/scratch" --json
run numpy python3 -c "
import numpy as np, sys
a = np.load(sys.argv[1])
print(repr(2 * np.log(np.diag(np.linalg.cholesky(a))).sum()))" "$dir/A.npy"
rm -rf "$dir/scratch" "$dir/A.npy"
