# Shared by scripts/bench, scripts/bench-ab and scripts/profile-ingest (sourced, not run).

# bench_store RAPPORT BENCH STORE: a new store made by that rapport binary (so an older binary makes its
# own schema), with the benchmark's agents from `rapport-bench agents`.
bench_store() {
  local rapport=$1 bench=$2 store=$3 login first last email
  "$rapport" init --store "$store" >/dev/null
  while IFS=$'\t' read -r login first last email; do
    "$rapport" agent add --store "$store" --login "$login" --first "$first" --last "$last" --email "$email" >/dev/null
  done < <("$bench" agents)
}

# cached_maildir DIR: the disk synced first (the run before does not lend this one its write-back),
# then every file read into the page cache (this VM drops idle file pages within a minute).
cached_maildir() {
  sync
  find "$1" -type f -print0 | xargs -0 cat >/dev/null
}
