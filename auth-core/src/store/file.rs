//! [`FileStore`]: a [`SessionStore`] in a directory, shared by the processes of one host.

use std::collections::HashMap;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use fs4::{FileExt, TryLockError};

use super::{
    SessionStore, StoreError, StoreFuture, StoreKey, StoredRecord, from_unix_millis, unix_millis,
    wall_now,
};

/// The first bytes of a session file, then its format version.
const MAGIC: &[u8; 4] = b"LESS";
const VERSION: u8 = 1;
/// Magic, version, generation, last use, end of TTL.
const HEADER_LEN: usize = 4 + 1 + 8 + 8 + 8;

/// Sessions kept in files of one directory: for CLIs and jobs that start a new process each
/// time, and for the processes of one host.
///
/// Each session is one file, `<key>.session`, readable and writable by its owner only (mode
/// 0600, in a directory created with mode 0700), replaced whole by writing a temporary file and
/// renaming it, so a reader sees the old value or the new one, never half of one. It holds the
/// sealed session and its generation, last use and TTL; no credential and no unsealed token.
///
/// The lease is an OS file lock (`flock` on Unix, `LockFileEx` on Windows, through the `fs4`
/// crate) on `<key>.lease`, which also holds the key's latest generation. The operating system
/// drops the lock when its holder exits or is killed, so a crashed login never blocks the next
/// one; while its holder lives, the lease is held whatever its TTL, and a waiter gives up
/// after twice [`SharedStore::with_lease_ttl`](super::SharedStore::with_lease_ttl) and logs in on its own.
/// Writes, removals and touches take a short lock on `<key>.lock`.
///
/// File operations are short local syscalls and run on the calling task.
///
/// ```no_run
/// use auth_core::store::{FileStore, SealingKey, SharedStore};
///
/// let store = FileStore::new("/var/lib/my-app/sessions")?;
/// let key = SealingKey::from_hex("2024-06", &std::env::var("SESSION_KEY").unwrap_or_default())?;
/// let shared = SharedStore::new(store, key);
/// # Ok::<(), auth_core::store::StoreError>(())
/// ```
pub struct FileStore {
    dir: PathBuf,
    /// The lease files this process holds locked, by key and owner.
    leases: Mutex<HashMap<(StoreKey, String), File>>,
}

impl FileStore {
    /// A store in `dir`, created (mode 0700) if it does not exist.
    pub fn new(dir: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let dir = dir.into();
        if !dir.is_dir() {
            create_private_dir(&dir).map_err(|e| {
                StoreError::new("the session directory could not be created").with_source(e)
            })?;
        }
        Ok(FileStore {
            dir,
            leases: Mutex::new(HashMap::new()),
        })
    }

    /// The directory the sessions are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, key: &StoreKey, extension: &str) -> PathBuf {
        self.dir.join(format!("{}.{extension}", key.as_str()))
    }

    /// Runs `f` holding the key's short lock.
    fn locked<T>(&self, key: &StoreKey, f: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
        let lock = open_private(&self.path(key, "lock"))?;
        FileExt::lock(&lock)?;
        let result = f();
        // Closing the file releases the lock too; unlocking first says so explicitly.
        let _ = FileExt::unlock(&lock);
        result
    }

    fn read_record(&self, key: &StoreKey) -> io::Result<Option<(StoredRecord, u64)>> {
        let bytes = match fs::read(self.path(key, "session")) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(error),
        };
        // A file that is not a session file counts as absent; the next write replaces it.
        Ok(parse_record(&bytes))
    }

    fn write_record(&self, key: &StoreKey, record: &StoredRecord, until: u64) -> io::Result<()> {
        let mut bytes = Vec::with_capacity(HEADER_LEN + record.sealed.len());
        bytes.extend_from_slice(MAGIC);
        bytes.push(VERSION);
        bytes.extend_from_slice(&record.generation.to_le_bytes());
        bytes.extend_from_slice(&unix_millis(record.used_at).to_le_bytes());
        bytes.extend_from_slice(&until.to_le_bytes());
        bytes.extend_from_slice(&record.sealed);
        let target = self.path(key, "session");
        let temporary = self.dir.join(format!(
            ".{}.{}-{:016x}.tmp",
            key.as_str(),
            std::process::id(),
            fastrand::u64(..)
        ));
        let written = (|| {
            let mut file = create_private(&temporary)?;
            file.write_all(&bytes)?;
            file.sync_all()?;
            fs::rename(&temporary, &target)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written
    }

    /// The latest generation handed out for `key`, as the lease file records it.
    fn latest_generation(&self, key: &StoreKey) -> io::Result<u64> {
        match File::open(self.path(key, "lease")) {
            Ok(mut file) => read_generation(&mut file),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(0),
            Err(error) => Err(error),
        }
    }
}

fn io_error(operation: &str) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |error| {
        StoreError::new(format!("the session file could not be {operation}")).with_source(error)
    }
}

/// The end of a TTL as stored: Unix milliseconds, 0 for none.
fn ttl_end(ttl: Option<Duration>) -> u64 {
    ttl.and_then(|ttl| wall_now().checked_add(ttl))
        .map_or(0, |end| unix_millis(end).max(1))
}

fn parse_record(bytes: &[u8]) -> Option<(StoredRecord, u64)> {
    let header = bytes.get(..HEADER_LEN)?;
    if &header[..4] != MAGIC || header[4] != VERSION {
        return None;
    }
    let number = |at: usize| -> Option<u64> {
        Some(u64::from_le_bytes(header.get(at..at + 8)?.try_into().ok()?))
    };
    let generation = number(5)?;
    let used_at = from_unix_millis(number(13)?);
    let until = number(21)?;
    if until != 0 && unix_millis(wall_now()) >= until {
        return None;
    }
    let record = StoredRecord {
        generation,
        sealed: bytes[HEADER_LEN..].to_vec(),
        used_at,
    };
    Some((record, until))
}

fn read_generation(file: &mut File) -> io::Result<u64> {
    let mut bytes = Vec::with_capacity(8);
    file.seek(SeekFrom::Start(0))?;
    file.read_to_end(&mut bytes)?;
    Ok(bytes
        .get(..8)
        .and_then(|bytes| bytes.try_into().ok())
        .map_or(0, u64::from_le_bytes))
}

impl SessionStore for FileStore {
    fn get<'a>(&'a self, key: &'a StoreKey) -> StoreFuture<'a, Option<StoredRecord>> {
        let result = self
            .read_record(key)
            .map(|found| found.map(|(record, _)| record))
            .map_err(io_error("read"));
        Box::pin(async move { result })
    }

    fn lease<'a>(
        &'a self,
        key: &'a StoreKey,
        owner: &'a str,
        _ttl: Duration,
    ) -> StoreFuture<'a, Option<u64>> {
        let result = (|| {
            let mut file = open_private(&self.path(key, "lease"))?;
            match FileExt::try_lock(&file) {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Ok(None),
                Err(TryLockError::Error(error)) => return Err(error),
            }
            let generation = self.locked(key, || {
                let generation = read_generation(&mut file)?.saturating_add(1);
                file.seek(SeekFrom::Start(0))?;
                file.write_all(&generation.to_le_bytes())?;
                file.sync_data()?;
                Ok(generation)
            })?;
            self.leases
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert((key.clone(), owner.to_owned()), file);
            Ok(Some(generation))
        })()
        .map_err(io_error("locked"));
        Box::pin(async move { result })
    }

    fn put<'a>(
        &'a self,
        key: &'a StoreKey,
        generation: u64,
        sealed: &'a [u8],
        used_at: SystemTime,
        ttl: Option<Duration>,
    ) -> StoreFuture<'a, bool> {
        let result = self
            .locked(key, || {
                if self.latest_generation(key)? != generation {
                    return Ok(false);
                }
                let record = StoredRecord {
                    generation,
                    sealed: sealed.to_vec(),
                    used_at,
                };
                self.write_record(key, &record, ttl_end(ttl))?;
                Ok(true)
            })
            .map_err(io_error("written"));
        Box::pin(async move { result })
    }

    fn release<'a>(&'a self, key: &'a StoreKey, owner: &'a str) -> StoreFuture<'a, ()> {
        let file = self
            .leases
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&(key.clone(), owner.to_owned()));
        let result = match file {
            Some(file) => FileExt::unlock(&file).map_err(io_error("unlocked")),
            None => Ok(()),
        };
        Box::pin(async move { result })
    }

    fn remove<'a>(&'a self, key: &'a StoreKey, generation: u64) -> StoreFuture<'a, bool> {
        let result = self
            .locked(key, || match self.read_record(key)? {
                Some((record, _)) if record.generation == generation => {
                    fs::remove_file(self.path(key, "session"))?;
                    Ok(true)
                }
                _ => Ok(false),
            })
            .map_err(io_error("removed"));
        Box::pin(async move { result })
    }

    fn touch<'a>(
        &'a self,
        key: &'a StoreKey,
        generation: u64,
        used_at: SystemTime,
        ttl: Option<Duration>,
    ) -> StoreFuture<'a, bool> {
        let result = self
            .locked(key, || match self.read_record(key)? {
                Some((mut record, _)) if record.generation == generation => {
                    if used_at > record.used_at {
                        record.used_at = used_at;
                        self.write_record(key, &record, ttl_end(ttl))?;
                    }
                    Ok(true)
                }
                _ => Ok(false),
            })
            .map_err(io_error("updated"));
        Box::pin(async move { result })
    }
}

impl fmt::Debug for FileStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FileStore")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)
}

/// Opens (creating it if needed) a file only its owner can read and write.
fn open_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    private_mode(&mut options);
    options.open(path)
}

/// Creates a new file only its owner can read and write.
fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    private_mode(&mut options);
    options.open(path)
}

#[cfg(unix)]
fn private_mode(options: &mut OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    options.mode(0o600);
}

#[cfg(not(unix))]
fn private_mode(_options: &mut OpenOptions) {}
