#ifndef CREDITKIT_CCRYPTO_SHIM_H
#define CREDITKIT_CCRYPTO_SHIM_H
// Only the non-deprecated OpenSSL 3 interfaces CreditKit uses: EVP digests, one-shot HMAC,
// EVP AES-256-GCM, Ed25519 signatures (EVP_PKEY raw keys, EVP_DigestSign) and the random generator.
#define OPENSSL_API_COMPAT 30000
#define OPENSSL_NO_DEPRECATED 1
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#endif
