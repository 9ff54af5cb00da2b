#!/usr/bin/env python3
"""Checks a CreditKit inclusion or consistency proof against signed tree heads, without CreditKit.

    check_proof.py PROOF.json HEAD.json PUBLIC_KEY [EARLIER_HEAD.json]

PUBLIC_KEY is the PEM file `creditkit head PATH --public-key` prints, or the key's 64 hex digits;
EARLIER_HEAD.json is needed for a consistency proof.

Needs only Python 3 and the `openssl` command (for the Ed25519 signature). Exit 0 when the proof holds.
The algorithms are RFC 9162's (section 2.1.3.2 and 2.1.4.2), written out in Docs/TRANSPARENCY.md.
"""
import hashlib, json, os, struct, subprocess, sys, tempfile


def integer(value, name):
    """A whole number as JSON writes one: not a boolean, not a fraction."""
    if type(value) is not int:
        sys.exit("%s is not a whole number: %r" % (name, value))
    return value


def sha(data):
    return hashlib.sha256(data).digest()


def node(left, right):
    return sha(b"\x01" + left + right)


def signed_bytes(head):
    return (b"creditkit-tree-head-1\n" + struct.pack(">qq", head["treeSize"], head["timestamp"])
            + bytes.fromhex(head["rootHash"]) + bytes.fromhex(head["lastEntryHash"]))


def pem_of(key):
    """The PEM public key in a file, or made from 64 hex digits (an Ed25519 SubjectPublicKeyInfo)."""
    import base64
    if os.path.exists(key):
        return open(key).read()
    raw = bytes.fromhex(key)
    if len(raw) != 32:
        sys.exit("the public key is a PEM file or 64 hex digits")
    der = bytes.fromhex("302a300506032b6570032100") + raw
    return "-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(der).decode() + "\n-----END PUBLIC KEY-----\n"


def signature_holds(head, key):
    with tempfile.TemporaryDirectory() as d:
        pem = os.path.join(d, "key.pem")
        open(pem, "w").write(pem_of(key))
        msg, sig = os.path.join(d, "msg"), os.path.join(d, "sig")
        integer(head["treeSize"], "the head's treeSize")
        integer(head["timestamp"], "the head's timestamp")
        open(msg, "wb").write(signed_bytes(head))
        open(sig, "wb").write(bytes.fromhex(head["signature"]))
        run = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pem, "-rawin",
                              "-in", msg, "-sigfile", sig], capture_output=True)
        return run.returncode == 0


def climb(path, node_index, last, visit):
    """Walks up from node_index (the last node of its level is `last`); True when the path ends at the root."""
    for sibling in path:
        if last == 0:
            return False
        if node_index & 1 or node_index == last:
            visit(sibling, True)
            while node_index & 1 == 0 and node_index != 0:
                node_index, last = node_index >> 1, last >> 1
        else:
            visit(sibling, False)
        node_index, last = node_index >> 1, last >> 1
    return last == 0


def inclusion_holds(proof):
    index, size = integer(proof["entry"], "entry") - 1, integer(proof["treeSize"], "treeSize")
    if not 0 <= index < size:
        return False
    h = [sha(b"\x00" + bytes.fromhex(proof["entryHash"]))]

    def visit(sibling, on_left):
        h[0] = node(sibling, h[0]) if on_left else node(h[0], sibling)

    path = [bytes.fromhex(p) for p in proof["path"]]
    return climb(path, index, size - 1, visit) and h[0] == bytes.fromhex(proof["rootHash"])


def consistency_holds(proof):
    m, n = integer(proof["fromSize"], "fromSize"), integer(proof["toSize"], "toSize")
    old_root, new_root = bytes.fromhex(proof["fromRoot"]), bytes.fromhex(proof["toRoot"])
    path = [bytes.fromhex(p) for p in proof["path"]]
    if not 1 <= m <= n:
        return False
    if m == n:
        return not path and old_root == new_root
    if not path:
        return False
    if m & (m - 1) == 0:
        path = [old_root] + path
    node_index, last = m - 1, n - 1
    while node_index & 1:
        node_index, last = node_index >> 1, last >> 1
    h = [path[0], path[0]]

    def visit(sibling, on_left):
        if on_left:
            h[0], h[1] = node(sibling, h[0]), node(sibling, h[1])
        else:
            h[1] = node(h[1], sibling)

    return climb(path[1:], node_index, last, visit) and h[0] == old_root and h[1] == new_root


def main(argv):
    if len(argv) not in (4, 5):
        sys.exit(__doc__)
    proof, head = json.load(open(argv[1])), json.load(open(argv[2]))
    pem = argv[3]
    if not signature_holds(head, pem):
        sys.exit("the head is not signed by that key")
    if proof["format"] == "creditkit-inclusion-1":
        ok = (proof["treeSize"] == head["treeSize"] and proof["rootHash"] == head["rootHash"]
              and inclusion_holds(proof))
        print("ok: entry %d is in the signed tree of %d entries" % (proof["entry"], head["treeSize"]) if ok
              else "the inclusion proof does not hold")
    elif proof["format"] == "creditkit-consistency-1" and len(argv) == 5:
        earlier = json.load(open(argv[4]))
        if not signature_holds(earlier, pem):
            sys.exit("the earlier head is not signed by that key")
        ok = (proof["fromSize"] == earlier["treeSize"] and proof["fromRoot"] == earlier["rootHash"]
              and proof["toSize"] == head["treeSize"] and proof["toRoot"] == head["rootHash"]
              and consistency_holds(proof))
        print("ok: the later tree extends the earlier one" if ok else "the consistency proof does not hold")
    else:
        sys.exit("not a proof this script knows (a consistency proof needs EARLIER_HEAD.json)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main(sys.argv)
