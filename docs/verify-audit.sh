#!/usr/bin/env bash
# Verifies a Liaison Gateway audit export WITHOUT the gateway, with tools every Debian has:
# bash, coreutils (sha256sum), awk, and gpg (package gnupg) for the checkpoint signatures.
#
#   docs/verify-audit.sh audit.jsonl gateway.asc
#
# audit.jsonl             one entry per line: canonical JSON (keys sorted, no spaces, UTF-8), "hash" included
# audit.jsonl.checkpoints "range FIRST LAST", then per checkpoint a line "checkpoint SEQUENCE HASH AT SIGNER"
#                         and the gateway key's ASCII-armoured detached signature over the text "SEQUENCE HASH"
# gateway.asc             the gateway's OpenPGP certificate, obtained from NISC out of band (check its fingerprint)
#                         (across a key rollover: both certificates in this one file, cat old.asc new.asc)
#
# Each entry's hash is SHA-256 over its "previousHash" (64 hex digits) followed by the line with
# ,"hash":"..." taken out (the canonical JSON of the entry without its hash). Exit 0 when every
# line and every checkpoint holds; exit 1 naming the first line that does not; exit 2 on bad use.
set -uo pipefail
export LC_ALL=C

if [ $# -ne 2 ]; then
    echo "usage: $0 AUDIT.jsonl GATEWAY-CERTIFICATE.asc" >&2
    exit 2
fi
file=$1
cert=$2
cps="$file.checkpoints"
for f in "$file" "$cert" "$cps"; do
    [ -r "$f" ] || { echo "cannot read $f" >&2; exit 2; }
done
command -v sha256sum >/dev/null || { echo "sha256sum is missing (coreutils)" >&2; exit 2; }
command -v gpg >/dev/null || { echo "gpg is missing (apt-get install gnupg)" >&2; exit 2; }

fail() { echo "FAIL: $*"; exit 1; }

zeros=0000000000000000000000000000000000000000000000000000000000000000
read -r word first last < "$cps" || true
[ "${word:-}" = range ] || fail "$cps does not start with 'range FIRST LAST'"

declare -A hash_of
lineno=0
expected_seq=$first
prev_hash=""
count=0
while IFS= read -r line || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    re_hash='\},"hash":"([0-9a-f]{64})","previousHash":"([0-9a-f]{64})","reference":'
    [[ $line =~ $re_hash ]] || fail "line $lineno is not an entry (no hash and previousHash where they belong): it was edited"
    hash=${BASH_REMATCH[1]}
    previous=${BASH_REMATCH[2]}
    re_seq=',"sequence":([0-9]+),"who":'
    [[ $line =~ $re_seq ]] || fail "line $lineno has no sequence: it was edited"
    seq=${BASH_REMATCH[1]}
    if [ "$seq" -ne "$expected_seq" ]; then
        if [ "$seq" -gt "$expected_seq" ]; then
            fail "line $lineno: entry #$seq follows #$((expected_seq - 1)): entry #$expected_seq was removed or moved"
        fi
        fail "line $lineno: entry #$seq comes again or out of order after #$((expected_seq - 1)): inserted or moved"
    fi
    if [ -z "$prev_hash" ]; then
        if [ "$seq" -eq 1 ] && [ "$previous" != "$zeros" ]; then
            fail "line $lineno: entry #1 does not start the chain"
        fi
    elif [ "$previous" != "$prev_hash" ]; then
        fail "line $lineno: entry #$seq records a different hash for entry #$((seq - 1)): that entry was changed or replaced"
    fi
    body=${line/"},\"hash\":\"$hash\","/"},"}
    computed=$(printf '%s%s' "$previous" "$body" | sha256sum)
    computed=${computed%% *}
    [ "$computed" = "$hash" ] || fail "line $lineno: entry #$seq was changed: its content no longer matches its hash"
    hash_of[$seq]=$hash
    prev_hash=$hash
    expected_seq=$((seq + 1))
    count=$((count + 1))
done < "$file"
found_last=$((expected_seq - 1))
[ "$found_last" -ge "$last" ] || fail "entries #$((found_last + 1)) to #$last were removed from the end"

# Checkpoints: each signature checked with a keyring holding the gateway certificate only.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -m 700 "$work/gnupg"
gpg --homedir "$work/gnupg" --batch --quiet --import "$cert" 2>/dev/null || fail "$cert is not an OpenPGP certificate"
awk -v dir="$work" '
    /^checkpoint / { n++; out = dir "/cp" n; printf "%s %s", $2, $3 > (out ".txt"); close(out ".txt");
                     print $2 " " $3 > (out ".head"); close(out ".head"); next }
    n > 0 { print >> (out ".asc") }
' "$cps"
checkpoints=0
for head in "$work"/cp*.head; do
    [ -e "$head" ] || break
    base=${head%.head}
    read -r cseq chash < "$head"
    if ! gpg --homedir "$work/gnupg" --batch --status-fd 1 --verify "$base.asc" "$base.txt" 2>/dev/null | grep -q '^\[GNUPG:\] VALIDSIG'; then
        fail "checkpoint at entry #$cseq is forged: its signature is not the gateway key's over \"$cseq $chash\""
    fi
    if [ -n "${hash_of[$cseq]:-}" ]; then
        [ "${hash_of[$cseq]}" = "$chash" ] || fail "entry #$cseq differs from the checkpoint signed for it: the chain up to #$cseq was rewritten"
    elif [ "$cseq" -gt "$found_last" ]; then
        fail "entries after #$found_last were removed: a signed checkpoint names entry #$cseq"
    fi
    checkpoints=$((checkpoints + 1))
done
echo "OK: $count entries (#$first to #$found_last), $checkpoints signed checkpoints verified with $cert"
