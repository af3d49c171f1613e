//! Run generated programs ([`crate::generate`]) on both tiers and in
//! CPython, and compare what they did as values: the result's `repr` (a
//! float's `repr` round-trips, so equal text is equal bits; every NaN
//! prints `nan`, so NaNs are canonical), or the exception's type, message
//! and line; what the call printed; the arrays it changed.
//!
//! CPython runs in one long-lived `python3` process that imports each
//! program and evaluates every call with `tests/derive.py`'s own `call`
//! (arrays passed as NumPy arrays, results shown as `pyjit run` shows
//! them), so hundreds of programs cost one NumPy import.

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use pyjit::{CacheLocation, Jit, Options, Tier};

use crate::generate::Program;
use crate::{Case, Expect, Outcome, parse_raises, run, show};

/// The CPython side of a batch: reads the path of a manifest on stdin
/// (lines `program.py<TAB>args`), prints each call's outcome, then `DONE`.
const DRIVER: &str = r#"
import sys, warnings
sys.path.insert(0, sys.argv[1])
import derive
warnings.simplefilter("ignore")
modules = {}
for manifest in sys.stdin:
    for line in open(manifest.rstrip("\n"), encoding="utf-8"):
        path, args = line.rstrip("\n").split("\t")
        try:
            if path not in modules:
                modules[path] = derive.load(path)
            expect, out, after = derive.call(modules[path], path, "f", args)
        except BaseException as e:
            print("X\t" + type(e).__name__ + ": " + str(e).replace("\n", " "))
            continue
        print("E\t" + expect)
        for o in out:
            print("O\t" + o.replace("\n", " "))
        if after is not None:
            print("A\t" + after)
    print("DONE", flush=True)
"#;

/// A `python3` with NumPy running the batch driver.
pub struct CPython {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    dir: tempfile::TempDir,
    batches: usize,
}

impl CPython {
    /// Start it; `Err` says why not (no python3, no NumPy).
    pub fn start() -> Result<CPython, String> {
        let ok = Command::new("python3")
            .args(["-c", "import numpy"])
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            return Err("python3 with NumPy is not available".into());
        }
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let tests = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut child = Command::new("python3")
            .arg("-c")
            .arg(DRIVER)
            .arg(tests)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start python3: {e}"))?;
        let stdin = child.stdin.take().expect("piped");
        let stdout = BufReader::new(child.stdout.take().expect("piped"));
        Ok(CPython {
            child,
            stdin,
            stdout,
            dir,
            batches: 0,
        })
    }

    /// Every call of every program, in order: `outcomes[p][c]` for call
    /// `c` of program `p`; `Err` when CPython could not run it at all.
    pub fn run(
        &mut self,
        programs: &[&Program],
    ) -> Result<Vec<Vec<Result<Outcome, String>>>, String> {
        self.batches += 1;
        let batch = self.dir.path().join(format!("b{}", self.batches));
        std::fs::create_dir_all(&batch).map_err(|e| e.to_string())?;
        let mut manifest = String::new();
        for (i, p) in programs.iter().enumerate() {
            let path = batch.join(format!("agree_{i}.py"));
            std::fs::write(&path, p.source()).map_err(|e| e.to_string())?;
            for call in &p.calls {
                let _ = writeln!(manifest, "{}\t{}", path.display(), call.join(", "));
            }
        }
        let manifest_path = batch.join("manifest");
        std::fs::write(&manifest_path, manifest).map_err(|e| e.to_string())?;
        writeln!(self.stdin, "{}", manifest_path.display())
            .and_then(|()| self.stdin.flush())
            .map_err(|e| format!("python3 went away: {e}"))?;
        let mut results: Vec<Result<Outcome, String>> = Vec::new();
        loop {
            let mut line = String::new();
            let n = self
                .stdout
                .read_line(&mut line)
                .map_err(|e| e.to_string())?;
            if n == 0 {
                return Err("python3 exited in the middle of a batch".into());
            }
            let line = line.trim_end_matches('\n');
            if line == "DONE" {
                break;
            }
            let (tag, rest) = line.split_once('\t').unwrap_or((line, ""));
            match tag {
                "X" => results.push(Err(rest.to_owned())),
                "E" => results.push(Ok(Outcome {
                    expect: match rest.strip_prefix("raises ") {
                        Some(raised) => parse_raises(raised),
                        None => Expect::Value(rest.to_owned()),
                    },
                    stdout: Vec::new(),
                    after: None,
                })),
                "O" | "A" => {
                    if let Some(Ok(outcome)) = results.last_mut() {
                        if tag == "O" {
                            outcome.stdout.push(rest.to_owned());
                        } else {
                            outcome.after = Some(rest.to_owned());
                        }
                    }
                }
                _ => return Err(format!("unexpected line from python3: {line}")),
            }
        }
        let _ = std::fs::remove_dir_all(&batch);
        let mut results = results.into_iter();
        let mut out = Vec::new();
        for p in programs {
            let mut calls = Vec::new();
            for _ in &p.calls {
                calls.push(
                    results
                        .next()
                        .ok_or("python3 gave fewer outcomes than calls")?,
                );
            }
            out.push(calls);
        }
        Ok(out)
    }
}

impl Drop for CPython {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `Jit` for a tier, with a private cache.
pub fn jit(tier: Tier) -> Jit {
    Jit::new(Options {
        tier,
        cache: CacheLocation::Temporary,
        ..Options::default()
    })
    .expect("a temporary cache")
}

/// What a tier did with each call of a program: `Err` when the program
/// does not compile (or the API refused the call), with the reason.
pub fn run_tier(jit: &Jit, program: &Program) -> Vec<Result<Outcome, String>> {
    let name = format!("agree_{}.py", program.seed);
    let module = match jit.load_source(&name, &program.source()) {
        Ok(m) => m,
        Err(e) => return program.calls.iter().map(|_| Err(e.to_string())).collect(),
    };
    program
        .calls
        .iter()
        .map(|args| run(&module, &case(&name, args, Expect::Value(String::new()))))
        .collect()
}

fn case(file: &str, args: &[String], expect: Expect) -> Case {
    Case {
        file: PathBuf::from(file),
        line: 0,
        func: "f".into(),
        args: args.to_vec(),
        expect,
        stdout: Vec::new(),
        after: None,
        deviation: None,
    }
}

/// Which outcomes disagree, coarse enough that a shrunk program can be
/// asked to keep showing the same thing.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub enum Class {
    /// Both tiers refuse the program: a generator bug, not a compiler one.
    GeneratorBug,
    /// One tier compiles the program and the other does not.
    CompileMismatch,
    /// The tiers give different results, exceptions, output or arrays.
    Tiers,
    /// A tier's result, exception type, output or arrays differ from
    /// CPython's.
    Value,
    /// Same exception type as CPython, different message or line.
    Message,
}

/// One disagreement on one call.
#[derive(Clone, Debug)]
pub struct Disagreement {
    /// What kind.
    pub class: Class,
    /// The program (shrunk to the one call when it was shrunk).
    pub program: Program,
    /// The call's arguments.
    pub args: Vec<String>,
    /// The fast tier's outcome.
    pub fast: Result<Outcome, String>,
    /// The optimizing tier's.
    pub optimized: Result<Outcome, String>,
    /// CPython's, when it ran.
    pub cpython: Option<Result<Outcome, String>>,
}

fn same_kind(a: &Expect, b: &Expect) -> bool {
    match (a, b) {
        (Expect::Raises { kind: k1, .. }, Expect::Raises { kind: k2, .. }) => k1 == k2,
        (a, b) => a == b,
    }
}

/// Classify the outcomes of one call; `None` when all agree.
pub fn classify(
    fast: &Result<Outcome, String>,
    optimized: &Result<Outcome, String>,
    cpython: Option<&Result<Outcome, String>>,
) -> Option<Class> {
    let (fast, optimized) = match (fast, optimized) {
        (Err(_), Err(_)) => return Some(Class::GeneratorBug),
        (Ok(f), Ok(o)) => (f, o),
        _ => return Some(Class::CompileMismatch),
    };
    if fast != optimized {
        return Some(Class::Tiers);
    }
    let cpython = cpython?;
    let Ok(cpython) = cpython else {
        return Some(Class::GeneratorBug);
    };
    if !same_kind(&cpython.expect, &fast.expect)
        || cpython.stdout != fast.stdout
        || cpython.after != fast.after
    {
        return Some(Class::Value);
    }
    let mut c = case("", &[], cpython.expect.clone());
    c.stdout = cpython.stdout.clone();
    c.after = cpython.after.clone();
    crate::difference(&c, fast).map(|_| Class::Message)
}

fn show_outcome(o: &Result<Outcome, String>) -> String {
    match o {
        Err(e) => format!("does not run: {e}"),
        Ok(o) => {
            let mut s = show(&o.expect);
            for line in &o.stdout {
                let _ = write!(s, "\n        out: {line}");
            }
            if let Some(after) = &o.after {
                let _ = write!(s, "\n        after: {after}");
            }
            s
        }
    }
}

impl Disagreement {
    /// What the disagreement looks like with numbers left out, to tell
    /// the same finding in another program from a new one.
    pub fn signature(&self) -> String {
        let shape = |o: &Result<Outcome, String>| match o {
            Err(_) => "error".to_owned(),
            Ok(o) => match &o.expect {
                Expect::Value(_) => "value".to_owned(),
                Expect::Raises { kind, message, .. } => format!(
                    "{kind}: {}",
                    message
                        .chars()
                        .filter(|c| !c.is_ascii_digit() && *c != '-')
                        .collect::<String>()
                ),
            },
        };
        format!(
            "{:?} | CPython {} | fast {} | optimized {}",
            self.class,
            self.cpython.as_ref().map_or("-".to_owned(), shape),
            shape(&self.fast),
            shape(&self.optimized)
        )
    }

    /// The program, the call and the three outcomes.
    pub fn report(&self) -> String {
        format!(
            "{:?} disagreement (seed {}):\n{}\ncall: f({})\n    CPython:   {}\n    fast:      {}\n    optimized: {}\n",
            self.class,
            self.program.seed,
            self.program.source(),
            self.args.join(", "),
            self.cpython
                .as_ref()
                .map_or("not run".to_owned(), show_outcome),
            show_outcome(&self.fast),
            show_outcome(&self.optimized),
        )
    }

    /// The program as a corpus fixture: its source and a `# run:` line
    /// with CPython's answer (`None` without one).
    pub fn fixture(&self) -> Option<String> {
        let Some(Ok(cpython)) = &self.cpython else {
            return None;
        };
        let mut text = self.program.source();
        let _ = writeln!(
            text,
            "\n\n# Found by tests/tests/agreement.rs ({:?}): CPython's answer.",
            self.class
        );
        let _ = writeln!(
            text,
            "# run: f({}) -> {}",
            self.args.join(", "),
            show(&cpython.expect)
        );
        for line in &cpython.stdout {
            let _ = writeln!(text, "# out: {line}");
        }
        if let Some(after) = &cpython.after {
            let _ = writeln!(text, "# after: {after}");
        }
        Some(text)
    }

    /// Write the fixture to `tests/programs/agreement_<hash>.py`; its path.
    pub fn save(&self) -> Option<PathBuf> {
        let text = self.fixture()?;
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for b in text.bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("programs")
            .join(format!("agreement_{:08x}.py", hash as u32));
        std::fs::write(&path, text).ok()?;
        Some(path)
    }
}

/// Both tiers and CPython on many programs, in parallel threads.
pub struct Checker {
    /// CPython, when available.
    pub cpython: Option<CPython>,
    threads: usize,
}

/// What a run of many programs found.
#[derive(Debug, Default)]
pub struct Summary {
    /// Programs run.
    pub programs: usize,
    /// Calls run.
    pub calls: usize,
    /// Every disagreement, one per program at most (the first call).
    pub disagreements: Vec<Disagreement>,
    /// How the calls ended (by the fast tier): `value` or the exception
    /// type, and how often; a generator that mostly raises tests little.
    pub endings: std::collections::BTreeMap<String, usize>,
}

impl Checker {
    /// A checker; CPython is left out, with the reason, when it cannot run.
    pub fn new() -> (Checker, Option<String>) {
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
        match CPython::start() {
            Ok(cpython) => (
                Checker {
                    cpython: Some(cpython),
                    threads,
                },
                None,
            ),
            Err(why) => (
                Checker {
                    cpython: None,
                    threads,
                },
                Some(why),
            ),
        }
    }

    /// Both tiers on each program, threads sharing the work.
    fn tiers(&self, programs: &[&Program]) -> Vec<[Vec<Result<Outcome, String>>; 2]> {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let results = std::sync::Mutex::new(vec![None; programs.len()]);
        std::thread::scope(|s| {
            for _ in 0..self.threads {
                s.spawn(|| {
                    let fast = jit(Tier::Fast);
                    let optimized = jit(Tier::Optimized);
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(p) = programs.get(i) else { break };
                        let r = [run_tier(&fast, p), run_tier(&optimized, p)];
                        results.lock().expect("no panic while locked")[i] = Some(r);
                    }
                });
            }
        });
        results
            .into_inner()
            .expect("no panic while locked")
            .into_iter()
            .map(|r| r.expect("every program ran"))
            .collect()
    }

    /// Run programs; every disagreement, the first call of each program
    /// that shows one.
    pub fn check(&mut self, programs: &[&Program]) -> Result<Summary, String> {
        let tiers = self.tiers(programs);
        let cpython = match &mut self.cpython {
            Some(c) => Some(c.run(programs)?),
            None => None,
        };
        let mut summary = Summary {
            programs: programs.len(),
            calls: programs.iter().map(|p| p.calls.len()).sum(),
            disagreements: Vec::new(),
            endings: Default::default(),
        };
        for (i, p) in programs.iter().enumerate() {
            let [fast, optimized] = &tiers[i];
            for outcome in fast {
                let ending = match outcome {
                    Ok(Outcome {
                        expect: Expect::Value(_),
                        ..
                    }) => "value".to_owned(),
                    Ok(Outcome {
                        expect: Expect::Raises { kind, message, .. },
                        ..
                    }) => format!(
                        "{kind}: {}",
                        message
                            .chars()
                            .filter(|c| !c.is_ascii_digit() && *c != '-')
                            .collect::<String>()
                    ),
                    Err(_) => "refused".to_owned(),
                };
                *summary.endings.entry(ending).or_default() += 1;
            }
            for (c, args) in p.calls.iter().enumerate() {
                let py = cpython.as_ref().map(|all| &all[i][c]);
                if let Some(class) = classify(&fast[c], &optimized[c], py) {
                    summary.disagreements.push(Disagreement {
                        class,
                        program: (*p).clone(),
                        args: args.clone(),
                        fast: fast[c].clone(),
                        optimized: optimized[c].clone(),
                        cpython: py.cloned(),
                    });
                    break;
                }
            }
        }
        Ok(summary)
    }

    /// Shrink a disagreement: the smallest program found (greedily, a
    /// batch of candidates at a time) that still shows the same class of
    /// disagreement on its one call.
    pub fn shrink(&mut self, d: &Disagreement) -> Disagreement {
        let mut best = d.clone();
        best.program.calls = vec![d.args.clone()];
        if d.class == Class::GeneratorBug {
            return best;
        }
        let mut rounds = 0;
        'outer: while rounds < 200 {
            rounds += 1;
            let candidates = best.program.shrink_candidates();
            for chunk in candidates.chunks(2 * self.threads.max(1) * 4) {
                let refs: Vec<&Program> = chunk.iter().collect();
                let Ok(summary) = self.check(&refs) else {
                    return best;
                };
                let found = summary
                    .disagreements
                    .into_iter()
                    .find(|x| x.class == d.class);
                if let Some(found) = found {
                    best = found;
                    continue 'outer;
                }
            }
            break;
        }
        best
    }
}
