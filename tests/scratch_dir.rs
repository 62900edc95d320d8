//! A directory of its own under the system's temporary directory, removed when dropped.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The directory; removed with everything in it when dropped.
pub struct ScratchDir(PathBuf);

impl ScratchDir {
    /// A new, not yet created, directory whose name starts with `name`.
    pub fn new(name: &str) -> ScratchDir {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        ScratchDir(std::env::temp_dir().join(format!(
            "login-endpoint-{name}-{}-{nanos:x}",
            std::process::id()
        )))
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// The worker's `--store` argument for a file store in it.
    pub fn store(&self) -> String {
        format!("file:{}", self.0.display())
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
