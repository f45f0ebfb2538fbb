# Sourced by the benchmarks: a copy of the project and a private cache
# under a temporary directory, removed on exit. The cache borrows the
# user's kernel object store and work trees (symbolic links; they are only
# read) and has its own empty compiler cache, so every run is cold and the
# user's cache is never wiped.
top=$(cd "$(dirname "$0")/../.." && pwd)
seriesctl="$top/build/tool/seriesctl"
user_cache="${XDG_CACHE_HOME:-$HOME/.cache}/seriesctl"
tree=debian-6.12
[ -d "$user_cache/trees/$tree" ] || { echo "no $user_cache/trees/$tree: run \`seriesctl tree import $tree\` first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/cache/seriesctl" "$work/project"
ln -s "$user_cache/store.git" "$work/cache/seriesctl/store.git"
ln -s "$user_cache/trees" "$work/cache/seriesctl/trees"
cp -r "$top/config" "$top/series" "$top/kernel" "$work/project/"
[ -d "$top/templates" ] && cp -r "$top/templates" "$work/project/"
export XDG_CACHE_HOME="$work/cache" CCACHE_DIR="$work/ccache" NO_COLOR=1
root="$work/project"
store="$user_cache/store.git"
tip=$(git --git-dir="$store" rev-parse "refs/trees/$tree")
# A recorded base commit this machine does not have (a local import made
# elsewhere) is replaced by the tree's tip in the copy.
for commit in $(sed -n 's/^ *commit: \([0-9a-f]\{40\}\)$/\1/p' "$root/series/"*.yaml | sort -u); do
  git --git-dir="$store" cat-file -e "$commit^{commit}" 2>/dev/null ||
    sed -i "s/$commit/$tip/" "$root/series/"*.yaml
done

load() { cut -d' ' -f1-3 /proc/loadavg; }
# seconds COMMAND…: runs it (output to $work/out, errors to $work/err) and
# prints the wall-clock seconds; the CPU seconds its processes used (user +
# system) go to $work/cpu. A failure stops the benchmark.
seconds() {
  start=$(date +%s.%N)
  if ! "$@" >"$work/out" 2>"$work/err"; then
    echo "failed: $*" >&2; tail -20 "$work/err" >&2; tail -5 "$work/out" >&2; exit 1
  fi
  end=$(date +%s.%N)
  times >"$work/times"  # not in a pipeline: that would be another process
  tail -1 "$work/times" | awk '{ for (i = 1; i <= 2; i++) { split($i, t, "m"); sub("s", "", t[2]); s += t[1] * 60 + t[2] }
    printf "%.0f\n", s }' >"$work/cpu"
  echo "$end - $start" | bc
}
cpu() { cat "$work/cpu"; }
# figure LABEL SECONDS [COMPARISON]: one line of the report, with the CPU
# seconds of the last measured command and the load average when it ended
# (the machine is shared: wall-clock figures are upper bounds).
figure() { printf '%-60s %7.1f s  cpu %5s s  load %s%s\n' "$1" "$2" "$(cpu)" "$(load)" "${3:+   $3}"; }
# part LABEL SECONDS: a share of the figure above it, as the verb reported
# it (no CPU or load of its own).
part() { printf '%-60s %7.1f s\n' "$1" "$2"; }
ratio() { echo "scale=1; $1 / $2" | bc; }
