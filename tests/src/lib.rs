//! pyjit's end-to-end tests: the program corpus and the harness that runs
//! it, the seed examples, the cache under concurrency and corruption, the
//! command line, and the crate layering.
//!
//! The corpus (`tests/programs/*.py`) is plain Python. Each program lists
//! the calls it is tested with, in comments whose expectations were
//! recorded from CPython by `tests/derive.py` (which documents the format):
//!
//! ```text
//! # run: f(3, [1.0, 2.0]) -> 4.5
//! # out: what the call printed
//! # after: 3, [1.0, 5.0]
//! # run: f(0, []) -> raises ZeroDivisionError: division by zero (line 7)
//! ```
//!
//! This library parses those lines and runs a case through the `pyjit`
//! API; the tests in `tests/tests/` drive it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use pyjit::literal::{Literal, OwnedArg};
use pyjit::{Error, Module, Type};

pub mod agree;
pub mod generate;

/// One `# run:` line and the `# out:` / `# after:` lines under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    /// The program.
    pub file: PathBuf,
    /// The 1-based line of the `# run:` comment.
    pub line: usize,
    /// The function called.
    pub func: String,
    /// The arguments, as Python literal text.
    pub args: Vec<String>,
    /// The result.
    pub expect: Expect,
    /// What the call prints, line by line.
    pub stdout: Vec<String>,
    /// Every argument after the call, when the call changes an array.
    pub after: Option<String>,
    /// The LANGUAGE.md deviation this case shows, whose expectation is
    /// pyjit's rather than CPython's.
    pub deviation: Option<u32>,
}

/// What a call gives.
#[derive(Clone, Debug, PartialEq)]
pub enum Expect {
    /// `repr()` of the result as `pyjit run` prints it.
    Value(String),
    /// A Python exception.
    Raises {
        /// The exception type's name.
        kind: String,
        /// The message, when CPython gives one.
        message: String,
        /// Where CPython raised it, when inside the program.
        line: Option<u32>,
    },
}

/// The programs of the corpus, sorted.
pub fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("programs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    files
}

/// The cases of one program.
pub fn cases(file: &Path) -> Result<Vec<Case>, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let lines: Vec<&str> = text.lines().collect();
    let mut cases: Vec<Case> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let at = |message: String| format!("{}:{}: {message}", file.display(), i + 1);
        if let Some(out) = line.strip_prefix("# out:") {
            let case = cases
                .last_mut()
                .filter(|c| c.line + c.stdout.len() + 1 == i + 1);
            let case = case.ok_or_else(|| at("`# out:` must follow a `# run:` line".into()))?;
            case.stdout
                .push(out.strip_prefix(' ').unwrap_or(out).to_owned());
        } else if let Some(after) = line.strip_prefix("# after: ") {
            let case = cases
                .last_mut()
                .ok_or_else(|| at("`# after:` without a case".into()))?;
            case.after = Some(after.to_owned());
        } else if line.starts_with("# run") {
            cases.push(parse_run(file, i + 1, line).map_err(at)?);
        }
    }
    Ok(cases)
}

fn parse_run(file: &Path, line: usize, text: &str) -> Result<Case, String> {
    let rest = text.strip_prefix("# run").expect("checked by the caller");
    let (deviation, rest) = match rest.strip_prefix(" (deviation ") {
        Some(r) => {
            let (n, r) = r
                .split_once("):")
                .ok_or("expected `# run (deviation N): ...`")?;
            (
                Some(
                    n.parse()
                        .map_err(|_| format!("`{n}` is not a deviation number"))?,
                ),
                r,
            )
        }
        None => (
            None,
            rest.strip_prefix(':')
                .ok_or("expected `# run: f(args) -> result`")?,
        ),
    };
    let (call, expect) = rest
        .split_once(" -> ")
        .ok_or("expected ` -> ` after the call")?;
    let call = call.trim();
    let open = call.find('(').ok_or("expected `f(args)`")?;
    let func = call[..open].to_owned();
    let args = call[open + 1..]
        .strip_suffix(')')
        .ok_or("expected `)` closing the call")?;
    let expect = match expect.strip_prefix("raises ") {
        Some(raised) => parse_raises(raised),
        None => Expect::Value(expect.to_owned()),
    };
    Ok(Case {
        file: file.to_path_buf(),
        line,
        func,
        args: split_args(args),
        expect,
        stdout: Vec::new(),
        after: None,
        deviation,
    })
}

pub(crate) fn parse_raises(text: &str) -> Expect {
    let (text, line) = match text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once(" (line "))
    {
        Some((rest, n)) if n.parse::<u32>().is_ok() => (rest, n.parse().ok()),
        _ => (text, None),
    };
    let (kind, message) = text.split_once(": ").unwrap_or((text, ""));
    Expect::Raises {
        kind: kind.to_owned(),
        message: message.to_owned(),
        line,
    }
}

/// Split `1, [2, 3], -4.0` at the commas outside brackets.
pub fn split_args(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(text[start..i].trim().to_owned());
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        parts.push(last.to_owned());
    }
    parts
}

/// What a call did, in the corpus's terms.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The result or the exception.
    pub expect: Expect,
    /// The printed lines.
    pub stdout: Vec<String>,
    /// The arguments after the call, when an array changed.
    pub after: Option<String>,
}

/// Compile and run one case in `module`. A compile error, or an argument
/// the API refuses, is an `Err` describing it.
pub fn run(module: &Module, case: &Case) -> Result<Outcome, String> {
    let literals = case
        .args
        .iter()
        .map(|a| Literal::parse(a))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("bad argument: {e}"))?;
    let types = literals
        .iter()
        .map(Literal::ty)
        .collect::<Result<Vec<Type>, _>>()?;
    let function = module.function(&case.func).map_err(|e| e.to_string())?;
    let compiled = function
        .compile(pyjit::SignatureSource::Arguments(&types))
        .map_err(|e| format!("does not compile:\n{e}"))?;
    let mut storage = literals
        .iter()
        .zip(compiled.params())
        .map(|(l, &t)| OwnedArg::new(l, t))
        .collect::<Result<Vec<_>, _>>()?;
    let before: Vec<String> = storage.iter().map(OwnedArg::repr).collect();
    let mut printed = Vec::new();
    let result = {
        let args: Vec<pyjit::Arg<'_>> = storage.iter_mut().map(OwnedArg::arg).collect();
        compiled.call_with_output(&args, &mut printed)
    };
    let after: Vec<String> = storage.iter().map(OwnedArg::repr).collect();
    let expect = match result {
        Ok(value) => Expect::Value(value.repr()),
        Err(Error::Runtime(e)) => Expect::Raises {
            kind: e.kind.name().to_owned(),
            message: e.message,
            line: Some(e.line),
        },
        Err(other) => return Err(other.to_string()),
    };
    let printed = String::from_utf8(printed).map_err(|e| format!("printed invalid UTF-8: {e}"))?;
    let mut stdout: Vec<String> = printed.split('\n').map(str::to_owned).collect();
    if stdout.last().is_some_and(String::is_empty) {
        stdout.pop();
    }
    Ok(Outcome {
        expect,
        stdout,
        after: (after != before).then(|| after.join(", ")),
    })
}

/// Compare what a case did with what it should do; `None` when they agree.
/// An expectation without a line number accepts any line.
pub fn difference(case: &Case, outcome: &Outcome) -> Option<String> {
    let mut report = String::new();
    let agrees = match (&case.expect, &outcome.expect) {
        (
            Expect::Raises {
                kind,
                message,
                line,
            },
            Expect::Raises {
                kind: got_kind,
                message: got_message,
                line: got_line,
            },
        ) => kind == got_kind && message == got_message && (line.is_none() || line == got_line),
        (expect, got) => expect == got,
    };
    if !agrees {
        let _ = write!(
            report,
            "\n    expected: {}\n    got:      {}",
            show(&case.expect),
            show(&outcome.expect)
        );
    }
    if case.stdout != outcome.stdout {
        let _ = write!(
            report,
            "\n    expected output: {:?}\n    got output:      {:?}",
            case.stdout, outcome.stdout
        );
    }
    if case.after != outcome.after {
        let _ = write!(
            report,
            "\n    expected after: {:?}\n    got after:      {:?}",
            case.after, outcome.after
        );
    }
    (!report.is_empty()).then_some(report)
}

/// An expectation as written in a `# run:` line.
pub fn show(expect: &Expect) -> String {
    match expect {
        Expect::Value(v) => v.clone(),
        Expect::Raises {
            kind,
            message,
            line,
        } => {
            let mut text = format!("raises {kind}");
            if !message.is_empty() {
                let _ = write!(text, ": {message}");
            }
            if let Some(line) = line {
                let _ = write!(text, " (line {line})");
            }
            text
        }
    }
}

/// Whether an executable is on the `PATH`.
pub fn on_path(name: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(name).is_file()))
}

/// Whether this run is CI, where every optional tool must be present.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}
