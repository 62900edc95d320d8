//! What happens after a login: the session cache, retries, refresh endpoints, authorized API
//! calls, and sessions shared through stores and between processes.
//!
//! Each module is one of these test files, gathered into one binary so that the
//! dependencies' generic code is compiled and linked once rather than once per file.

// The servers and fixtures more than one of them uses.
mod directus;
mod redis_server;
mod scratch_dir;
mod scripted_server;

#[path = "authorized_calls.rs"]
mod authorized_calls;
#[path = "refresh.rs"]
mod refresh;
#[path = "retries.rs"]
mod retries;
#[path = "session_cache.rs"]
mod session_cache;
#[path = "shared_processes.rs"]
mod shared_processes;
#[path = "shared_store.rs"]
mod shared_store;
