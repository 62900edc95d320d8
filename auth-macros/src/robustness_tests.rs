//! Property tests: the macro returns tokens or a compile error for any input, never panics.
