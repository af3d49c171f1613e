//! The on-disk cache inside one process: concurrent compilation of one
//! function, compilers that must not share entries, and directories that
//! cannot be used. (Corruption and concurrent processes need fresh
//! processes; `crates/cli/tests/cache_processes.rs` tests them through the
//! `pyjit` command.)

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};

use pyjit::{Arg, CacheLocation, Discovery, Error, Jit, Options, Origin, ToolchainError, Value};
use pyjit_tests::{in_ci, on_path};

const SOURCE: &str = "\
def weighted(a, w):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * w
    return s
";

fn jit_in(dir: &Path, compiler: Option<&str>) -> Jit {
    Jit::new(Options {
        cache: CacheLocation::Directory(dir.to_path_buf()),
        compilers: Discovery {
            explicit: compiler.map(PathBuf::from),
            ..Discovery::default()
        },
        ..Options::default()
    })
    .expect("a usable cache directory")
}

fn libraries(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the cache directory")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "so"))
        .collect();
    found.sort();
    found
}

#[test]
fn eight_threads_compiling_one_function_all_succeed() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let cache = dir.path().join("cache");
    let barrier = Arc::new(Barrier::new(8));
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let (cache, barrier) = (cache.clone(), barrier.clone());
            std::thread::spawn(move || {
                // Each thread has its own Jit, as separate users of the
                // crate in one process would.
                let jit = jit_in(&cache, None);
                let module = jit
                    .load_source("weighted.py", SOURCE)
                    .expect("valid source");
                let function = module.function("weighted").expect("defined");
                let data = [1.0, 2.0, 3.5];
                barrier.wait();
                function.call(&[Arg::array(&data), Arg::Float(f64::from(t))])
            })
        })
        .collect();
    for (t, thread) in threads.into_iter().enumerate() {
        let result = thread.join().expect("no panic").expect("compiled and ran");
        assert_eq!(result, Value::Float(6.5 * t as f64));
    }
    assert_eq!(libraries(&cache).len(), 1, "one function, one library");
    let leftovers: Vec<_> = std::fs::read_dir(&cache)
        .expect("the cache")
        .map(|e| e.expect("an entry").file_name())
        .filter(|n| n.to_string_lossy().contains(".tmp."))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files left behind: {leftovers:?}"
    );
}

#[test]
fn one_jit_shared_by_threads_compiles_each_specialization_once() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let jit = jit_in(dir.path(), None);
    let module = jit
        .load_source("weighted.py", SOURCE)
        .expect("valid source");
    let function = module.function("weighted").expect("defined");
    std::thread::scope(|scope| {
        for _ in 0..8 {
            scope.spawn(|| {
                let ints = [1i64, 2, 3];
                let result = function.call(&[Arg::array(&ints), Arg::Int(2)]);
                assert_eq!(result.expect("runs"), Value::Float(12.0));
            });
        }
    });
    assert_eq!(libraries(dir.path()).len(), 1);
    let stats = jit.stats();
    assert_eq!(
        stats.fast_compilations + stats.optimized_compilations,
        1,
        "the other threads waited for the first"
    );
}

#[test]
fn a_second_jit_loads_the_library_without_compiling() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let first = jit_in(dir.path(), None);
    let module = first
        .load_source("weighted.py", SOURCE)
        .expect("valid source");
    let compiled = module
        .function("weighted")
        .and_then(|f| f.compile_signature("float64(float64[:], float64)"))
        .expect("compiles");
    assert_eq!(compiled.origin(), Origin::Built);
    let second = jit_in(dir.path(), None);
    let module = second
        .load_source("weighted.py", SOURCE)
        .expect("valid source");
    let again = module
        .function("weighted")
        .and_then(|f| f.compile_signature("float64(float64[:], float64)"))
        .expect("compiles");
    assert_eq!(
        again.origin(),
        Origin::Process,
        "this process loaded it already"
    );
    assert_eq!(again.library_path(), compiled.library_path());
}

#[test]
fn two_compilers_never_share_an_entry() {
    if !on_path("tcc") {
        assert!(!in_ci(), "CI installs tcc");
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut paths = Vec::new();
    for compiler in ["tcc", "cc"] {
        let jit = jit_in(dir.path(), Some(compiler));
        let module = jit
            .load_source("weighted.py", SOURCE)
            .expect("valid source");
        let compiled = module
            .function("weighted")
            .and_then(|f| f.compile_signature("float64(float64[:], float64)"))
            .expect("compiles");
        assert_eq!(
            compiled.origin(),
            Origin::Built,
            "{compiler} found another compiler's library"
        );
        let data = [0.5, 0.25];
        assert_eq!(
            compiled
                .call(&[Arg::array(&data), Arg::Float(4.0)])
                .expect("runs"),
            Value::Float(3.0)
        );
        paths.push(compiled.library_path().to_path_buf());
    }
    assert_ne!(paths[0], paths[1]);
    assert_eq!(libraries(dir.path()).len(), 2);
}

fn cache_error(dir: &Path) -> String {
    match jit_in_result(dir) {
        Err(Error::Toolchain(error @ ToolchainError::Cache { .. })) => error.to_string(),
        other => panic!(
            "expected a cache error for {}, got {other:?}",
            dir.display()
        ),
    }
}

fn jit_in_result(dir: &Path) -> Result<Jit, Error> {
    Jit::new(Options {
        cache: CacheLocation::Directory(dir.to_path_buf()),
        ..Options::default()
    })
}

#[test]
fn an_unusable_cache_directory_is_a_clear_error() {
    // Not creatable, even by root.
    let message = cache_error(Path::new("/proc/self/pyjit-cache"));
    assert!(
        message.starts_with("cannot use the cache directory /proc/self/pyjit-cache: "),
        "{message}"
    );

    // A file where the directory should be.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("file");
    std::fs::write(&file, "x").expect("writable");
    assert!(cache_error(&file).contains("cannot use the cache directory"));

    // Writable by others: anyone could plant a library there.
    let open = dir.path().join("open");
    std::fs::create_dir(&open).expect("a directory");
    std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let message = cache_error(&open);
    assert!(
        message.contains("other users can write to it (mode 777)"),
        "{message}"
    );
}

#[test]
fn a_new_cache_directory_is_private() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let cache = dir.path().join("a").join("b");
    jit_in(&cache, None);
    let mode = std::fs::metadata(&cache)
        .expect("created")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o700);
}
