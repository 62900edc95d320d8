//! hypernative's response interpretation on arbitrary input; see `auth_fuzz::interpret`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    auth_fuzz::interpret::<vendors::hypernative::Login>(data);
});
