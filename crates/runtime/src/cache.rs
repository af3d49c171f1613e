//! The on-disk cache of compiled libraries, and loading them.
//!
//! One directory per user, created `0700` and refused if others can write to
//! it (anyone who can plant a library there runs code in every pyjit
//! process). A library's file name is a hash over everything that decides
//! its contents: the C text, the compiler's identity (which executable,
//! which build of it), the flags, the CPU (for `-march=native`) and the
//! pyjit version, so two compilers never share an entry. Files are written under a temporary name and
//! renamed, so concurrent processes see a library whole or not at all. A
//! library is loaded once per process; one that fails to load is deleted and
//! built again.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::abi::{ABI_VERSION, AbiFn, EntryFn};
use crate::compiler::Invocation;
use crate::error::Error;

/// A loaded library and its entry point. Libraries stay loaded for the life
/// of the process, so the entry pointer stays valid.
pub struct Library {
    // Kept so the code stays mapped; never read.
    _library: libloading::Library,
    entry: EntryFn,
    path: PathBuf,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Library {
    /// The `pyjit_entry` function.
    pub fn entry(&self) -> EntryFn {
        self.entry
    }

    /// Where it was loaded from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Load a library written by [`seal`], after checking its seal (a
    /// truncated or damaged file can crash the dynamic loader, so it must
    /// never reach it), then its ABI version.
    fn load(path: &Path) -> Result<Library, String> {
        let bytes = fs::read(path).map_err(|e| e.to_string())?;
        if !is_sealed(&bytes) {
            return Err("damaged: its checksum does not match".to_owned());
        }
        // SAFETY: the file is a library this process or another pyjit built
        // into a directory only this user can write; `pyjit_abi` has no
        // preconditions, and the version check guards `pyjit_entry`'s type.
        unsafe {
            let library = libloading::Library::new(path).map_err(|e| e.to_string())?;
            let abi: libloading::Symbol<'_, AbiFn> =
                library.get(b"pyjit_abi\0").map_err(|e| e.to_string())?;
            let version = abi();
            if version != ABI_VERSION {
                return Err(format!(
                    "built for ABI {version}, this pyjit speaks {ABI_VERSION}"
                ));
            }
            let entry: libloading::Symbol<'_, EntryFn> =
                library.get(b"pyjit_entry\0").map_err(|e| e.to_string())?;
            let entry = *entry;
            Ok(Library {
                _library: library,
                entry,
                path: path.to_path_buf(),
            })
        }
    }
}

/// What ends a sealed library, after the digest.
const SEAL_MAGIC: &[u8; 8] = b"PYJITSUM";
/// The bytes [`seal`] appends: a SHA-256 digest and [`SEAL_MAGIC`].
const SEAL_LEN: usize = 32 + SEAL_MAGIC.len();

/// Append to a freshly built library the SHA-256 of its contents and a
/// marker. Dynamic loaders read only the segments the ELF headers name, so
/// the trailer changes nothing for them; for [`Library::load`] it proves the
/// file is whole.
fn seal(path: &Path) -> std::io::Result<()> {
    let bytes = fs::read(path)?;
    let digest = Sha256::digest(&bytes);
    let mut file = fs::OpenOptions::new().append(true).open(path)?;
    file.write_all(&digest)?;
    file.write_all(SEAL_MAGIC)
}

fn is_sealed(bytes: &[u8]) -> bool {
    let Some(body_len) = bytes.len().checked_sub(SEAL_LEN) else {
        return false;
    };
    let (body, trailer) = bytes.split_at(body_len);
    let (digest, magic) = trailer.split_at(32);
    magic == SEAL_MAGIC && Sha256::digest(body).as_slice() == digest
}

/// What marks a file being written, in its name.
const TEMPORARY_MARK: &str = ".tmp.";

/// Libraries loaded by this process, by path.
fn loaded() -> &'static Mutex<HashMap<PathBuf, Arc<Library>>> {
    static LOADED: OnceLock<Mutex<HashMap<PathBuf, Arc<Library>>>> = OnceLock::new();
    LOADED.get_or_init(Default::default)
}

/// Where [`Cache::library`] found a library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// This process had loaded it already.
    Process,
    /// It was on disk, built earlier by this or another process.
    Disk,
    /// It was compiled now.
    Built,
}

/// A library from the cache, where it came from, and what that cost.
#[derive(Debug)]
pub struct Fetched {
    /// The loaded library.
    pub library: Arc<Library>,
    /// Where it came from.
    pub origin: Origin,
    /// Time in the C compiler (zero unless built).
    pub compile: Duration,
    /// Time loading it.
    pub load: Duration,
}

/// The cache directory.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    // A private directory removed with the cache, when none was given.
    _temporary: Option<tempfile::TempDir>,
}

/// What the cache holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CacheStats {
    /// Compiled libraries.
    pub libraries: usize,
    /// Bytes on disk, C files included.
    pub bytes: u64,
}

impl Cache {
    /// Open (creating it `0700` if needed) the cache directory `dir`.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Cache, Error> {
        let dir = dir.into();
        let fail = |reason: String| Error::Cache {
            dir: dir.clone(),
            reason,
        };
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(|e| fail(e.to_string()))?;
        let meta = fs::metadata(&dir).map_err(|e| fail(e.to_string()))?;
        if !meta.is_dir() {
            return Err(fail("it is not a directory".to_owned()));
        }
        if meta.permissions().mode() & 0o022 != 0 {
            return Err(fail(format!(
                "other users can write to it (mode {:o}); use a private directory, or `chmod 700` it",
                meta.permissions().mode() & 0o777
            )));
        }
        // Writable, and owned by this user: create a probe and compare owners.
        let probe = tempfile::Builder::new()
            .prefix(".probe")
            .tempfile_in(&dir)
            .map_err(|e| fail(format!("it is not writable: {e}")))?;
        let owner = probe
            .as_file()
            .metadata()
            .map_err(|e| fail(e.to_string()))?
            .uid();
        if owner != meta.uid() {
            return Err(fail("it belongs to another user".to_owned()));
        }
        Ok(Cache {
            dir,
            _temporary: None,
        })
    }

    /// A private cache in a new temporary directory, removed with the cache.
    pub fn temporary() -> Result<Cache, Error> {
        let temporary = tempfile::Builder::new()
            .prefix("pyjit-")
            .tempdir()
            .map_err(|e| Error::Cache {
                dir: std::env::temp_dir(),
                reason: e.to_string(),
            })?;
        Ok(Cache {
            dir: temporary.path().to_path_buf(),
            _temporary: Some(temporary),
        })
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cache key of a library: a hash of everything that decides it.
    pub fn key(c_text: &str, invocation: &Invocation, pyjit_version: &str) -> String {
        let mut hash = Sha256::new();
        for part in [
            c_text.as_bytes(),
            invocation.compiler.path.as_os_str().as_encoded_bytes(),
            invocation.compiler.identity.as_bytes(),
            invocation.flags.join(" ").as_bytes(),
            cpu_identity().as_bytes(),
            pyjit_version.as_bytes(),
            &ABI_VERSION.to_le_bytes(),
        ] {
            hash.update((part.len() as u64).to_le_bytes());
            hash.update(part);
        }
        let digest = hash.finalize();
        digest[..16].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The library for `key`: loaded by this process already, loaded from
    /// disk, or built from `c_text` now.
    pub fn library(
        &self,
        key: &str,
        c_text: &str,
        invocation: &Invocation,
    ) -> Result<Fetched, Error> {
        let path = self.dir.join(format!("{key}.so"));
        if let Some(library) = loaded().lock().expect("no panics while locked").get(&path) {
            return Ok(Fetched {
                library: library.clone(),
                origin: Origin::Process,
                compile: Duration::ZERO,
                load: Duration::ZERO,
            });
        }
        if path.exists() {
            let start = Instant::now();
            match Library::load(&path) {
                Ok(library) => {
                    return Ok(Fetched {
                        library: self.register(path, library),
                        origin: Origin::Disk,
                        compile: Duration::ZERO,
                        load: start.elapsed(),
                    });
                }
                // Corrupt, truncated, or from another pyjit: build it again.
                Err(reason) => {
                    tracing::debug!(path = %path.display(), %reason, "rebuilding a library that does not load");
                    let _ = fs::remove_file(&path);
                }
            }
        }
        let start = Instant::now();
        // The C file is kept only when it fails to compile, for the error
        // message to point at.
        let c_file = self.dir.join(format!("{key}.c"));
        let c_temporary = self.temporary_name(&c_file);
        self.write_new(&c_temporary, c_text.as_bytes())?;
        let temporary = self.temporary_name(&path);
        let built = invocation.compile(&c_temporary, &temporary);
        if let Err(error) = built {
            let _ = fs::remove_file(&temporary);
            let kept = fs::rename(&c_temporary, &c_file).is_ok();
            return Err(match error {
                Error::CCompile {
                    compiler, message, ..
                } if kept => Error::CCompile {
                    compiler,
                    message,
                    c_file,
                },
                other => other,
            });
        }
        let _ = fs::remove_file(&c_temporary);
        seal(&temporary).map_err(|e| self.failure(e))?;
        fs::rename(&temporary, &path).map_err(|e| self.failure(e))?;
        let compile = start.elapsed();
        let start = Instant::now();
        let library = Library::load(&path).map_err(|reason| Error::Load {
            path: path.clone(),
            reason,
        })?;
        Ok(Fetched {
            library: self.register(path, library),
            origin: Origin::Built,
            compile,
            load: start.elapsed(),
        })
    }

    fn register(&self, path: PathBuf, library: Library) -> Arc<Library> {
        let mut loaded = loaded().lock().expect("no panics while locked");
        loaded
            .entry(path)
            .or_insert_with(|| Arc::new(library))
            .clone()
    }

    /// A name in the cache directory no other thread or process uses, with
    /// the target's extension (compilers choose the language by it).
    fn temporary_name(&self, target: &Path) -> PathBuf {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let stem = target
            .file_stem()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let extension = target
            .extension()
            .map_or_else(String::new, |e| e.to_string_lossy().into_owned());
        self.dir.join(format!(
            ".{stem}.{}.{n}{TEMPORARY_MARK}{extension}",
            std::process::id()
        ))
    }

    fn write_new(&self, path: &Path, bytes: &[u8]) -> Result<(), Error> {
        let mut file = fs::File::create(path).map_err(|e| self.failure(e))?;
        file.write_all(bytes).map_err(|e| self.failure(e))
    }

    fn failure(&self, error: std::io::Error) -> Error {
        Error::Cache {
            dir: self.dir.clone(),
            reason: error.to_string(),
        }
    }

    /// What the cache holds.
    pub fn stats(&self) -> Result<CacheStats, Error> {
        let mut stats = CacheStats {
            libraries: 0,
            bytes: 0,
        };
        for entry in self.entries()? {
            let meta = entry.metadata().map_err(|e| self.failure(e))?;
            stats.bytes += meta.len();
            if entry.path().extension().is_some_and(|e| e == "so") {
                stats.libraries += 1;
            }
        }
        Ok(stats)
    }

    /// Remove every library and C file; returns how many libraries went.
    pub fn clear(&self) -> Result<usize, Error> {
        let mut removed = 0;
        for entry in self.entries()? {
            let path = entry.path();
            let is_library = path.extension().is_some_and(|e| e == "so");
            fs::remove_file(&path).map_err(|e| self.failure(e))?;
            removed += usize::from(is_library);
        }
        Ok(removed)
    }

    fn entries(&self) -> Result<Vec<fs::DirEntry>, Error> {
        let read = fs::read_dir(&self.dir).map_err(|e| self.failure(e))?;
        Ok(read
            .filter_map(Result::ok)
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.ends_with(".so") || name.ends_with(".c") || name.contains(TEMPORARY_MARK)
            })
            .collect())
    }
}

/// The CPU, for libraries built with `-march=native`: model and feature
/// flags from `/proc/cpuinfo`, or the architecture alone.
fn cpu_identity() -> &'static str {
    static IDENTITY: OnceLock<String> = OnceLock::new();
    IDENTITY.get_or_init(|| {
        let info = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let pick = |key: &str| {
            info.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_once(':'))
                .map_or("", |(_, v)| v.trim())
                .to_owned()
        };
        format!(
            "{} {} {}",
            std::env::consts::ARCH,
            pick("model name"),
            pick("flags")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::{Discovery, Profile, Toolchain};

    fn invocation() -> Invocation {
        Toolchain::discover(&Discovery::default())
            .expect("a C compiler")
            .invocation(Profile::Fast)
    }

    #[test]
    fn c_that_does_not_compile_names_the_compiler_its_message_and_the_kept_file() {
        let cache = Cache::temporary().expect("a temporary cache");
        let invocation = invocation();
        let text = "int pyjit_abi(void) { return undeclared_name; }\n";
        let key = Cache::key(text, &invocation, "test");
        let error = cache
            .library(&key, text, &invocation)
            .expect_err("the C is wrong");
        let Error::CCompile {
            compiler,
            message,
            c_file,
        } = &error
        else {
            panic!("expected a compile error, got {error:?}");
        };
        assert_eq!(compiler, &invocation.compiler.path.display().to_string());
        assert!(message.contains("undeclared_name"), "{message}");
        assert_eq!(
            fs::read_to_string(c_file).expect("the C file is kept"),
            text
        );
        let shown = error.to_string();
        assert!(shown.contains(&c_file.display().to_string()), "{shown}");
        // No library, and no temporary file, is left behind.
        let names: Vec<_> = fs::read_dir(cache.dir())
            .expect("the cache")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert!(names.iter().all(|n| n.ends_with(".c")), "{names:?}");
    }

    #[test]
    fn a_sealed_library_is_checked_before_loading() {
        let cache = Cache::temporary().expect("a temporary cache");
        let invocation = invocation();
        let text = format!(
            "int pyjit_abi(void) {{ return {ABI_VERSION}; }}\n\
             int pyjit_entry(void *rt, const void *args, void *ret) {{ return 0; }}\n"
        );
        let key = Cache::key(&text, &invocation, "test");
        let built = cache.library(&key, &text, &invocation).expect("builds");
        assert_eq!(built.origin, Origin::Built);
        let bytes = fs::read(built.library.path()).expect("readable");
        assert!(is_sealed(&bytes));
        let mut damaged = bytes.clone();
        damaged[bytes.len() / 2] ^= 1;
        assert!(!is_sealed(&damaged), "a flipped bit breaks the seal");
        assert!(
            !is_sealed(&bytes[..bytes.len() - 1]),
            "so does a missing byte"
        );
    }
}
