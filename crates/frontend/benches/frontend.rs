//! Placeholder replaced by the frontend benchmark below.
fn main() {}
