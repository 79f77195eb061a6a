//! SHA-256 for the sign-off fingerprint (and, later, a questionnaire's content), from the
//! maintained `sha2` crate. Only the studio, the report worker and native code use it: the main
//! app does not carry it. (Until tool 0.4.0 the main app needed it, so it had its own smaller
//! implementation; measured in December 2026, the crate costs the studio 0.35 KB of brotli more than our own did, 355 bytes.)

use sha2::{Digest, Sha256};

/// The SHA-256 digest of `data`.
pub fn digest(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// The digest as 64 lowercase hex digits.
pub fn hex(data: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in digest(data) {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}
