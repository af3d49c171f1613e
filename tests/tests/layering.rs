//! The crate layering of ARCHITECTURE.md holds: each crate depends only on
//! the pyjit crates below it, the leaves on none; and only the outer layer
//! reads the environment.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
}

/// The pyjit crates a manifest depends on (normal and build dependencies;
/// dev-dependencies may reach further, for tests).
fn pyjit_dependencies(manifest: &Path) -> (String, BTreeSet<String>) {
    let text = std::fs::read_to_string(manifest).expect("a manifest");
    let table: toml::Table = text.parse().expect("valid TOML");
    let name = table["package"]["name"]
        .as_str()
        .expect("a package name")
        .to_owned();
    let mut found = BTreeSet::new();
    for section in ["dependencies", "build-dependencies"] {
        if let Some(deps) = table.get(section).and_then(toml::Value::as_table) {
            found.extend(deps.keys().filter(|k| k.starts_with("pyjit")).cloned());
        }
    }
    (name, found)
}

#[test]
fn arrows_point_down_only() {
    // Each crate, and the pyjit crates it may use.
    let allowed: &[(&str, &[&str])] = &[
        ("pyjit-frontend", &[]),
        ("pyjit-runtime", &[]),
        ("pyjit-ir", &["pyjit-frontend"]),
        ("pyjit-passes", &["pyjit-frontend", "pyjit-ir"]),
        (
            "pyjit-codegen-c",
            &["pyjit-frontend", "pyjit-ir", "pyjit-runtime"],
        ),
        (
            "pyjit",
            &[
                "pyjit-frontend",
                "pyjit-ir",
                "pyjit-passes",
                "pyjit-runtime",
                "pyjit-codegen-c",
            ],
        ),
        ("pyjit-cli", &["pyjit"]),
        ("pyjit-tests", &["pyjit"]),
        ("pyjit-bench", &["pyjit"]),
    ];
    let workspace: toml::Table = std::fs::read_to_string(root().join("Cargo.toml"))
        .expect("the workspace manifest")
        .parse()
        .expect("valid TOML");
    let members = workspace["workspace"]["members"]
        .as_array()
        .expect("members");
    let mut seen = BTreeSet::new();
    for member in members {
        let dir = root().join(member.as_str().expect("a path"));
        let (name, deps) = pyjit_dependencies(&dir.join("Cargo.toml"));
        let (_, may) = allowed
            .iter()
            .find(|(crate_name, _)| *crate_name == name)
            .unwrap_or_else(|| {
                panic!("{name} is not in the layering table: add it here and to ARCHITECTURE.md")
            });
        let may: BTreeSet<String> = may.iter().map(|s| (*s).to_owned()).collect();
        let extra: Vec<_> = deps.difference(&may).collect();
        assert!(
            extra.is_empty(),
            "{name} depends on {extra:?}, above or beside it in the layering"
        );
        seen.insert(name);
    }
    assert_eq!(
        seen.len(),
        allowed.len(),
        "every crate of the table is a workspace member"
    );
}

#[test]
fn only_the_driver_options_read_the_environment() {
    let mut offenders = Vec::new();
    for krate in ["frontend", "ir", "passes", "runtime", "codegen-c", "driver"] {
        for path in rust_files(&root().join("crates").join(krate).join("src")) {
            if path.ends_with("driver/src/options.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            for (i, line) in text.lines().enumerate() {
                // The runtime may read PATH, and only when its caller left
                // the search path unset.
                let reads = line.contains("env::var") && !line.contains("env::var_os(\"PATH\")");
                if reads {
                    offenders.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "environment read below the command line:\n{}",
        offenders.join("\n")
    );
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}
