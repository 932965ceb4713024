#!/usr/bin/env bash
# Writes the body of the pull-request comment to stdout: what the change means
# for families (diff), entries due for review (check), text that is hard to
# read (lint), and whether CODEOWNERS needs refreshing.
# Usage: pr-comment.sh BASE     (BASE: the revision to compare with, e.g. origin/main)
# OFFER overrides how the project's command line is run (default: python build_offer.py).
# Each part runs on its own, so one that fails still leaves the others.
set -uo pipefail

base="${1:-origin/main}"
read -r -a offer <<< "${OFFER:-python build_offer.py}"
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT

# Text in a fence that no line of it can close.
fenced() {
  echo '````text'
  cat
  echo '````'
}

could_not_run() {
  echo "This part could not run (exit $1):"
  echo
  fenced < "$errors"
}

echo "<!-- local-offer-pr-comment -->"

# diff prints Markdown; on exit 2 with output, the files with problems are listed in it.
output=$("${offer[@]}" diff "$base" 2>"$errors"); status=$?
if [ -n "$output" ]; then
  echo "$output"
else
  echo "## What this change means for families"
  echo
  could_not_run "$status"
fi

echo
echo "## Entries due for review"
echo
output=$("${offer[@]}" check --format markdown 2>"$errors"); status=$?
if [ "$status" -ge 2 ]; then
  could_not_run "$status"
else
  echo "${output:-No entry is due for review.}"
fi

echo
echo "## Plain English"
echo
output=$("${offer[@]}" lint 2>&1); status=$?
if [ "$status" -ge 2 ]; then
  echo "$output" > "$errors"
  could_not_run "$status"
elif [ -z "$output" ]; then
  echo "Nothing hard to read was found."
else
  echo "$output" | fenced
fi

if ! "${offer[@]}" codeowners --check >/dev/null 2>"$errors"; then
  echo
  echo "## Reviewers"
  echo
  echo '`.github/CODEOWNERS` does not match the owners of the entries. Someone working on'
  echo 'their own computer should run `python build_offer.py codeowners` and commit the file.'
fi
