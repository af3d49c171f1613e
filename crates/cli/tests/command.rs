//! The `pyjit` command's contract (DESIGN.md, "The command line"): what it
//! prints, where, and its exit status; and the cache across processes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KERNELS: &str = "\
import math


def mean(a):
    s = 0.0
    for x in a:
        s += x
    return s / len(a)


def ratio(a, b):
    return a / b


def grid(n, m):
    out = [0] * (n * m)
    for i in range(n * m):
        out[i] = i * i
    return out


def talk(n):
    for i in range(n):
        print(\"step\", i, i / 4)


def tiny():
    return 1e-7, 0.1
";

/// A scratch directory with `kernels.py` and a private cache.
struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("a temporary directory");
        std::fs::write(dir.path().join("kernels.py"), KERNELS).expect("writable");
        Scratch { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cache(&self) -> PathBuf {
        self.path("cache")
    }

    fn pyjit(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_pyjit"))
            .args(args)
            .current_dir(self.dir.path())
            .env("PYJIT_CACHE_DIR", self.cache())
            .output()
            .expect("the pyjit binary runs")
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8")
}

#[track_caller]
fn assert_runs(output: &Output, expected_stdout: &str) {
    assert_eq!(
        (output.status.code(), stdout(output).as_str()),
        (Some(0), expected_stdout),
        "stderr: {}",
        stderr(output)
    );
}

#[test]
fn run_prints_the_repr_cpython_prints() {
    let s = Scratch::new();
    assert_runs(
        &s.pyjit(&["run", "kernels.py", "mean", "[1, 2, 4]"]),
        "2.3333333333333335\n",
    );
    assert_runs(
        &s.pyjit(&["run", "kernels.py", "mean", "[0.1, 0.2]"]),
        "0.15000000000000002\n",
    );
    assert_runs(
        &s.pyjit(&["run", "kernels.py", "ratio", "1e16", "1"]),
        "1e+16\n",
    );
    assert_runs(
        &s.pyjit(&["run", "kernels.py", "ratio", "-0.0", "3"]),
        "-0.0\n",
    );
    assert_runs(
        &s.pyjit(&["run", "kernels.py", "ratio", "inf", "-2"]),
        "-inf\n",
    );
    assert_runs(
        &s.pyjit(&["run", "kernels.py", "ratio", "nan", "1"]),
        "nan\n",
    );
    assert_runs(
        &s.pyjit(&["run", "kernels.py", "grid", "2", "2"]),
        "[0, 1, 4, 9]\n",
    );
}

#[test]
fn print_goes_to_stdout_before_the_result() {
    let s = Scratch::new();
    assert_runs(
        &s.pyjit(&["run", "kernels.py", "talk", "3"]),
        "step 0 0.0\nstep 1 0.25\nstep 2 0.5\nNone\n",
    );
}

#[test]
fn a_python_exception_prints_type_and_message_and_exits_1() {
    let s = Scratch::new();
    let output = s.pyjit(&["run", "kernels.py", "ratio", "1", "0"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output).lines().last(),
        Some("ZeroDivisionError: division by zero")
    );
    let output = s.pyjit(&["run", "kernels.py", "mean", "[]"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).lines().last(),
        Some("ZeroDivisionError: float division by zero")
    );
}

#[test]
fn a_compile_error_prints_the_diagnostic_and_exits_2() {
    let s = Scratch::new();
    let output = s.pyjit(&["run", "kernels.py", "tiny"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(text.contains("kernels.py:"), "{text}");
    assert!(
        text.contains("return 1e-7, 0.1"),
        "the diagnostic quotes the source: {text}"
    );

    let output = s.pyjit(&["run", "kernels.py", "missing"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing"), "{}", stderr(&output));
}

#[test]
fn bad_arguments_are_errors_with_exit_2() {
    let s = Scratch::new();
    for args in [
        vec!["run", "kernels.py", "ratio", "1", "'x'"],
        vec!["run", "kernels.py", "ratio", "1"],
        vec!["run", "kernels.py", "mean", "[[1], [2, 3]]"],
        vec!["run", "kernels.py", "ratio", "1", "99999999999999999999"],
        vec!["run", "no-such-file.py", "f"],
    ] {
        let output = s.pyjit(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).starts_with("error"),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn stats_name_the_tier_every_phase_and_the_cache() {
    let s = Scratch::new();
    let first = s.pyjit(&["run", "--stats", "kernels.py", "mean", "[1.5]"]);
    assert_runs(&first, "1.5\n");
    let text = stderr(&first);
    for phase in [
        // A loop: the default tier, auto, chooses the optimizing tier.
        "tier: optimized, auto: complexity 13 (1 loops, 1 calls, 2 binary operations, 4 statements)",
        "parse:",
        "check:",
        "codegen:",
        "c compile:",
        "load:",
        "run:",
    ] {
        assert!(text.contains(phase), "no `{phase}` in {text}");
    }
    assert!(text.contains("cache: miss"), "{text}");
    assert!(
        text.contains("compilations: 0 fast, 1 optimized, 0 from the cache"),
        "{text}"
    );
    let second = s.pyjit(&["run", "--stats", "kernels.py", "mean", "[2.5]"]);
    assert_runs(&second, "2.5\n");
    assert!(
        stderr(&second).contains("cache: hit"),
        "{}",
        stderr(&second)
    );
}

#[test]
fn emit_check_and_cache_commands() {
    let s = Scratch::new();
    let c = s.pyjit(&[
        "emit",
        "c",
        "kernels.py",
        "mean",
        "--sig",
        "float64(float64[:])",
    ]);
    assert_eq!(c.status.code(), Some(0), "{}", stderr(&c));
    assert!(stdout(&c).contains("int pyjit_entry("));
    assert!(
        !stdout(&c).contains("#include"),
        "the generated C includes no system headers"
    );

    let ast = s.pyjit(&["emit", "ast", "kernels.py", "ratio", "1", "2.5"]);
    assert_eq!(ast.status.code(), Some(0), "{}", stderr(&ast));
    assert!(
        stdout(&ast).contains("def ratio#0(a: int64, b: float64) -> float64"),
        "{}",
        stdout(&ast)
    );

    let check = s.pyjit(&[
        "check",
        "kernels.py",
        "mean",
        "--sig",
        "float64(float64[:])",
    ]);
    assert_runs(&check, "ok: mean(float64[:]) -> float64\n");

    assert_runs(&s.pyjit(&["run", "kernels.py", "mean", "[1.0]"]), "1.0\n");
    let dir = s.pyjit(&["cache", "dir"]);
    assert_runs(&dir, &format!("{}\n", s.cache().display()));
    let stats = s.pyjit(&["cache", "stats"]);
    assert!(
        stdout(&stats).contains(": 1 libraries"),
        "{}",
        stdout(&stats)
    );
    let clear = s.pyjit(&["cache", "clear"]);
    assert!(
        stdout(&clear).starts_with("removed 1 libraries"),
        "{}",
        stdout(&clear)
    );
    assert!(stdout(&s.pyjit(&["cache", "stats"])).contains(": 0 libraries"));
}

fn the_library(cache: &Path) -> PathBuf {
    let libraries: Vec<PathBuf> = std::fs::read_dir(cache)
        .expect("the cache exists")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "so"))
        .collect();
    assert_eq!(libraries.len(), 1, "{libraries:?}");
    libraries[0].clone()
}

#[test]
fn a_corrupted_or_truncated_library_is_rebuilt() {
    let s = Scratch::new();
    let run = || s.pyjit(&["run", "--stats", "kernels.py", "mean", "[1.0, 2.0]"]);
    assert_runs(&run(), "1.5\n");
    let library = the_library(&s.cache());
    let whole = std::fs::read(&library).expect("readable");

    std::fs::write(&library, &whole[..whole.len() / 2]).expect("writable");
    let output = run();
    assert_runs(&output, "1.5\n");
    assert!(
        stderr(&output).contains("cache: miss"),
        "{}",
        stderr(&output)
    );

    std::fs::write(&library, b"not a shared library").expect("writable");
    let output = run();
    assert_runs(&output, "1.5\n");
    assert!(
        stderr(&output).contains("cache: miss"),
        "{}",
        stderr(&output)
    );

    std::fs::write(&library, b"").expect("writable");
    assert_runs(&run(), "1.5\n");
    let output = run();
    assert!(
        stderr(&output).contains("cache: hit"),
        "rebuilt for good: {}",
        stderr(&output)
    );
}

#[test]
fn four_processes_compiling_one_function_all_succeed() {
    let s = Scratch::new();
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_pyjit"))
                .args(["run", "kernels.py", "grid", "3", "1"])
                .current_dir(s.dir.path())
                .env("PYJIT_CACHE_DIR", s.cache())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("the pyjit binary runs")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("finishes");
        assert_runs(&output, "[0, 1, 4]\n");
    }
    the_library(&s.cache());
    let names: Vec<String> = std::fs::read_dir(s.cache())
        .expect("the cache")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert!(
        names.iter().all(|n| !n.contains(".tmp.")),
        "temporary files left: {names:?}"
    );
}

#[test]
fn an_unwritable_cache_is_an_error_that_says_what_to_do() {
    let s = Scratch::new();
    let output = Command::new(env!("CARGO_BIN_EXE_pyjit"))
        .args(["run", "kernels.py", "ratio", "1", "2"])
        .current_dir(s.dir.path())
        .env("PYJIT_CACHE_DIR", "/proc/self/pyjit-cache")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.starts_with("error: cannot use the cache directory /proc/self/pyjit-cache"),
        "{text}"
    );
    assert!(text.contains("--no-cache"), "{text}");
    let output = Command::new(env!("CARGO_BIN_EXE_pyjit"))
        .args(["run", "--no-cache", "kernels.py", "ratio", "1", "2"])
        .current_dir(s.dir.path())
        .env("PYJIT_CACHE_DIR", "/proc/self/pyjit-cache")
        .output()
        .expect("runs");
    assert_runs(&output, "0.5\n");
}

#[test]
fn a_missing_compiler_is_named() {
    let s = Scratch::new();
    let output = Command::new(env!("CARGO_BIN_EXE_pyjit"))
        .args(["run", "--no-cache", "kernels.py", "ratio", "1", "2"])
        .current_dir(s.dir.path())
        .env("PYJIT_CC", "/nonexistent/cc")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("/nonexistent/cc"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn auto_is_the_default_and_small_functions_take_the_fast_tier() {
    let s = Scratch::new();
    for tier in [&[][..], &["--tier", "auto"]] {
        let output = s.pyjit(
            &[
                &["run", "--stats"][..],
                tier,
                &["kernels.py", "ratio", "1", "4"],
            ]
            .concat(),
        );
        assert_runs(&output, "0.25\n");
        assert!(
            stderr(&output).contains("tier: fast, auto: complexity 2 "),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn the_optimizing_tier_runs_and_raises_like_the_fast_tier() {
    let s = Scratch::new();
    for args in [
        &["mean", "[1, 2, 4]"][..],
        &["grid", "2", "2"],
        &["talk", "2"],
        &["ratio", "1e16", "1"],
    ] {
        let fast = s.pyjit(&[&["run", "kernels.py"][..], args].concat());
        let optimized =
            s.pyjit(&[&["run", "--tier", "optimized", "kernels.py"][..], args].concat());
        assert_runs(&optimized, &stdout(&fast));
    }
    let output = s.pyjit(&["run", "--tier", "optimized", "kernels.py", "mean", "[]"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output).lines().last(),
        Some("ZeroDivisionError: float division by zero")
    );
    let output = s.pyjit(&[
        "run",
        "--tier",
        "optimized",
        "--stats",
        "kernels.py",
        "mean",
        "[1.0]",
    ]);
    let err = stderr(&output);
    for line in [
        "tier: optimized",
        "ir: ",
        "passes: ",
        "  type-inference: ",
        "  phi-elimination: ",
    ] {
        assert!(err.contains(line), "--stats lacks {line:?}:\n{err}");
    }
}

#[test]
fn emit_shows_the_ir_before_and_after_the_passes() {
    let s = Scratch::new();
    let built = stdout(&s.pyjit(&["emit", "ir", "kernels.py", "mean", "[1.0]"]));
    assert!(built.starts_with("fn f0 mean(v0: float64[:]) -> float64 {\n"));
    assert!(built.contains(" = phi ") && built.contains(": unknown"));
    let optimized = stdout(&s.pyjit(&["emit", "ir-opt", "kernels.py", "mean", "[1.0]"]));
    assert!(optimized.starts_with("fn f0 mean(v0: float64[:]) -> float64 {\n"));
    assert!(!optimized.contains(" = phi ") && !optimized.contains("unknown"));
    assert!(optimized.contains(" = copy "));

    let list = stdout(&s.pyjit(&["emit", "ir-opt", "--passes", "list", "kernels.py", "mean"]));
    let names: Vec<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let pipeline: Vec<&str> = pyjit::passes::PIPELINE.iter().map(|p| p.name).collect();
    assert_eq!(names, pipeline);
    assert_eq!(names.first(), Some(&"type-inference"));
    // The summaries start in one column, past the longest name.
    let columns: Vec<usize> = list
        .lines()
        .map(|l| l.len() - l[l.find(' ').expect("a summary")..].trim_start().len())
        .collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{list}");

    let chosen = s.pyjit(&[
        "emit",
        "ir-opt",
        "--passes",
        "type-inference",
        "kernels.py",
        "mean",
        "[1.0]",
    ]);
    assert!(stdout(&chosen).contains(" = phi ") && !stdout(&chosen).contains("unknown"));

    let all = stdout(&s.pyjit(&[
        "emit",
        "ir-opt",
        "--print-after-all",
        "kernels.py",
        "mean",
        "[1.0]",
    ]));
    let headers: Vec<&str> = all.lines().filter(|l| l.starts_with(";;")).collect();
    let expected: Vec<String> = std::iter::once(";; built".to_owned())
        .chain(pipeline.iter().map(|name| format!(";; after {name}")))
        .collect();
    assert_eq!(headers, expected);

    let wrong = s.pyjit(&[
        "emit",
        "ir-opt",
        "--passes",
        "dce",
        "kernels.py",
        "mean",
        "[1.0]",
    ]);
    assert_eq!(wrong.status.code(), Some(2));
    assert_eq!(
        stderr(&wrong).trim(),
        "error: pass `dce` needs `type-inference` to run before it"
    );
    let unknown = s.pyjit(&[
        "emit",
        "ir-opt",
        "--passes",
        "unroll",
        "kernels.py",
        "mean",
        "[1.0]",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("no pass is called `unroll`"));

    let c = stdout(&s.pyjit(&[
        "emit",
        "c",
        "--tier",
        "optimized",
        "kernels.py",
        "mean",
        "[1.0]",
    ]));
    assert!(c.contains("(optimizing tier)") && c.contains("bb0:"));

    let misplaced = s.pyjit(&[
        "emit",
        "c",
        "--passes",
        "dce",
        "kernels.py",
        "mean",
        "[1.0]",
    ]);
    assert_eq!(misplaced.status.code(), Some(2));
    assert_eq!(
        stderr(&misplaced).trim(),
        "error: `--passes` and `--print-after-all` apply to `emit ir-opt`"
    );
    let misplaced = s.pyjit(&[
        "emit",
        "ir",
        "--tier",
        "fast",
        "kernels.py",
        "mean",
        "[1.0]",
    ]);
    assert_eq!(misplaced.status.code(), Some(2));
    assert!(stderr(&misplaced).contains("`--tier` applies to `emit c`"));
}
